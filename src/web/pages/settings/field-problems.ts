import { ApiError } from '../../api/api-client';

/** The app's own wording for a request that failed schema validation (src/server/app.ts). */
const SCHEMA_PROBLEM_PREFIX = 'The request ';

/**
 * The server's message for one form field (`body.url`), to show on that field; undefined when the
 * problem is not about it. A service's own sentence (e.g. "Source "web-app" already has an active
 * write key… Revoke it first") is shown whole; a schema problem shows just the field's message.
 */
export function fieldProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return undefined;
  const item = error.errors.find((problem) => problem.field === field);
  if (!item) return undefined;
  if (!error.detail.startsWith(SCHEMA_PROBLEM_PREFIX)) return error.detail;
  return item.message.charAt(0).toUpperCase() + item.message.slice(1);
}

/** True when the problem is shown on one of the form's fields, so no separate alert is needed. */
export function isFieldProblem(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => fieldProblem(error, field) !== undefined);
}

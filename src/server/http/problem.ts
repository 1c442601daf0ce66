/** One thing wrong with a request, named precisely enough to fix it. */
export interface ProblemItem {
  /** Where: a field path ("body.name", "query.limit"), or for imports the column name. */
  field?: string;
  /** For imports: the 1-based data row number in the file (the header is row 0)... see imports docs. */
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

/**
 * An error that becomes an RFC 9457 `application/problem+json` response.
 * Services throw these; the app's error handler presents them.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: ProblemItem[] = [],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors: ProblemItem[] = []) =>
  new ProblemError(400, 'Invalid request', detail, errors);
export const unauthorized = (detail = 'Sign in, or send an API token as "Authorization: Bearer <token>".') =>
  new ProblemError(401, 'Not signed in', detail);
export const forbidden = (detail: string) => new ProblemError(403, 'Not allowed', detail);
export const notFound = (what: string, id: string) =>
  new ProblemError(404, 'Not found', `No ${what} with id ${id}. Check the id; it may have been deleted.`);
export const conflict = (detail: string, errors: ProblemItem[] = []) =>
  new ProblemError(409, 'Conflict', detail, errors);
export const unprocessable = (detail: string, errors: ProblemItem[] = []) =>
  new ProblemError(422, 'Cannot process', detail, errors);

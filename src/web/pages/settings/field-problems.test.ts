import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-client';
import { fieldProblem, isFieldProblem } from './field-problems';

describe('fieldProblem', () => {
  it("shows a service's own sentence on the field it names", () => {
    const conflict = new ApiError(
      409,
      'Conflict',
      'Source "web-app" already has an active write key (1). Revoke it first, then create a new one.',
      [{ field: 'body.source', message: 'already has an active write key' }],
    );
    expect(fieldProblem(conflict, 'body.source')).toBe(
      'Source "web-app" already has an active write key (1). Revoke it first, then create a new one.',
    );
    expect(isFieldProblem(conflict, ['body.source'])).toBe(true);
  });

  it("shows only the field's message for a schema problem", () => {
    const invalid = new ApiError(
      400,
      'Invalid request',
      'The request body is invalid: body.url: must be an http:// or https:// URL',
      [{ field: 'body.url', message: 'must be an http:// or https:// URL' }],
    );
    expect(fieldProblem(invalid, 'body.url')).toBe('Must be an http:// or https:// URL');
    expect(fieldProblem(invalid, 'body.events')).toBeUndefined();
  });

  it('leaves other failures to an alert', () => {
    const forbidden = new ApiError(403, 'Not allowed', 'Your role (csm) may not do this.');
    expect(fieldProblem(forbidden, 'body.source')).toBeUndefined();
    expect(isFieldProblem(new Error('network'), ['body.source'])).toBe(false);
  });
});

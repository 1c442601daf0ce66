import type { Problem } from '../../shared/api/auth.contract';

/** Fired on `window` when the server answers 401 to anything but the sign-in form itself. */
export const UNAUTHORIZED_EVENT = 'cycle:unauthorized';

/** A failed API call, carrying the server's RFC 9457 problem so the UI can show `detail` as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: NonNullable<Problem['errors']>;

  constructor(status: number, title: string, detail: string, errors: Problem['errors'] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

/** Query string values: arrays repeat the key; undefined, null and '' are left out. */
export type QueryValues = Record<string, string | number | readonly string[] | undefined | null>;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryValues;
  body?: unknown;
  signal?: AbortSignal;
}

/** `/api/v1` + path + query string, e.g. `buildApiUrl('/accounts', { page: 2 })` → `/api/v1/accounts?page=2`. */
export function buildApiUrl(path: string, query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the Cycle API with the session cookie and returns the parsed JSON body.
 * Throws ApiError with the server's problem detail; on 401 also fires UNAUTHORIZED_EVENT.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Server unreachable', 'Cannot reach the Cycle server. Check your connection, or that the server is running, and try again.');
  }
  if (response.status === 401 && path !== '/auth/login') {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
  }
  if (!response.ok) throw await readProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const problem = JSON.parse(text) as Partial<Problem>;
    if (typeof problem.detail === 'string') {
      return new ApiError(response.status, problem.title ?? response.statusText, problem.detail, problem.errors ?? []);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to a generic message.
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(response.status, 'Request failed', `The server answered ${response.status}${statusText}. Try again in a moment.`);
}

/** The message to show a person for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

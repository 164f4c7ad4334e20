/**
 * The HTTP client: same-origin cookies, the XSRF header on every non-GET request, and
 * application/problem+json errors turned into ApiError with their field errors.
 */

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly retryAfter?: number;

  constructor(status: number, title: string, detail?: string, errors: FieldError[] = [], retryAfter?: number) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** Called on every 401 answer (except from the login call itself), so the app can show the login page. */
export function setUnauthorizedHandler(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const cookie = part.trim();
    if (cookie.startsWith(prefix)) {
      return decodeURIComponent(cookie.substring(prefix.length));
    }
  }
  return undefined;
}

/** The API lives beside the UI ('./api/...'): a relative base keeps it working under a servlet context path. */
let apiBase = '.';
export function setApiBase(base: string): void {
  apiBase = base.replace(/\/$/, '');
}

function statusTitle(status: number): string {
  switch (status) {
    case 400: return 'Malformed request';
    case 401: return 'Not signed in';
    case 403: return 'Not allowed';
    case 404: return 'Not found';
    case 409: return 'Conflict';
    case 422: return 'Invalid workflow definition';
    case 429: return 'Too many requests';
    case 503: return 'Service unavailable';
    default: return `Request failed (${status})`;
  }
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      path: typeof e.path === 'string' ? e.path : '$',
      code: typeof e.code === 'string' ? e.code : 'error',
      message: typeof e.message === 'string' ? e.message : String(e.message ?? 'invalid'),
    }));
}

/** Builds an ApiError from a failed response, reading problem+json where the server sent it. */
export async function parseError(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: unknown = null;
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (body && typeof body === 'object') {
    const problem = body as Record<string, unknown>;
    const title = typeof problem.title === 'string' && problem.title ? problem.title : statusTitle(response.status);
    const detail = typeof problem.detail === 'string' ? problem.detail
      : typeof problem.message === 'string' ? problem.message : undefined;
    return new ApiError(response.status, title, detail, asFieldErrors(problem.errors), retryAfter);
  }
  return new ApiError(response.status, statusTitle(response.status), text && text.length < 300 ? text : undefined,
    [], retryAfter);
}

export interface RequestOptions {
  /** Do not call the 401 handler (the login call answers 401 for wrong credentials). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the server', e instanceof Error ? e.message : undefined);
  }
  if (!response.ok) {
    const error = await parseError(response);
    if (response.status === 401 && !options.skipAuthRedirect) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

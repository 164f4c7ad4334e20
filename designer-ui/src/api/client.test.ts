import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http, parseError, setUnauthorizedHandler } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

describe('api client', () => {
  it('turns a problem+json answer into an ApiError with every field error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(422, {
      type: 'about:blank', title: 'Invalid workflow definition', status: 422, detail: '2 errors',
      errors: [
        { path: 'steps[1].config.url', code: 'required', message: 'url is required' },
        { path: 'trigger.config.cron_expression', code: 'invalid_cron', message: 'cron needs 5 fields' },
      ],
    })));
    const error = (await http.post('/api/workflows', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.title).toBe('Invalid workflow definition');
    expect(error.detail).toBe('2 errors');
    expect(error.errors).toEqual([
      { path: 'steps[1].config.url', code: 'required', message: 'url is required' },
      { path: 'trigger.config.cron_expression', code: 'invalid_cron', message: 'cron needs 5 fields' },
    ]);
    expect(error.message).toBe('Invalid workflow definition: 2 errors');
  });

  it('copes with error answers that are not JSON', async () => {
    const error = await parseError(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
    expect(error.title).toBe('Request failed (502)');
  });

  it('reads Retry-After on 429 and 503', async () => {
    const error = await parseError(problem(429, { title: 'Too many requests', status: 429 }, { 'Retry-After': '7' }));
    expect(error.retryAfter).toBe(7);
  });

  it('sends the XSRF-TOKEN cookie as X-XSRF-TOKEN on non-GET requests only', async () => {
    document.cookie = 'XSRF-TOKEN=abc%20123';
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await http.post('/api/workflows/x/deploy');
    await http.get('/api/workflows');
    const [postCall, getCall] = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect((postCall[1].headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc 123');
    expect(postCall[1].credentials).toBe('same-origin');
    expect((getCall[1].headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('calls the API relative to the page, so a context path is kept', async () => {
    const fetchMock = vi.fn(async () => new Response('[]', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await http.get('/api/workflows');
    expect((fetchMock.mock.calls as unknown as [string][])[0][0]).toBe('./api/workflows');
  });

  it('reports a 401 to the sign-in handler, except for calls that opt out', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', vi.fn(async () => problem(401, { title: 'Unauthorized', status: 401 })));
    await expect(http.get('/api/workflows')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(http.post('/api/auth/login', {}, { skipAuthRedirect: true })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('answers 204 with undefined and a network failure with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    await expect(http.delete('/api/workflows/1')).resolves.toBeUndefined();
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(http.get('/api/workflows')).rejects.toMatchObject({ status: 0, title: 'Cannot reach the server' });
  });
});

/** Calls the MSW backend (msw/node) the way the app does, for integration tests of the contract. */
export const BASE = 'http://localhost/api/v1';

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  method: string,
  path: string,
  opts: {
    token?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
    raw?: string;
    /** A multipart body (the fetch sets its Content-Type with the boundary). */
    form?: FormData;
  } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = {
    ...(opts.form ? {} : { 'Content-Type': 'application/json' }),
    ...(opts.headers ?? {}),
  };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const ctrl = new AbortController();
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    signal: ctrl.signal,
    body:
      opts.form ?? opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  // A stream (live events) never ends: its status and headers are the answer.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    ctrl.abort();
    return { status: res.status, body: null as T, headers: res.headers };
  }
  // A file (an attachment's bytes) is the answer as bytes.
  if (!/json/.test(res.headers.get('content-type') ?? 'json'))
    return {
      status: res.status,
      body: new Uint8Array(await res.arrayBuffer()) as T,
      headers: res.headers,
    };
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/**
 * Demo accounts' sessions, kept across tests: a sign-in costs a password hash (PBKDF2, 600,000
 * iterations) and the store keeps sessions when it is reset between tests. A cached token is
 * checked (cheaply) before reuse, so a test that ends a session leaves none behind.
 */
const sessions = new Map<string, string>();

export async function login(username: string, password = 'demo123'): Promise<string> {
  const cached = password === 'demo123' ? sessions.get(username) : undefined;
  if (cached && (await call('GET', '/auth/me', { token: cached })).status === 200) return cached;
  const r = await call<{ token: string }>('POST', '/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  if (password === 'demo123') sessions.set(username, r.body.token);
  return r.body.token;
}

/** A client bound to one user's token. */
export async function as(username: string) {
  const token = await login(username);
  return {
    token,
    get: <T = any>(p: string, headers?: Record<string, string>) =>
      call<T>('GET', p, { token, headers }),
    post: <T = any>(p: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', p, { token, body: body ?? {}, headers }),
    put: <T = any>(p: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', p, { token, body, headers }),
    /** PUT over the current version: reads the record's ETag and sends it as If-Match. */
    putCurrent: async <T = any>(p: string, body: unknown) => {
      const etag = (await call('GET', p, { token })).headers.get('etag');
      return call<T>('PUT', p, { token, body, headers: etag ? { 'If-Match': etag } : {} });
    },
    patch: <T = any>(p: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', p, { token, body, headers }),
    del: <T = any>(p: string, headers?: Record<string, string>, body?: unknown) =>
      call<T>('DELETE', p, { token, headers, body }),
  };
}

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
  } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(opts.headers ?? {}),
  };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export async function login(username: string, password = 'demo123'): Promise<string> {
  const r = await call<{ token: string }>('POST', '/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
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

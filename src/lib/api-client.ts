/**
 * Thin fetch wrapper: base URL, bearer token, If-Match, Idempotency-Key, JSON, and a typed
 * ApiError from problem+json. No toasts and no redirects here: callers decide.
 */
import { env } from '@/config/env';
import type { Problem } from '@/types/api';

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: Record<string, string>;
  readonly detail: string | undefined;
  readonly body: Problem | null;

  constructor(status: number, body: Problem | null, fallback: string) {
    super(body?.detail ?? body?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.type = body?.type ?? 'about:blank';
    this.title = body?.title ?? fallback;
    this.errors = body?.errors ?? {};
    this.detail = body?.detail;
    this.body = body;
  }

  get isVersionConflict() {
    return this.status === 409 && this.type.endsWith('/version-conflict');
  }
  get isInvalidTransition() {
    return this.status === 409 && this.type.endsWith('/invalid-transition');
  }
  /** The current record sent with a 409 version conflict. */
  current<T>(): T | undefined {
    return this.body?.current as T | undefined;
  }
}

/** A network failure (no response at all): retryable, distinct from an HTTP error. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

let token: string | null = null;
let locale = 'zh-CN';
let onUnauthorized: (() => void) | null = null;

export const setApiToken = (t: string | null) => {
  token = t;
};
export const setApiLocale = (l: string) => {
  locale = l;
};
/** Called when any authenticated call answers 401 (expired or missing session). */
export const setUnauthorizedHandler = (fn: (() => void) | null) => {
  onUnauthorized = fn;
};

/**
 * What every call sends besides its body (the session's Bearer token, the language), for callers
 * that cannot go through `request`: an upload over XMLHttpRequest (its progress), a file's bytes.
 */
export function authHeaders(): Record<string, string> {
  return { 'Accept-Language': locale, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

/** A non-JSON answer's failure as an ApiError (the body parsed when it is problem+json). */
export function apiErrorOf(status: number, text: string, statusText = ''): ApiError {
  let body: Problem | null = null;
  try {
    body = text ? (JSON.parse(text) as Problem) : null;
  } catch {
    body = null;
  }
  if (status === 401 && token && onUnauthorized) onUnauthorized();
  return new ApiError(status, body, statusText || `HTTP ${status}`);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined | string[]>;
  /** The record version this change is based on; sent as If-Match: "<version>". */
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Use this token instead of the session's (logout sends the old one after the session ended). */
  token?: string;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export async function requestRaw<T>(
  path: string,
  opts: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  const bearer = opts.token ?? token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.version !== undefined) headers['If-Match'] = `"${opts.version}"`;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${env.apiBaseUrl}${path}${buildQuery(opts.query)}`, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new NetworkError(e);
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    // Only the current session ends on 401: a late answer to a call made with an earlier token
    // (a previous session, or logout's own call) must not sign out whoever is logged in now.
    if (res.status === 401 && token && bearer === token && onUnauthorized) onUnauthorized();
    throw new ApiError(
      res.status,
      (parsed as Problem | null) ?? null,
      res.statusText || `HTTP ${res.status}`,
    );
  }
  return { data: parsed as T, headers: res.headers, status: res.status };
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await requestRaw<T>(path, opts)).data;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...opts, method: 'PATCH', body }),
  delete: <T>(path: string, opts: Omit<RequestOptions, 'method'> = {}) =>
    request<T>(path, { ...opts, method: 'DELETE' }),
};

/** A fresh key for one logical create; keep it across retries of the same submission. */
export const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

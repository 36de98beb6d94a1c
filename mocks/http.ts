/**
 * Conventions of the REST contract, shared by every handler: problem+json errors, auth and roles,
 * body validation (422 with field errors), If-Match versioning (409/428), Idempotency-Key, paging.
 */
import { HttpResponse } from 'msw';
import type { z } from 'zod';
import { registerCatalog, toLocale, translate, type Locale } from '@/lib/i18n/core';
import { enUS } from '@/locales/en-US';
import { zhCN } from '@/locales/zh-CN';
import type { Paged, Problem, Role, User } from '@/types/api';
import { errors, fieldErrors, HttpError } from '../server/domain/errors';
import type { ReadTx, Storage, Tx } from '../server/domain/ports';
import { tokenId } from '../server/domain/passwords';
import { liveSession, sessionOf, slideDue, slideSession } from '../server/domain/sessions';
import { memoryStorage } from './memory-storage';

// The mock words its validation messages in either language, so it carries both catalogues.
registerCatalog('zh-CN', zhCN);
registerCatalog('en-US', enUS);

export { errors, fieldErrors, HttpError };

export const API = '*/api/v1';
const TYPE_BASE = 'https://gkwb.changzhi.example/problems';

export function problemResponse(e: HttpError) {
  const body: Problem = {
    type: `${TYPE_BASE}/${e.kind}`,
    title: e.problemTitle,
    status: e.status,
    ...e.extra,
  };
  return HttpResponse.json(body, {
    status: e.status,
    headers: { ...e.headers, 'Content-Type': 'application/problem+json' },
  });
}

/**
 * A storage as the handlers use it: the port, plus what the administration's tools need of it.
 * The memory storage (mocks/memory-storage.ts) or the server's SQL storage (server/storage).
 */
export interface HandlerStorage extends Storage {
  /**
   * Replaces every record but the sessions with the demo seed, in the write transaction under
   * way: what it writes afterwards (the reset's audit entry) is the new records' first change.
   */
  reseed(): Promise<void>;
  /** The test clock for every instance sharing the storage (SQL; memory has its own clock.ts). */
  setTestToday?(today: string | null): Promise<void>;
  /**
   * Runs `fn` outside the transaction under way, for work that outlives the request (SQL: what
   * runs later opens transactions of its own, never one inside the request's).
   */
  outsideTransaction?<T>(fn: () => T): T;
}

/** Where the handlers' transactions run: the memory storage, or the server's SQL storage. */
let storage: HandlerStorage = memoryStorage;
export function useStorage(s: HandlerStorage) {
  storage = s;
}
export const currentStorage = () => storage;

/** Methods that change something: their handler runs in a write transaction, others in a read. */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A read transaction where a handler's type says Tx: a write in it is a bug, not a silent no-op. */
function readOnly(rtx: ReadTx): Tx {
  const refuse = () => {
    throw new Error('write in a read transaction');
  };
  const stores = Object.fromEntries(
    Object.entries(rtx).map(([k, v]) =>
      v && typeof v === 'object' && 'get' in v
        ? [k, { ...v, getForUpdate: refuse, put: refuse, delete: refuse }]
        : [k, v],
    ),
  );
  return { ...stores, nextSeq: refuse, afterCommit: refuse } as unknown as Tx;
}

/** Runs `fn` in a transaction fit for the request: a write for a change, a read otherwise. */
export function inTransaction<T>(request: Request, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return MUTATING.has(request.method)
    ? storage.write(fn)
    : storage.read((rtx) => fn(readOnly(rtx)));
}

export interface Ctx {
  /** The request's transaction (a read-only one for GET): the domain services run in it. */
  tx: Tx;
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  user: User;
  /** The stored id of the caller's session (the SHA-256 of its token). */
  sessionId: string;
  locale: Locale;
  url: URL;
}

type Resolver = (ctx: Ctx) => Promise<Response> | Response;
type PublicResolver = (ctx: Omit<Ctx, 'user' | 'sessionId'>) => Promise<Response> | Response;

export function localeOf(request: Request): Locale {
  return toLocale(request.headers.get('Accept-Language'));
}

/** The bearer token a request carries, if any. */
function bearerOf(request: Request): string | null {
  const m = request.headers.get('Authorization')?.match(/^Bearer\s+(.+)$/i);
  return m?.[1] ?? null;
}

/**
 * The signed-in user and their session, or null (no token, or not a live session), read in a
 * transaction of its own: for a check made before the request's transaction (the upload gate).
 */
export async function userFromRequest(
  request: Request,
): Promise<{ user: User; sessionId: string } | null> {
  const token = bearerOf(request);
  if (!token) return null;
  const live = await liveSession(storage, token);
  return live && { user: live.user, sessionId: live.session.id };
}

/**
 * The caller's network address, for sign-in throttling and the audit trail: the server sets
 * `X-Client-Address` from the connection (and drops any the client sent); in the browser mock
 * there is only this one client.
 */
export const clientAddress = (request: Request) =>
  request.headers.get('X-Client-Address') ?? 'local';

function guard<I>(fn: (info: I) => Promise<Response>) {
  return async (info: I) => {
    try {
      return await fn(info);
    } catch (e) {
      if (e instanceof HttpError) return problemResponse(e);
      console.error('[mock] unhandled', e);
      return problemResponse(new HttpError(500, 'internal', 'Internal error'));
    }
  };
}

interface Info {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}

/** What a user whose password was reset may call before changing it. */
const MAY_BEFORE_CHANGE = /\/api\/v1\/auth\/(me|password|logout)$/;

/**
 * An authenticated route; `roles` limits who may call it (others get 403). The caller's session is
 * read in the request's own transaction (one snapshot, no transaction of its own); its idle expiry,
 * when due, is pushed on in that transaction for a change, after it for a read.
 */
export function authed(roles: Role[] | 'any', fn: Resolver) {
  return guard(async ({ request, params }: Info) => {
    const token = bearerOf(request);
    if (!token) throw errors.unauthorized();
    const sessionId = await tokenId(token);
    const writes = MUTATING.has(request.method);
    // A read's session is slid on after its transaction (a read-only one can't write it).
    const { response, slideTo } = await inTransaction(request, async (tx) => {
      const live = await sessionOf(tx, sessionId);
      if (!live) throw errors.unauthorized();
      const { user } = live;
      if (roles !== 'any' && !roles.includes(user.role)) throw errors.forbidden();
      // After a reset the one-time password opens nothing but the change of it (and signing out).
      if (user.mustChangePassword && !MAY_BEFORE_CHANGE.test(new URL(request.url).pathname))
        throw new HttpError(403, 'password-change-required', 'Change your password first', {
          detail: translate(localeOf(request), 'auth.mustChange'),
        });
      const due = slideDue(live.session, tx.now);
      if (due !== null && writes) await slideSession(tx, sessionId, due);
      const out = await fn({
        tx,
        request,
        params,
        user,
        sessionId,
        locale: localeOf(request),
        url: new URL(request.url),
      });
      return { response: out, slideTo: writes ? null : due };
    });
    if (slideTo !== null) await storage.write((tx) => slideSession(tx, sessionId, slideTo));
    return response;
  });
}

export function open(fn: PublicResolver) {
  return guard(async ({ request, params }: Info) =>
    inTransaction(request, async (tx) =>
      fn({ tx, request, params, locale: localeOf(request), url: new URL(request.url) }),
    ),
  );
}

export const WRITERS: Role[] = ['admin', 'clerk'];
export const ALL: Role[] = ['admin', 'clerk', 'handler', 'leader'];

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest('Malformed JSON body');
  }
}

/**
 * The body of a PATCH: a JSON object of the fields to change. Anything else (`null`, a number, a
 * string, an array) is 422 rather than an empty change that would still write a new version.
 */
export async function readPatch(ctx: Pick<Ctx, 'request' | 'locale'>): Promise<object> {
  const raw = await readJson(ctx.request);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw errors.validation({ body: translate(ctx.locale, 'validation.invalid') });
  return raw;
}

export async function parseBody<S extends z.ZodType>(
  ctx: Pick<Ctx, 'request' | 'locale'>,
  schema: S,
): Promise<z.infer<S>> {
  const raw = await readJson(ctx.request);
  const r = schema.safeParse(raw);
  if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
  return r.data;
}

export function parseQuery<S extends z.ZodType>(
  ctx: Pick<Ctx, 'url' | 'locale'>,
  schema: S,
): z.infer<S> {
  const obj: Record<string, string | string[]> = {};
  for (const key of new Set(ctx.url.searchParams.keys())) {
    const all = ctx.url.searchParams.getAll(key);
    obj[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const r = schema.safeParse(obj);
  if (!r.success) {
    const errs = fieldErrors(r.error, ctx.locale);
    throw new HttpError(400, 'bad-request', 'Malformed query', {
      errors: errs,
      detail: Object.keys(errs).join(', '),
    });
  }
  return r.data;
}

/** Checks If-Match against the record's version: 428 when missing, 409 (with the record) when stale. */
export function checkVersion<T extends { version: number }>(
  request: Request,
  current: T,
  present: (r: T) => unknown = (r) => r,
) {
  const header = request.headers.get('If-Match');
  if (!header) throw errors.preconditionRequired();
  const v = Number(header.replace(/^W\//, '').replace(/"/g, '').trim());
  if (!Number.isInteger(v) || v !== current.version) throw errors.versionConflict(present(current));
}

export function withEtag<T extends { version: number }>(body: T, init: ResponseInit = {}) {
  return HttpResponse.json(body, {
    ...init,
    headers: { ...(init.headers ?? {}), ETag: `"${body.version}"` },
  });
}

/** How long an Idempotency-Key's answer is replayed (draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Outcome {
  status: number;
  body: unknown;
}

function answer(res: Outcome, replay: boolean) {
  const version = (res.body as { version?: number } | null)?.version;
  return HttpResponse.json(res.body as never, {
    status: res.status,
    headers: {
      ...(version !== undefined ? { ETag: `"${version}"` } : {}),
      ...(replay ? { 'Idempotent-Replay': 'true' } : {}),
    },
  });
}

/**
 * A create that honours Idempotency-Key: the same key again — from the same user, on the same
 * method and path, with the same body — returns the first answer and creates nothing; the same key
 * with another body is 422. The key is claimed in the create's own transaction, so the record and
 * its key are committed together (a reload mid-create cannot leave a record without its key), and
 * a concurrent duplicate — the next writer — finds the first one's answer.
 */
export async function idempotent(ctx: Ctx, create: () => Promise<Outcome>) {
  const key = ctx.request.headers.get('Idempotency-Key');
  if (!key) return answer(await create(), false);
  const id = `${ctx.user.id} ${ctx.request.method} ${ctx.url.pathname} ${key}`;
  const hash = await sha256(await ctx.request.clone().text());
  const prior = await ctx.tx.idempotency.getForUpdate(id);
  if (prior && Date.parse(prior.at) > ctx.tx.now - IDEMPOTENCY_TTL_MS) {
    if (prior.hash !== hash)
      throw errors.validation({
        'Idempotency-Key': translate(ctx.locale, 'validation.idempotencyKeyReused'),
      });
    return answer(prior, true);
  }
  const res = await create();
  await ctx.tx.idempotency.put({
    id,
    hash,
    status: res.status,
    body: res.body,
    at: new Date().toISOString(),
  });
  return answer(res, false);
}

export interface ListOptions<T> {
  search?: (item: T) => string;
  sortable: Record<string, (item: T) => string | number | null>;
  defaultSort: string;
}

/** Paging, sort and `q` over an already filtered array. */
export function pageOf<T>(
  items: T[],
  query: { page: number; pageSize: number; sort?: string | undefined; q?: string | undefined },
  opts: ListOptions<T>,
): Paged<T> {
  let rows = items;
  const q = query.q?.trim().toLowerCase();
  if (q && opts.search) rows = rows.filter((it) => opts.search!(it).toLowerCase().includes(q));
  const sort = query.sort ?? opts.defaultSort;
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const key = opts.sortable[field];
  if (!key)
    throw new HttpError(400, 'bad-request', 'Malformed query', {
      errors: { sort: `unknown sort field ${field}` },
    });
  const keyed = rows.map((it) => ({ it, k: key(it) }));
  keyed.sort((a, b) => {
    if (a.k === b.k) return 0;
    if (a.k === null) return 1;
    if (b.k === null) return -1;
    return (a.k < b.k ? -1 : 1) * (desc ? -1 : 1);
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    items: keyed.slice(start, start + query.pageSize).map((x) => x.it),
    total: keyed.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The route table (issue #15): one declaration per endpoint — method, path, roles, query/body
 * schemas, response, handler — from which both the MSW handler (that the server runs too) and the
 * endpoint's OpenAPI entry are made, so the roles a route documents are the roles it enforces.
 * Checks beyond the role (section scope, the record's state) stay in the domain layer.
 */
import { http, type HttpHandler } from 'msw';
import type { z } from 'zod';
import type { Role } from '@/types/api';
import { API, authed, open, parseBody, type Ctx } from './http';
import { ALL_ROLES, type Route } from './openapi-route';

type BodyOf<B> = B extends z.ZodType ? z.infer<B> : never;
type Reply = Response | Promise<Response>;

/** What a handler gets: the request's context and its body parsed with the route's `body` (422 when invalid). */
export type RouteCtx<B = undefined> = Ctx & { body: () => Promise<BodyOf<B>> };
export type PublicRouteCtx<B = undefined> = Omit<Ctx, 'user' | 'sessionId'> & {
  body: () => Promise<BodyOf<B>>;
};

interface Common<B> extends Omit<Route, 'roles' | 'body'> {
  /** The request body's schema: documented, and what `ctx.body()` parses with. */
  body?: B;
  /** What the documentation adds after the roles (e.g. "(handlers: own section)"): checks of the domain layer. */
  rolesNote?: string;
  /**
   * One handler answering several documented endpoints (`/letters/{id}/{action}`): each variant
   * is documented at its own path with its own summary, body and note, under the route's roles.
   */
  variants?: { path: string; summary: string; body?: z.ZodType; rolesNote?: string }[];
}
interface AuthedDef<B> extends Common<B> {
  /** Who may call it (others get 403); 'any' is every signed-in role. */
  roles: Role[] | 'any';
  handler: (ctx: RouteCtx<B>) => Reply;
}
interface PublicDef<B> extends Common<B> {
  /** Callable without a token. */
  roles: 'public';
  handler: (ctx: PublicRouteCtx<B>) => Reply;
}

export interface ApiRoute {
  method: Route['method'];
  /** OpenAPI style: `/letters/{id}`. */
  path: string;
  roles: Role[] | 'any' | 'public';
  /** The endpoint's OpenAPI entries (one, or one per variant). */
  docs: Route[];
  /** The MSW handler (the browser mock and the Vitest suites run it). */
  msw: HttpHandler;
  /** The same handler for a request already matched to `path` (the server's own router). */
  resolve: Resolve;
}

/** A route's handler given its request and the path's parameters. */
export type Resolve = (info: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}) => Promise<Response>;

/** The roles as the OpenAPI description writes them. */
function rolesText(roles: Role[] | 'any' | 'public', note?: string) {
  const text = roles === 'public' ? 'public' : roles === 'any' ? ALL_ROLES : roles.join(', ');
  return note ? `${text} ${note}` : text;
}

export function route<B extends z.ZodType | undefined = undefined>(def: AuthedDef<B>): ApiRoute;
export function route<B extends z.ZodType | undefined = undefined>(def: PublicDef<B>): ApiRoute;
export function route<B extends z.ZodType | undefined = undefined>(
  def: AuthedDef<B> | PublicDef<B>,
): ApiRoute {
  const { handler: _handler, rolesNote, roles, variants, ...rest } = def;
  const doc = { ...rest, roles: rolesText(roles, rolesNote) } as Route;
  const docs: Route[] = variants
    ? variants.map(({ rolesNote: note, ...v }) => ({
        ...doc,
        ...v,
        roles: rolesText(roles, note ?? rolesNote),
      }))
    : [doc];
  const body = (ctx: Pick<Ctx, 'request' | 'locale'>) => () => {
    if (!def.body) throw new Error(`${def.method} ${def.path}: no body schema declared`);
    return parseBody(ctx, def.body) as Promise<BodyOf<B>>;
  };
  const resolver =
    def.roles === 'public'
      ? open((ctx) => (def as PublicDef<B>).handler({ ...ctx, body: body(ctx) }))
      : authed(def.roles, (ctx) => (def as AuthedDef<B>).handler({ ...ctx, body: body(ctx) }));
  const mswPath = `${API}${def.path.replace(/\{(\w+)\}/g, ':$1')}`;
  return {
    method: def.method,
    path: def.path,
    roles,
    docs,
    msw: http[def.method](mswPath, resolver),
    resolve: resolver,
  };
}

/** The MSW handlers of a list of routes, in its order. */
export const mswOf = (routes: readonly ApiRoute[]) => routes.map((r) => r.msw);

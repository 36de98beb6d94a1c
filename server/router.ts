/**
 * The server's own matching of the route table (mocks/route.ts): each route's method and path
 * compiled once into a regular expression, tried in the table's match order (the same order the
 * MSW handlers run in), and its handler called with the path's parameters. MSW's `getResponse`
 * did the same work by compiling every route's pattern and parsing the request's cookies on every
 * request — about a millisecond of each call.
 *
 * Paths match exactly: case-sensitive, one API prefix, no trailing slash (the caller strips it).
 */
import type { ApiRoute, Resolve } from '@mocks/route';

interface Compiled {
  method: string;
  pattern: RegExp;
  names: string[];
  resolve: Resolve;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(prefix: string, route: ApiRoute): Compiled {
  const names: string[] = [];
  const source = route.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return {
    method: route.method.toUpperCase(),
    pattern: new RegExp(`^${escape(prefix)}${source}$`),
    names,
    resolve: route.resolve,
  };
}

/** A matcher over `routes` (in match order) under `prefix` (`/api/v1`). */
export function routerOf(prefix: string, routes: readonly ApiRoute[]) {
  const compiled = routes.map((r) => compile(prefix, r));
  /** The answer of the first route matching `request` at `pathname`, or null when none does. */
  return (request: Request, pathname: string): Promise<Response> | null => {
    for (const c of compiled) {
      if (c.method !== request.method) continue;
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      } catch {
        return null; // a malformed escape in the path: nothing there
      }
      return c.resolve({ request, params });
    }
    return null;
  };
}

// @vitest-environment node
/**
 * The route table's roles are the roles enforced: for every route declared with `route()`, each
 * role not in its `roles` gets 403 and changes nothing, and no route but the public ones answers
 * without a token. The OpenAPI document writes the same `roles` (mocks/route.ts), so what it
 * documents and what the backend enforces cannot differ.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '@mocks/handlers';
import openapi from '@mocks/openapi.json';
import type { Role } from '@/types/api';
import { as, call } from '../api';
import { stored, storedChange } from './stored';

const ROLES: Role[] = ['admin', 'clerk', 'handler', 'leader'];
/** A concrete path for a template: each parameter some value (the role check comes first). */
const concrete = (path: string) => path.replace(/\{\w+\}/g, 'x');

describe('route table roles', () => {
  it('declares each endpoint once', () => {
    const keys = apiRoutes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('documents the roles it declares', () => {
    const paths = openapi.paths as Record<string, Record<string, { description: string }>>;
    for (const r of apiRoutes.flatMap((x) => x.docs.map((d) => ({ ...x, path: d.path })))) {
      const roles =
        r.roles === 'public' ? 'public' : r.roles === 'any' ? ROLES.join(', ') : r.roles.join(', ');
      expect(paths[r.path]?.[r.method]?.description, `${r.method} ${r.path}`).toMatch(
        new RegExp(`^Roles: ${roles.replace(/[()]/g, '\\$&')}[ .]`),
      );
    }
  });

  for (const role of ROLES) {
    const refused = apiRoutes.filter((r) => Array.isArray(r.roles) && !r.roles.includes(role));
    it(`refuses the ${role} (403, nothing written) on the ${refused.length} routes not theirs`, async () => {
      const c = await as(role);
      const wrong: string[] = [];
      for (const r of refused) {
        const before = stored();
        const res = await call(r.method.toUpperCase(), concrete(r.path), {
          token: c.token,
          body: {},
          headers: { 'If-Match': '"1"' },
        });
        const changed = storedChange(before, stored());
        if (res.status !== 403 || changed)
          wrong.push(`${r.method} ${r.path}: ${res.status}${changed ? `, ${changed}` : ''}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('answers 401 without a token on every route but the public ones', async () => {
    const wrong: string[] = [];
    for (const r of apiRoutes.filter((x) => x.roles !== 'public')) {
      const res = await call(r.method.toUpperCase(), concrete(r.path), { body: {} });
      if (res.status !== 401) wrong.push(`${r.method} ${r.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * The server's router (server/router.ts): the route table matched exactly, in its order, with the
 * path's parameters decoded — what MSW's matching gave the same handlers.
 */
import { describe, expect, it } from 'vitest';
import type { ApiRoute } from '../../mocks/route';
import { routerOf } from '../../server/router';

const route = (method: ApiRoute['method'], path: string): ApiRoute =>
  ({
    method,
    path,
    resolve: async ({ params }) => Response.json({ route: `${method} ${path}`, params }),
  }) as ApiRoute;

const answer = routerOf('/api/v1', [
  route('get', '/letters/{id}/attachments'),
  route('post', '/letters/{id}/{action}'),
  route('get', '/letters/{id}'),
  route('get', '/openapi.json'),
]);

async function ask(method: string, path: string) {
  const res = answer(new Request(`http://x${path}`, { method }), path);
  return res && ((await res).json() as Promise<{ route: string; params: object }>);
}

describe('the server router', () => {
  it('answers with the first route of the table whose method and path match, with its parameters', async () => {
    expect(await ask('GET', '/api/v1/letters/L-1/attachments')).toEqual({
      route: 'get /letters/{id}/attachments',
      params: { id: 'L-1' },
    });
    expect(await ask('POST', '/api/v1/letters/L-1/transfer')).toEqual({
      route: 'post /letters/{id}/{action}',
      params: { id: 'L-1', action: 'transfer' },
    });
    expect((await ask('GET', '/api/v1/letters/%E9%95%BF%E6%B2%BB'))?.params).toEqual({
      id: '长治',
    });
  });

  it('matches exactly: the method, the case, one prefix, literal dots', async () => {
    expect(await ask('DELETE', '/api/v1/letters/L-1')).toBeNull();
    expect(await ask('GET', '/api/v1/Letters/L-1')).toBeNull();
    expect(await ask('GET', '/API/V1/letters/L-1')).toBeNull();
    expect(await ask('GET', '/x/api/v1/letters/L-1')).toBeNull();
    expect(await ask('GET', '/api/v1/letters/L-1/attachments/extra')).toBeNull();
    expect(await ask('GET', '/api/v1/openapiXjson')).toBeNull();
    expect(await ask('GET', '/api/v1/openapi.json')).not.toBeNull();
  });

  it('finds nothing at a path with a malformed escape (no exception)', async () => {
    expect(await ask('GET', '/api/v1/letters/%E9%95')).toBeNull();
  });
});

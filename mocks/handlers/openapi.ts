import { HttpResponse } from 'msw';
import document from '../openapi.json';
import { route } from '../route';

// Like every call but login (api.md, Auth): any signed-in role, 401 without a token.
export const openapiRoutes = [
  route({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    roles: 'any',
    tag: 'meta',
    handler: () => HttpResponse.json(document),
  }),
];

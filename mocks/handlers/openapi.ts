import { http, HttpResponse } from 'msw';
import { ALL, API, authed } from '../http';
import document from '../openapi.json';

// Like every call but login (api.md, Auth): any signed-in role, 401 without a token.
export const openapiHandlers = [
  http.get(
    `${API}/openapi.json`,
    authed(ALL, () => HttpResponse.json(document)),
  ),
];

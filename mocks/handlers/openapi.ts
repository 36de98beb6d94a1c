import { http, HttpResponse } from 'msw';
import { API, open } from '../http';
import document from '../openapi.json';

export const openapiHandlers = [
  http.get(
    `${API}/openapi.json`,
    open(() => HttpResponse.json(document)),
  ),
];

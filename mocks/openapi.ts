/**
 * The OpenAPI 3.1 document, generated from the zod schemas in src/ (the single source of every
 * request and response shape). `npm run openapi` writes mocks/openapi.json; a test fails if the
 * committed file is stale. The mock serves it at GET /api/v1/openapi.json.
 */
import { z } from 'zod';
import type { Route } from './openapi-route';
import { apiRoutes } from './handlers';

type Schema = z.ZodType;

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Every endpoint of the route table (mocks/route.ts), documented with the roles it enforces. */
const routes: Route[] = apiRoutes.flatMap((r) => r.docs);

/** Paths in alphabetical order, each path's operations in this one: independent of the modules' order. */
const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];
function sortedPaths(paths: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [
        p,
        Object.fromEntries(
          Object.entries(paths[p]!).sort(
            ([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b),
          ),
        ),
      ]),
  );
}

const json = (schema: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id: string) => `#/components/schemas/${id}`,
    reused: 'ref',
  } as never) as Record<string, unknown>;

function stripSchemaKey(s: Record<string, unknown>) {
  const { $schema: _drop, ...rest } = s;
  return rest;
}

/** A schema with an id becomes a $ref; anything else is inlined. */
function ref(schema: Schema, io: 'input' | 'output') {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  return stripSchemaKey(json(schema, io));
}

const problem = (status: number) => ({
  description:
    {
      400: 'Malformed JSON or query',
      401: 'Not logged in',
      403: 'Role may not do this',
      404: "Not found (or outside a handler's section)",
      409: 'Version conflict (body.current holds the record) or invalid transition',
      422: 'Validation failed: errors maps field paths to messages',
      428: 'If-Match missing',
      413: 'Too large (a file over the limit: detail names it and the limit)',
      500: 'Internal error (never the exception); file-damaged when a file fails its SHA-256 check',
    }[status] ?? 'Error',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export function buildOpenApi() {
  const components = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id: string) => `#/components/schemas/${id}`,
  } as never) as { schemas: Record<string, Record<string, unknown>> };
  const schemas = Object.fromEntries(
    // In alphabetical order: independent of which module registers a schema first.
    Object.entries(components.schemas)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, stripSchemaKey(v)]),
  );
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params: unknown[] = [];
    for (const m of r.path.matchAll(/\{(\w+)\}/g)) params.push({ ...idParam, name: m[1] });
    if (r.query) {
      for (const [name, field] of Object.entries(r.query.shape)) {
        params.push({
          name,
          in: 'query',
          required: !(field as Schema).safeParse(undefined).success,
          schema: stripSchemaKey(json(field as Schema, 'input')),
        });
      }
    }
    if (r.ifMatch)
      params.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        schema: { type: 'string', example: '"3"' },
        description: 'The version the change is based on',
      });
    if (r.idempotent)
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'The same key again returns the first response and creates nothing',
      });
    const status = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: r.responseContent
        ? { description: 'OK', content: r.responseContent }
        : r.response
          ? {
              description: 'OK',
              content: {
                [r.mediaType ?? 'application/json']: { schema: ref(r.response, 'output') },
              },
            }
          : { description: 'OK' },
    };
    if (r.roles !== 'public') responses['401'] = problem(401);
    for (const e of r.errors ?? []) responses[String(e)] = problem(e);
    if (r.query) responses['400'] = problem(400);
    (paths[r.path] ??= {})[r.method] = {
      tags: [r.tag],
      summary: r.summary,
      description: [`Roles: ${r.roles}.`, r.description].filter(Boolean).join(' '),
      ...(params.length ? { parameters: params } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                [r.bodyMediaType ?? 'application/json']: { schema: ref(r.body, 'input') },
              },
            },
          }
        : {}),
      responses,
      ...(r.roles === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政务公开工作台 REST API (长治市民政局)',
      version: '1.0.0',
      description:
        'Contract between the dashboard and its backend (shared/api.md), generated from the zod schemas in src/. Errors are application/problem+json; every change to an existing record needs If-Match; creates honour Idempotency-Key.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths: sortedPaths(paths),
  };
}

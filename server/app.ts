/**
 * The server's HTTP face (Hono): `/api/v1` answered by the backend's handlers, the production SPA
 * from `staticDir`, and the headers a shared office server owes its users.
 *
 * The handlers are the mock backend's (`mocks/handlers`, the Fetch `Request → Response` functions
 * the MSW worker runs), matched by the route table's own router (server/router.ts), over the SQL
 * storage main.ts plugs in
 * (server/storage/sql-storage.ts): each handler runs in one database transaction — a read in a
 * consistent snapshot, a change in a write transaction, one writer at a time across every
 * instance, all or nothing. Each request body is read whole before its handler runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { matchOrder } from '@mocks/handlers';
import { injectedFault } from '@mocks/handlers/faults';
import { errors, HttpError, problemResponse, userFromRequest } from '@mocks/http';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from '@/features/attachments/rules';
import { setPasswordHasher, setTokenDigest } from './domain/passwords';
import { argon2Hasher, sha256Hex } from './passwords';
import { routerOf } from './router';

// New and changed passwords are argon2id here (the browser mock can only do PBKDF2); tokens are
// hashed by node:crypto.
setPasswordHasher(argon2Hasher);
setTokenDigest(sha256Hex);

export interface AppOptions {
  /** The built SPA (index.html and assets/), or null to serve the API alone. */
  staticDir: string | null;
  /** Demo mode: `/admin/reset` and `/admin/demo-data` exist (api.md, Administration). */
  demo: boolean;
  /** Test hooks: `/admin/faults` and `/admin/clock` exist (only when a test run enables them). */
  testHooks: boolean;
}

const API = '/api/v1';
/**
 * Body limits (413 above them): a catalogue import may carry up to 5 MB, an attachment upload
 * its file's limit plus the multipart envelope, anything else 1 MB.
 */
const MAX_BODY = 1 << 20;
const MAX_IMPORT_BODY = 5 << 20;
const MAX_UPLOAD_BODY = MAX_ATTACHMENT_BYTES + (64 << 10);
const UPLOAD = /^\/api\/v1\/(letters|applications|catalogue|reviews)\/[^/]+\/attachments$/;
const DEMO_ONLY = new Set([`${API}/admin/reset`, `${API}/admin/demo-data`]);
const TEST_ONLY = new Set([`${API}/admin/faults`, `${API}/admin/clock`]);

/** Problems as every handler answers them (mocks/http.ts: one type base, one shape). */
const notFound = () => problemResponse(errors.notFound());
const tooLarge = (upload = false) =>
  problemResponse(
    new HttpError(413, 'payload-too-large', 'Request body too large', {
      ...(upload ? { detail: `At most ${MAX_ATTACHMENT_MB} MB per file` } : {}),
    }),
  );

/** The CSP the build wrote into index.html, sent as a header too (where frame-ancestors works). */
function contentSecurityPolicy(staticDir: string | null): string {
  const fallback = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'";
  if (!staticDir) return `${fallback}; frame-ancestors 'none'`;
  const html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  return `${meta ?? fallback}; frame-ancestors 'none'`;
}

/** Reads the body whole, up to `limit` bytes; null when it is larger. */
async function readBody(req: Request, limit: number): Promise<ArrayBuffer | null> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limit) return null;
  if (!req.body) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  const whole = Buffer.concat(chunks);
  return whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
}

/** The connection's peer address ('unknown' when the app runs without a socket, e.g. in-process). */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The route table's answer to a request (mocks/handlers: the handlers the MSW worker runs). */
const answer = routerOf(API, matchOrder);

async function api(c: Context, opts: AppOptions): Promise<Response> {
  const req = c.req.raw;
  const path = new URL(req.url).pathname.replace(/\/+$/, '');
  // Exactly one API prefix: the handlers' patterns accept any prefix before it (security F9).
  if (path.slice(API.length).toLowerCase().includes(`${API}/`)) return notFound();
  const route = path.toLowerCase();
  // The server's own mode, not the handlers' (the mock is always the demo).
  if (route === `${API}/info` && req.method === 'GET')
    return Response.json({ demo: opts.demo }, { headers: { 'Cache-Control': 'no-store' } });
  if ((DEMO_ONLY.has(route) && !opts.demo) || (TEST_ONLY.has(route) && !opts.testHooks))
    return notFound();

  let body: ArrayBuffer | null = null;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const limit =
      route === `${API}/catalogue/import`
        ? MAX_IMPORT_BODY
        : req.method === 'POST' && UPLOAD.test(route)
          ? MAX_UPLOAD_BODY
          : MAX_BODY;
    // Up to 20 MB are read only for a signed-in caller (the handler then checks their role).
    if (limit === MAX_UPLOAD_BODY && !(await userFromRequest(req)))
      return problemResponse(errors.unauthorized());
    body = await readBody(req, limit);
    if (body === null) return tooLarge(limit === MAX_UPLOAD_BODY);
  }
  // The caller's address, from the connection: for sign-in throttling and the audit trail. One a
  // client sent is dropped (this server is the edge; behind a proxy, trust its header here).
  const forwarded = new Headers(req.headers);
  forwarded.set('X-Client-Address', remoteAddress(c));
  const request = new Request(req.url, {
    method: req.method,
    headers: forwarded,
    body: body && body.byteLength > 0 ? body : null,
    // A live-events stream ends when its client goes away.
    signal: req.signal,
  });
  const response =
    (opts.testHooks ? await injectedFault(request) : undefined) ??
    (await answer(request, path)) ??
    notFound();
  // Answers carry personal data (names, phone numbers): no cache keeps them.
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: response.status, headers });
}

export function createApp(opts: AppOptions) {
  const csp = contentSecurityPolicy(opts.staticDir);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  });

  app.onError((e) => {
    // The detail stays in the log: a 500 never echoes exception text.
    console.error('[server]', e);
    return problemResponse(new HttpError(500, 'internal', 'Internal error'));
  });

  app.all(`${API}/*`, (c) => api(c, opts));
  app.all(API, notFound);

  if (opts.staticDir) {
    const root = opts.staticDir;
    const files = (cacheControl: string) =>
      serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', cacheControl) });
    // Content-hashed: a new release has new names, so a browser never needs to ask again.
    app.use('/assets/*', files('public, max-age=31536000, immutable'));
    app.use('*', files('no-cache'));
    // The SPA's routes (/letters/…): index.html, never cached, so a new release is seen at once.
    const index = readFileSync(join(root, 'index.html'));
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.body(index, 200, { 'Content-Type': 'text/html; charset=utf-8' });
    });
  }
  return app;
}

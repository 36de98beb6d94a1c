/**
 * The mock backend as a plain HTTP server in Node: the same MSW handlers as the browser's service
 * worker and Vitest, answering real HTTP requests, with the store in memory and the deterministic
 * seed (as mocks/node.ts). Used by `npm run bench` (tests/bench/run.mjs) behind `vite preview`'s
 * proxy, so the production build (VITE_ENABLE_MOCK=false) can log in and load its data.
 *
 * It is TypeScript with the project's path aliases, so it is bundled first:
 *   npx vite build --config tests/bench/api-server.config.mjs --outDir <dir>
 *   node <dir>/server.js [port]        (or PORT=…; default 4186; HOST, default 127.0.0.1)
 * `npm run mock-server` does both (into node_modules/.cache/gkwb-mock-server).
 *
 * Every request becomes a Fetch Request with an absolute URL (the handlers match `*\/api/v1/…`),
 * is answered by msw's getResponse (the first handler that returns a response, in order), and the
 * Response is written back as it is. Nothing answering → 404 problem+json. State lives for the
 * process: restart it for a fresh seed.
 */
import http from 'node:http';
import { getResponse } from 'msw';
import { db } from './db';
import { handlers } from './handlers';
import { MemoryPersistence } from './persistence/memory';
import { seedAll } from './seed';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4186);
const host = process.env.HOST ?? '127.0.0.1';

function problem(status: number, title: string, detail?: string) {
  return new Response(
    JSON.stringify({
      type: `https://gkwb.changzhi.example/problems/${status === 404 ? 'not-found' : 'server-error'}`,
      title,
      status,
      ...(detail ? { detail } : {}),
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

async function readBody(req: http.IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : await readBody(req);
  return new Request(`http://${host}:${port}${req.url ?? '/'}`, {
    method,
    headers,
    body: body && body.length > 0 ? body : null,
  });
}

async function writeResponse(res: http.ServerResponse, response: Response, head: boolean) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = head ? null : Buffer.from(await response.arrayBuffer());
  // The body is sent whole: a length, not the handler's (absent) transfer encoding.
  delete headers['transfer-encoding'];
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body ?? undefined);
}

const server = http.createServer((req, res) => {
  void (async () => {
    try {
      const request = await toRequest(req);
      const response =
        (await getResponse(handlers, request)) ??
        problem(
          404,
          'Not found',
          `No route for ${request.method} ${new URL(request.url).pathname}`,
        );
      await writeResponse(res, response, req.method === 'HEAD');
    } catch (e) {
      console.error('[mock-server]', e);
      if (!res.headersSent)
        await writeResponse(res, problem(500, 'Internal error', String(e)), false);
      else res.destroy();
    }
  })();
});

await db.init(new MemoryPersistence(), seedAll);
server.listen(port, host, () => {
  console.log(`[mock-server] listening on http://${host}:${port} (in-memory store, seeded)`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });

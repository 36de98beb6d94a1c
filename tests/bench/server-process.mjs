// The built server (build/server/main.mjs) as a child process for the server benches
// (server-load.mjs, server-scale.ts): start it on a free loopback port, call its API, sign in.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../pg-cluster.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'build/server/main.mjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts the built server in demo mode; resolves once it listens. */
export async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 180_000;
  while (!/\[server\] http:/.test(out)) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${out.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in 180 s:\n${out.slice(-2000)}`);
    }
    await sleep(200);
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  return { url: `http://127.0.0.1:${port}/api/v1`, stop };
}

export async function call(base, token, method, p, body, headers = {}) {
  const r = await fetch(`${base}${p}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null, etag: r.headers.get('ETag') };
}

export async function signIn(base, username) {
  const r = await call(base, null, 'POST', '/auth/login', { username, password: 'demo123' });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status}`);
  return r.body.token;
}

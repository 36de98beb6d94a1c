/**
 * Starts the built server (build/server/main.mjs, made by server/build.mjs in this suite's global
 * setup) as a real process on a free loopback port, and talks to it over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SERVER_ENTRY = 'build/server/main.mjs';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The server's today: TEST_TODAY when its test hooks are on, else the real date in China. */
export function serverToday(opts: StartOptions): string {
  if (opts.testHooks && process.env.TEST_TODAY) return process.env.TEST_TODAY;
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const made: string[] = [];
// The test process's databases go with it (a worker leaves nothing in the temporary directory).
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
export const tempDataDir = () => {
  // Inside the run's own folder (global-setup.ts), which the run removes at its end however its
  // workers ended; the exit hook above covers a file run without the global setup.
  const dir = mkdtempSync(join(process.env.GKWB_SERVER_TMP ?? tmpdir(), 'gkwb-server-'));
  made.push(dir);
  return dir;
};

export interface Running {
  url: string;
  proc: ChildProcess;
  /** Everything the process printed so far. */
  output: () => string;
  /** SIGTERM and wait for the exit (a clean shutdown). */
  stop: () => Promise<number | null>;
  /** SIGKILL (kill -9) and wait for the exit. */
  kill: () => Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  testHooks?: boolean;
  args?: string[];
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });

/** Runs the server's entry to completion (e.g. `migrate`, or a start that must fail). */
export async function runToExit(opts: StartOptions, timeoutMs = 60_000) {
  const port = await freePort();
  const proc = launch(opts, port);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await exited(proc);
  clearTimeout(timer);
  return { code, output: out };
}

function launch(opts: StartOptions, port: number) {
  return spawn(process.execPath, [SERVER_ENTRY, ...(opts.args ?? [])], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...(opts.demo === false ? {} : { DEMO: '1' }),
      ...(opts.testHooks ? { TEST_HOOKS: '1' } : {}),
      // With the test hooks on, TEST_TODAY pins the server's today before it seeds.
      ...(opts.testHooks && process.env.TEST_TODAY ? { TEST_TODAY: process.env.TEST_TODAY } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the server and waits until it answers (at most `timeoutMs`). */
export async function startServer(opts: StartOptions, timeoutMs = 90_000): Promise<Running> {
  const port = await freePort();
  const proc = launch(opts, port);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}):\n${out}`);
    if (/\[server\] http:/.test(out)) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not start in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    proc,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      return exited(proc);
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
}

/** A small HTTP client for the API, signed in as `username` (demo password). */
export async function signIn(url: string, username: string, password = 'demo123') {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  const { token } = (await r.json()) as { token: string };
  return client(url, token);
}

export function client(url: string, token: string | null) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const r = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: r.status, headers: r.headers, body: parsed as T };
  };
  return {
    token,
    get: <T = any>(p: string, h?: Record<string, string>) => call<T>('GET', p, undefined, h),
    post: <T = any>(p: string, b?: unknown, h?: Record<string, string>) => call<T>('POST', p, b, h),
    put: <T = any>(p: string, b?: unknown, h?: Record<string, string>) => call<T>('PUT', p, b, h),
    patch: <T = any>(p: string, b?: unknown, h?: Record<string, string>) =>
      call<T>('PATCH', p, b, h),
    del: <T = any>(p: string, h?: Record<string, string>, b?: unknown) =>
      call<T>('DELETE', p, b, h),
  };
}

/** A valid letter to register (POST /letters), received on `today`. */
export const letter = (today: string, subject: string) => ({
  source: 'mayor_mailbox',
  category: 'help',
  subject,
  content: '家中老人行动不便，申请上门评估。',
  citizenName: '王秀英',
  citizenPhone: '13912345678',
  receivedOn: today,
});

// Processes: builds, `vite preview` servers, the API server, and their cleanup. (Part of the bench:
// run.mjs.)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { API_DIR, API_PORT, PROD_BASE, ROOT, TEMP_DIRS } from './config.mjs';
import { children, sleep, state } from './context.mjs';

/** Runs a command to completion (async, so the overall deadline can still fire). */
export function run(cmd, args, { timeoutMs, env = {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`));
    });
  });
}

export function killGroup(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the process group we started (npx → sh → node vite)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Status of a GET, with node:http. */
export function httpStatus(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Starts `vite preview` for a build directory and waits until it answers. */
export async function startPreview(label, { port, outDir, config = null, probe = '/', env = {} }) {
  const args = ['vite', 'preview'];
  if (config) args.push('--config', config);
  args.push('--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir);
  const url = `http://127.0.0.1:${port}${probe}`;
  // Something else answering there would pass for this server.
  const busy = await httpStatus(url).then(
    () => true,
    () => false,
  );
  if (busy)
    throw new Error(
      `port ${port} is in use (set BENCH_PORT; the bench uses it and the next three)`,
    );
  const child = spawn('npx', args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `vite preview (${label}) exited (${child.exitCode}) — port ${port} in use?\n${out}`,
      );
    try {
      if ((await httpStatus(url)) === 200) return child;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`vite preview (${label}) did not answer on ${url} within 30s\n${out}`);
}

/**
 * Starts the mock backend's HTTP server (mocks/server.ts bundled into API_DIR) on API_PORT, in
 * its own process group like the previews, and waits until it answers (any status: an unknown
 * path is its own 404).
 */
export async function startApiServer() {
  const probe = `http://127.0.0.1:${API_PORT}/api/v1/`;
  const busy = await httpStatus(probe).then(
    () => true,
    () => false,
  );
  if (busy)
    throw new Error(
      `port ${API_PORT} is in use (set BENCH_PORT; the bench uses it and the next three)`,
    );
  const child = spawn(process.execPath, [path.join(API_DIR, 'server.mjs'), String(API_PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`API server exited (${child.exitCode})\n${out}`);
    try {
      await httpStatus(probe);
      return child;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`API server did not answer on ${probe} within 30s\n${out}`);
}

/** Logs in through the API server directly: proves the proxy's other end works. */
export function apiLogin() {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username: 'admin', password: 'demo123' });
    const req = http.request(
      `${PROD_BASE}/api/v1/auth/login`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text))
            : reject(new Error(`POST /api/v1/auth/login via the proxy → HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function cleanup() {
  if (state.browser) await Promise.race([state.browser.close().catch(() => {}), sleep(5000)]);
  state.browser = null;
  const all = [...children];
  all.forEach((child) => killGroup(child, 'SIGTERM'));
  for (let i = 0; i < 20 && all.some((c) => c.exitCode === null && c.signalCode === null); i++)
    await sleep(100);
  all.forEach((child) => killGroup(child, 'SIGKILL'));
  children.clear();
  for (const dir of TEMP_DIRS) rmSync(dir, { recursive: true, force: true });
}

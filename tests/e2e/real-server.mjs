#!/usr/bin/env node
// The real server for the end-to-end tests that need one (tests/e2e/server/): the production SPA
// (no mock) and the API on a fresh embedded database in a temporary DATA_DIR, in demo mode, with
// the test hooks on (so TEST_TODAY pins its today like the pages'). Builds it first unless
// SERVER_PREBUILT=1 (npm test's server step has just built it).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.env.SERVER_PREBUILT !== '1') {
  const b = spawnSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'gkwb-e2e-'));
const server = spawn(process.execPath, ['build/server/main.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, DEMO: '1', TEST_HOOKS: '1' },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds build/app (the SPA without the mock) and build/server once for the server suite, and
 * makes the folder its databases go in (tests/server/harness.ts `tempDataDir`), removed when the
 * run ends: a worker killed at the end of a run runs no exit hook of its own.
 */
export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gkwb-server-run-'));
  process.env.GKWB_SERVER_TMP = dir;
  const teardown = () => rmSync(dir, { recursive: true, force: true });
  if (process.env.SERVER_PREBUILT === '1') return teardown;
  const r = spawnSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server/build.mjs failed');
  return teardown;
}

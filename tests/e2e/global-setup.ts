import { spawnSync } from 'node:child_process';

/**
 * Builds what the `server` project runs (build/app: the SPA without the mock; build/server),
 * unless SERVER_PREBUILT=1 says npm test's server step has just built it.
 */
export default function setup() {
  if (process.env.SERVER_PREBUILT === '1') return;
  const r = spawnSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server/build.mjs failed');
}

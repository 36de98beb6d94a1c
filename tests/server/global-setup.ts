import { spawnSync } from 'node:child_process';

/** Builds build/app (the SPA without the mock) and build/server once for the server suite. */
export default function setup() {
  if (process.env.SERVER_PREBUILT === '1') return;
  const r = spawnSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server/build.mjs failed');
}

// Vite config that bundles the mock backend's HTTP server (mocks/server.ts) for Node:
//   npx vite build --config tests/bench/api-server.config.mjs --outDir <dir>  →  node <dir>/server.mjs
// tests/bench/run.mjs builds it into a temporary directory and serves the production build's /api
// through it (tests/bench/preview-api.config.mjs). Everything is bundled in, so the output runs
// from any directory.
import { defineConfig } from 'vite';
import { nodeBundle } from '../../server/node-bundle.ts';

export default defineConfig((env) =>
  nodeBundle(env, { entry: 'mocks/server.ts', fileName: 'server.mjs' }),
);

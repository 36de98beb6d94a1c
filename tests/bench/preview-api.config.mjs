// Vite config with which tests/bench/run.mjs serves the production build (VITE_ENABLE_MOCK=false)
// as a deployment would: `vite preview --config tests/bench/preview-api.config.mjs --outDir <dir>`,
// the static files plus the REST API on the same origin, `/api` proxied to the mock backend's HTTP
// server (mocks/server.ts, on BENCH_API_PORT, default 4186), hashed assets cached as a deployment
// caches them (immutable-assets.mjs). Same origin, so the build's default
// API base (`/api/v1`) and its CSP (connect-src 'self') hold. Imports nothing from the app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { immutableAssets } from './immutable-assets.mjs';

const apiPort = Number(process.env.BENCH_API_PORT ?? 4186);

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  logLevel: 'warn',
  plugins: [immutableAssets()],
  preview: {
    strictPort: true,
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}` } },
  },
});

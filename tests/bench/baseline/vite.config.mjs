// Vite config of the bench's baseline page (tests/bench/run.mjs builds it with
// `vite build --config tests/bench/baseline/vite.config.mjs --outDir <tmp>` and serves it with
// `vite preview` the same way as the app, hashed assets cached as a deployment caches them).
// Self-contained otherwise: no project plugins, aliases or PostCSS.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { immutableAssets } from '../immutable-assets.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), immutableAssets()],
  css: { postcss: {} },
  build: {
    outDir: path.join(os.tmpdir(), 'gkwb-bench-baseline'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  preview: { port: 4185, strictPort: true },
});

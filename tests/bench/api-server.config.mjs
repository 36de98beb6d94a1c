// Vite config that bundles the mock backend's HTTP server (mocks/server.ts) for Node:
//   npx vite build --config tests/bench/api-server.config.mjs --outDir <dir>  →  node <dir>/server.mjs
// tests/bench/run.mjs builds it into a temporary directory and serves the production build's /api
// through it (tests/bench/preview-api.config.mjs). The project's aliases and compile-time defines
// (vite.config.ts, production mode), none of its plugins (they concern the browser bundle);
// everything bundled in, so the output runs from any directory.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import projectConfig from '../../vite.config.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig((env) => {
  const project = projectConfig({ ...env, mode: 'production' });
  return {
    root: ROOT,
    publicDir: false,
    envDir: ROOT,
    resolve: { alias: project.resolve.alias },
    define: project.define,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: 'mocks/server.ts',
      target: 'node20',
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rollupOptions: {
        output: { entryFileNames: 'server.mjs', format: 'es' },
        // src/lib/i18n/core.ts loads catalogues lazily for the app; here they are all in one file.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
      },
    },
  };
});

// Bundles the server (server/main.ts) for Node, with the project's aliases and compile-time defines:
//   npx vite build --config server/vite.config.ts   →  node build/server/main.mjs
// The database drivers and the HTTP framework stay in node_modules (PGlite's WASM files are loaded
// from its package); the committed migrations are copied beside the bundle.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import projectConfig from '../vite.config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}build/server`;

export default defineConfig((env) => {
  const project = projectConfig({ ...env, mode: 'production' });
  return {
    root: ROOT,
    publicDir: false,
    envDir: ROOT,
    resolve: { alias: project.resolve?.alias },
    define: project.define,
    logLevel: 'warn',
    ssr: {
      target: 'node',
      noExternal: true,
      external: ['@electric-sql/pglite', 'pg', 'drizzle-orm', 'hono', '@hono/node-server'],
    },
    build: {
      ssr: 'server/main.ts',
      outDir: OUT,
      target: 'node20',
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rollupOptions: {
        output: { entryFileNames: 'main.mjs', format: 'es' },
        // src/lib/i18n/core.ts loads catalogues lazily for the app; here they are all in one file.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
      },
    },
    plugins: [
      {
        name: 'gkwb-copy-migrations',
        closeBundle() {
          cpSync(`${ROOT}server/db/migrations`, `${OUT}/migrations`, { recursive: true });
        },
      },
    ],
  };
});

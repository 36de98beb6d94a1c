// Bundles the server (server/main.ts) for Node:
//   npx vite build --config server/vite.config.ts   →  node build/server/main.mjs
// The database drivers and the HTTP framework stay in node_modules (PGlite's WASM files are loaded
// from its package); the committed migrations are copied beside the bundle.
import { cpSync } from 'node:fs';
import { defineConfig } from 'vite';
import { nodeBundle, ROOT } from './node-bundle.ts';

const OUT = `${ROOT}build/server`;

export default defineConfig((env) =>
  nodeBundle(env, {
    entry: 'server/main.ts',
    fileName: 'main.mjs',
    outDir: OUT,
    external: [
      '@electric-sql/pglite',
      'pg',
      'drizzle-orm',
      'hono',
      '@hono/node-server',
      '@node-rs/argon2', // a native binary, loaded from its package
    ],
    plugins: [
      {
        name: 'gkwb-copy-migrations',
        closeBundle() {
          cpSync(`${ROOT}server/db/migrations`, `${OUT}/migrations`, { recursive: true });
        },
      },
    ],
  }),
);

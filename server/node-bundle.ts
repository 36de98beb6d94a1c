// A Vite build of a Node entry with the project's aliases and compile-time defines (vite.config.ts,
// production mode) and none of its browser plugins: the server (server/vite.config.ts) and the
// benchmark's in-memory mock server (tests/bench/api-server.config.mjs) are built this way.
import { fileURLToPath } from 'node:url';
import type { ConfigEnv, PluginOption, UserConfig } from 'vite';
import projectConfig from '../vite.config.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function nodeBundle(
  env: ConfigEnv,
  opts: {
    entry: string;
    fileName: string;
    outDir?: string;
    /** Packages left in node_modules (e.g. those that load WASM or native files). */
    external?: string[];
    plugins?: PluginOption[];
  },
): UserConfig {
  const project = projectConfig({ ...env, mode: 'production' });
  return {
    root: ROOT,
    publicDir: false,
    envDir: ROOT,
    resolve: { alias: project.resolve?.alias },
    define: project.define,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true, external: opts.external ?? [] },
    build: {
      ssr: opts.entry,
      ...(opts.outDir ? { outDir: opts.outDir } : {}),
      target: 'node20',
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      rollupOptions: {
        output: { entryFileNames: opts.fileName, format: 'es' },
        // src/lib/i18n/core.ts loads catalogues lazily for the app; here they are all in one file.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
      },
    },
    plugins: opts.plugins ?? [],
  };
}

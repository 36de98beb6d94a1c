/// <reference types="vitest/config" />
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * Content-Security-Policy of the production build, as a meta tag (any static host serves it):
 * scripts only from this origin, no inline scripts, API calls only to this origin and the
 * configured backend. Styles allow inline because Mantine injects CSS variables at runtime.
 */
function contentSecurityPolicy(apiBase: string | undefined): Plugin {
  let apiOrigin = '';
  try {
    apiOrigin = apiBase && /^https?:/.test(apiBase) ? new URL(apiBase).origin : '';
  } catch {
    apiOrigin = '';
  }
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'gkwb-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

/**
 * Mantine's stylesheet per component, loaded with the component. Instead of the whole
 * `@mantine/core/styles.css` (42 KB gzipped, every component), each Mantine component module
 * that uses a CSS module gets `import '@mantine/core/styles/<Name>.layer.css'` appended after
 * its own imports, so a chunk carries the styles of exactly the components it contains, after
 * the styles of the components they build on (the order Mantine requires). The `.layer.css`
 * files put Mantine in `@layer mantine`, so the app's own styles win whatever the load order.
 */
function mantineCssPerComponent(): Plugin {
  const dir = fileURLToPath(
    new URL('./node_modules/@mantine/core/esm/components/', import.meta.url),
  );
  const moduleImport = /from\s*"((?:\.\.?\/)+(?:[\w-]+\/)*([\w-]+)\.module\.mjs)"/g;
  const mainImports = new Map<string, boolean>();
  const mainHandles = (name: string) => {
    if (!mainImports.has(name)) {
      const main = `${dir}${name}/${name}.mjs`;
      mainImports.set(
        name,
        existsSync(main) && readFileSync(main, 'utf8').includes(`${name}.module.mjs`),
      );
    }
    return mainImports.get(name)!;
  };
  let serve = false;
  return {
    name: 'gkwb-mantine-css-per-component',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    // `import 'virtual:mantine-styles'` (src/app/provider.tsx): Mantine's global styles in a build;
    // the dev server pre-bundles Mantine without this plugin, so it gets the whole stylesheet.
    resolveId: (id) => (id === 'virtual:mantine-styles' ? '\0virtual:mantine-styles' : null),
    load(id) {
      if (id !== '\0virtual:mantine-styles') return null;
      if (serve) return "import '@mantine/core/styles.layer.css';";
      return ['baseline', 'default-css-variables', 'global']
        .map((f) => `import '@mantine/core/styles/${f}.layer.css';`)
        .join('\n');
    },
    transform(code, id) {
      if (serve) return null;
      const m = /@mantine\/core\/esm\/components\/(?:[\w-]+\/)*([\w-]+)\.mjs$/.exec(id);
      if (!m || id.endsWith('.module.mjs')) return null;
      const own = m[1]!;
      const names = [...code.matchAll(moduleImport)]
        .map((x) => x[2]!)
        .filter((name) => name === own || !mainHandles(name));
      if (!names.length) return null;
      const imports = names.map((n) => `import '@mantine/core/styles/${n}.layer.css';`);
      return { code: `${code}\n${imports.join('\n')}\n`, map: null };
    },
  };
}

/** Without the mock, its service worker (copied from public/) has no business in the build. */
function dropMockWorker(mockEnabled: boolean): Plugin {
  return {
    name: 'gkwb-drop-mock-worker',
    apply: 'build',
    writeBundle(options) {
      if (!mockEnabled && options.dir)
        rmSync(`${options.dir}/mockServiceWorker.js`, { force: true });
    },
  };
}

/**
 * React Router 7's package exports its development build under every condition (ENABLE_DEV_WARNINGS
 * on, the extra checks and messages; remix-run/react-router#12532, #14102), so a build would ship
 * it. The package also carries the production build: builds take that one.
 */
const reactRouterProduction = {
  find: /^react-router$/,
  replacement: fileURLToPath(
    new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
  ),
};

export default defineConfig(({ mode, command }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mockEnabled = env.VITE_ENABLE_MOCK !== 'false';
  return {
    plugins: [
      react(),
      mantineCssPerComponent(),
      contentSecurityPolicy(env.VITE_API_BASE_URL),
      dropMockWorker(mockEnabled),
    ],
    resolve: {
      alias: [
        { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
        { find: /^@mocks\//, replacement: fileURLToPath(new URL('./mocks/', import.meta.url)) },
        { find: /^@mocks$/, replacement: fileURLToPath(new URL('./mocks', import.meta.url)) },
        // The notifications store without its container, which comes with the first toast
        // (src/lib/notifications/store.ts, src/app/provider.tsx).
        {
          find: /^@mantine\/notifications$/,
          replacement: fileURLToPath(new URL('./src/lib/notifications/store.ts', import.meta.url)),
        },
        {
          find: /^@mantine\/notifications\/container$/,
          replacement: fileURLToPath(
            new URL('./node_modules/@mantine/notifications/esm/Notifications.mjs', import.meta.url),
          ),
        },
        ...(command === 'build' ? [reactRouterProduction] : []),
      ],
    },
    define: {
      // Compile-time constant so that, with the mock off, the dynamic import of mocks/ is dead code
      // and no MSW code reaches the bundle.
      __MOCK_ENABLED__: JSON.stringify(mockEnabled),
    },
    preview: { port: 4173, strictPort: true },
    server: { port: 5173 },
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 900,
      // Shared chunks up to 48 KB (a Mantine component and its stylesheet, a hook) are copied
      // into the chunks that use them: the dashboard opened directly loads 12 files instead of 87,
      // and each file is a request, a cache lookup and a module to link before the first render
      // (npm run bench: first screen 183.5 KB in 11 files; at 16 KB it was 185.3 KB in 14).
      rolldownOptions: {
        output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 48 * 1024 } } },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./tests/setup.ts'],
      include: ['tests/**/*.test.{ts,tsx}'],
      // The real server's suite runs it as a process, with its own config (tests/server).
      exclude: ['tests/server/**', 'node_modules/**'],
      testTimeout: 20000,
      css: false,
      // Every core runs a test file: Vitest's default (cores − 1) leaves one of CI's two idle
      // while the main process mostly waits (measured: 348 s → 234 s for the suite).
      maxWorkers: availableParallelism(),
    },
  };
});

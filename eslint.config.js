import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import unicorn from 'eslint-plugin-unicorn';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The feature folders, read from the tree, so the zones below cannot fall behind it. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'build',
      'data',
      'coverage',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'screenshots-tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX, '@tanstack/query': tanstackQuery },
    settings: { 'import-x/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...tanstackQuery.configs.recommendedStrict.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      // House style: app → features → {components, lib, config, theme, types, locales}; features do
      // not import each other; src never imports mocks (except main.tsx's guarded dynamic import);
      // mocks may import src schemas and pure modules, never React code.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...FEATURES.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features do not import each other: compose them in src/app.',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import the app layer.',
            },
            {
              target: [
                './src/components',
                './src/lib',
                './src/config',
                './src/theme',
                './src/types',
                './src/locales',
              ],
              from: ['./src/features', './src/app'],
              message: 'Shared modules stay below features and app.',
            },
            {
              target: './src',
              from: './mocks',
              except: [],
              message:
                'src/ never imports the mock backend (main.tsx uses a guarded dynamic import).',
            },
            {
              target: './src',
              from: './server',
              message: 'src/ never imports the server.',
            },
            {
              target: './mocks',
              from: ['./server/db', './server/storage', './server/main.ts', './server/app.ts'],
              message: "The mock never imports the server's SQL or Node code.",
            },
            {
              target: './server/domain',
              from: [
                './mocks',
                './server/db',
                './server/storage',
                './server/app.ts',
                './server/main.ts',
                './src/app',
                './src/components',
              ],
              message:
                'The domain layer is transport- and storage-neutral: it imports src/ schemas and pure modules only (the storage is its port, ports.ts).',
            },
            {
              target: './mocks',
              from: ['./src/app', './src/components'],
              message: 'The mock backend imports schemas and pure modules only.',
            },
          ],
        },
      ],
    },
  },
  {
    // File names in kebab-case (house style); the two catalogues are named by their BCP 47 tags.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { unicorn },
    rules: {
      'unicorn/filename-case': ['error', { case: 'kebabCase', ignore: [/^(zh-CN|en-US)\.ts$/] }],
    },
  },
  {
    // The entry starts the mock backend with a guarded dynamic import (src/main.tsx).
    files: ['src/main.tsx'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    rules: { ...jsxA11y.flatConfigs.recommended.rules, 'jsx-a11y/no-autofocus': 'off' },
  },
  {
    files: ['mocks/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@mantine/*', '@tanstack/*', '**/components/**'],
              message: 'The backends have no React code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain layer runs in the browser mock and on the server: no transport, no storage engine.
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@mantine/*', '@tanstack/*', '**/components/**'],
              message: 'The backends have no React code.',
            },
            {
              group: ['msw', 'msw/*', 'hono', 'hono/*', '@hono/*'],
              message: 'The domain layer knows no transport: handlers and adapters call it.',
            },
            {
              group: ['node:*', 'pg', 'pg/*', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*'],
              message:
                'The domain layer knows no Node or SQL module: storage is its port (ports.ts).',
            },
            {
              group: ['@mocks/*', '**/mocks/**'],
              message: 'The domain layer never imports the mock: the mock imports it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
    rules: {
      ...testingLibrary.configs['flat/react'].rules,
      'testing-library/no-node-access': 'off',
    },
  },
  {
    files: ['tests/e2e/**', 'tests/bench/**'],
    rules: { 'testing-library/prefer-screen-queries': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
);

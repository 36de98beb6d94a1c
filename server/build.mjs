#!/usr/bin/env node
// Builds what the server serves and runs: the SPA without the mock (build/app) and the server
// bundle (build/server). `npm start` runs this, then the server.
import { build } from 'vite';

process.env.VITE_ENABLE_MOCK = 'false';
await build({ build: { outDir: 'build/app', emptyOutDir: true }, logLevel: 'warn' });
await build({ configFile: 'server/vite.config.ts' });
console.log('[build] build/app (SPA, no mock) and build/server');

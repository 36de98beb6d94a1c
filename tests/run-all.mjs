#!/usr/bin/env node
// The one command that runs every test: typecheck, lint, unit + integration (Vitest), the production
// build, and end-to-end (Playwright in Debian's Chromium). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (step) => only.length === 0 || only.includes(step);
let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, secs: ((Date.now() - t0) / 1000).toFixed(1) };
}

function check(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = run(cmd, args);
  if (r.ok) passed++;
  else failed++;
  lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${name} (${r.secs}s)`);
  return r.ok;
}

function counted(name, cmd, args, file, count) {
  console.log(`\n=== ${name}`);
  rmSync(file, { force: true });
  const r = run(cmd, args);
  let p = 0;
  let f = 0;
  if (existsSync(file)) {
    ({ p, f } = count(JSON.parse(readFileSync(file, 'utf8'))));
  }
  if (!r.ok && f === 0) f = 1; // the runner itself failed (crash, no results)
  passed += p;
  failed += f;
  lines.push(`${f ? 'FAIL' : 'ok  '} ${name}: ${p} passed, ${f} failed (${r.secs}s)`);
}

mkdirSync('test-results', { recursive: true });
if (want('typecheck')) check('typecheck (tsc, strict)', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (want('lint')) {
  check('lint (eslint, import boundaries)', 'npx', ['eslint', '.', '--max-warnings=0']);
  check('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
}
if (want('unit'))
  counted(
    'unit + integration (vitest)',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/vitest.json',
    ],
    'test-results/vitest.json',
    (j) => ({
      p: j.numPassedTests,
      // Failed tests, plus files that failed without a failing test (e.g. an import error).
      f:
        j.numFailedTests +
        (j.testResults ?? []).filter(
          (s) =>
            s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
        ).length,
    }),
  );
if (want('e2e')) {
  if (check('production build (vite build)', 'npx', ['vite', 'build']))
    counted(
      'end-to-end (playwright, chromium)',
      'npx',
      ['playwright', 'test'],
      'test-results/e2e.json',
      (j) => ({
        p: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
        f: j.stats?.unexpected ?? 0,
      }),
    );
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

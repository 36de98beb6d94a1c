#!/usr/bin/env node
// The one command that runs every test: typecheck, lint, unit + integration (Vitest), the real
// server over HTTP (on the embedded database and on a throwaway PostgreSQL cluster), the production
// build, and end-to-end (Playwright in Debian's Chromium). Ends with "N passed, N failed".
//
// The suite runs on pinned dates (TEST_TODAY, tests/pinned-date.ts), so no test passes only because
// of the real date: Vitest on each of TEST_DATES (default: a New Year and a mid-year date; after the
// first, only the files that do not pin their own day with seedOn), the server suite and the
// end-to-end tests on the first. `TEST_DATES=real` runs on the real date.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { postgresBin, startCluster } from './pg-cluster.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const DATES = (process.env.TEST_DATES ?? '2027-01-02 2026-07-15').split(/[\s,]+/).filter(Boolean);
const dateEnv = (d) => (d === 'real' ? { TEST_TODAY: '' } : { TEST_TODAY: d });
const want = (step) => only.length === 0 || only.includes(step);
let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, secs: ((Date.now() - t0) / 1000).toFixed(1) };
}

function check(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}`);
  const r = run(cmd, args, env);
  if (r.ok) passed++;
  else failed++;
  lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${name} (${r.secs}s)`);
  return r.ok;
}

function counted(name, cmd, args, file, count, env = {}) {
  console.log(`\n=== ${name}`);
  rmSync(file, { force: true });
  const r = run(cmd, args, env);
  let p = 0;
  let f = 0;
  let note = '';
  if (existsSync(file)) {
    ({ p, f, note = '' } = count(JSON.parse(readFileSync(file, 'utf8'))));
  }
  if (!r.ok && f === 0) f = 1; // the runner itself failed (crash, no results)
  passed += p;
  failed += f;
  lines.push(`${f ? 'FAIL' : 'ok  '} ${name}: ${p} passed, ${f} failed (${r.secs}s)${note}`);
}

/** Vitest's JSON report: passed, and failed tests plus files that failed without one (an import error). */
const vitestCount = (j) => ({
  p: j.numPassedTests,
  f:
    j.numFailedTests +
    (j.testResults ?? []).filter(
      (s) =>
        s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length,
});

/** Playwright's JSON report; a test that passed only on its retry is named (it is flaky, not fine). */
function playwrightCount(j) {
  const flaky = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'flaky')
          flaky.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}`);
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of j.suites ?? []) walk(suite, []);
  for (const name of flaky) console.log(`PASSED ONLY ON RETRY: ${name}`);
  return {
    p: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
    f: j.stats?.unexpected ?? 0,
    note: flaky.length ? `; passed only on retry: ${flaky.join('; ')}` : '',
  };
}

mkdirSync('test-results', { recursive: true });
if (want('typecheck')) check('typecheck (tsc, strict)', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (want('lint')) {
  check('lint (eslint, import boundaries)', 'npx', ['eslint', '.', '--max-warnings=0']);
  check('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
}
/**
 * The Vitest files whose outcome can depend on the date: all but those that pin their own day with
 * seedOn() (the same on every TEST_TODAY, so one run of them is enough).
 */
function dateDependentFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        // The server's and e2e suites run once anyway; a build's output does not depend on the day.
        if (!['e2e', 'server', 'build'].includes(e.name)) walk(p);
      } else if (/\.test\.tsx?$/.test(e.name) && !/\bseedOn\(/.test(readFileSync(p, 'utf8')))
        out.push(p);
    }
  };
  walk('tests');
  return out.sort();
}

if (want('unit'))
  DATES.forEach((date, i) =>
    counted(
      `unit + integration (vitest), today ${date}${i ? ' (files that do not pin their own day)' : ''}`,
      'npx',
      [
        'vitest',
        'run',
        '--reporter=dot',
        '--reporter=json',
        `--outputFile=test-results/vitest-${date}.json`,
        ...(i ? dateDependentFiles() : []),
      ],
      // One report per date, so each run's timings stay readable afterwards.
      `test-results/vitest-${date}.json`,
      vitestCount,
      dateEnv(date),
    ),
  );
if (want('server')) {
  // The PostgreSQL runs need a cluster: TEST_DATABASE_URL, or a throwaway one started here.
  let cluster = null;
  let env = { ...dateEnv(DATES[0]) };
  if (!process.env.TEST_DATABASE_URL && postgresBin()) {
    try {
      cluster = await startCluster();
      env.TEST_DATABASE_URL = cluster.url;
      console.log(`\n(PostgreSQL ${cluster.version} for the server tests at ${cluster.url})`);
    } catch (e) {
      console.log(`\nPostgreSQL could not start: ${e.message}`);
    }
  }
  if (!process.env.TEST_DATABASE_URL && !env.TEST_DATABASE_URL) {
    const msg = 'no PostgreSQL: the server suite runs on the embedded database only';
    if (process.env.CI) {
      failed++;
      lines.push(`FAIL ${msg} (CI needs apt-get install postgresql)`);
    } else lines.push(`note ${msg}`);
  }
  try {
    counted(
      `server over HTTP (embedded PostgreSQL${env.TEST_DATABASE_URL || process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ''})`,
      'npx',
      [
        'vitest',
        'run',
        '--config',
        'tests/server/vitest.config.ts',
        '--reporter=default',
        '--reporter=json',
        '--outputFile=test-results/server.json',
      ],
      'test-results/server.json',
      vitestCount,
      env,
    );
  } finally {
    cluster?.stop();
  }
}
if (want('e2e')) {
  if (check('production build (vite build)', 'npx', ['vite', 'build']))
    counted(
      `end-to-end (playwright, chromium), today ${DATES[0]}`,
      'npx',
      ['playwright', 'test'],
      'test-results/e2e.json',
      playwrightCount,
      // The real server's e2e tests reuse the build the server step has just made.
      { ...dateEnv(DATES[0]), ...(want('server') ? { SERVER_PREBUILT: '1' } : {}) },
    );
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

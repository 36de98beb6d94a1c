// A throwaway PostgreSQL cluster for the server's tests: initdb into a temporary directory, start it
// on a free loopback port (trust authentication: nothing but this machine can reach it), stop and
// delete it afterwards. Uses the newest server under /usr/lib/postgresql (Debian's `postgresql`
// package); as root it runs the server as the `postgres` user, which PostgreSQL requires.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';

export function postgresBin() {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? { version: versions[0], bin: join(ROOT, versions[0], 'bin') } : null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
function run(bin, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')}: ${r.stderr || r.stdout}`);
}

/**
 * Starts a cluster; returns its URL and a stop function. Tests run it without fsync (nothing in it
 * outlives them); the load bench with `{ fsync: true }`, as a production database runs.
 */
export async function startCluster({ fsync = false } = {}) {
  const pg = postgresBin();
  if (!pg)
    throw new Error('no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'gkwb-pg-'));
  chmodSync(dir, 0o755);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(pg.bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const start = () =>
    run(join(pg.bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fsync ? '' : ' -c fsync=off'}`,
      'start',
    ]);
  start();
  return {
    version: pg.version,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Stops the server and keeps its data (a database going away under a running app). */
    pause() {
      run(join(pg.bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    /** Starts it again on the same data and port. */
    resume: start,
    stop() {
      try {
        // Paused (or never started) needs no stop.
        if (existsSync(join(data, 'postmaster.pid')))
          run(join(pg.bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * One process per embedded database. Two processes on one PGlite directory both start and
 * silently lose each other's rows (measured: ../shared/notes/server-design.md §5), so the server
 * takes `DATA_DIR/server.lock` exclusively and refuses to start while another live process holds it.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws a message for the operator; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new Error(
          `Another server (process ${pid}) is using the embedded database in ${dir}. ` +
            'Stop it first, or give this one another DATA_DIR (or a DATABASE_URL).',
        );
      unlinkSync(file); // left by a process that no longer runs (e.g. after kill -9)
    }
  }
  throw new Error(`Could not lock ${file}`);
}

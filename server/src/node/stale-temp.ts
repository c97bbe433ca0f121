// `okr fix` writes through `.NAME.okr.PID.HEX.tmp` files (write-file.ts). A run killed between
// writing one and renaming it (SIGKILL, power loss) leaves it behind; the .okr file itself is
// whole either way. Later runs find such files: `fix` removes them, `check` names them.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';

const TEMPORARY = /^\.(.+\.okr)\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** A temporary file this old is stale even if its process id has been given to another process since. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files of okr's own naming in `folders`, older than `startedAt`, whose writing process
 * is gone (or that are over an hour old): another okr run still writing its files is left alone.
 */
export function staleTemporaryFiles(folders: Iterable<string>, startedAt: number): string[] {
  const stale: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMPORARY.exec(name);
      if (!m || Number(m[2]) === process.pid) continue;
      const file = path.join(folder, name);
      try {
        const stats = statSync(file);
        if (!stats.isFile() || stats.mtimeMs >= startedAt) continue;
        if (running(Number(m[2])) && startedAt - stats.mtimeMs < ABANDONED_AFTER_MS) continue;
      } catch {
        continue;
      }
      stale.push(file);
    }
  }
  return stale.sort();
}

/** Removes them; returns those removed (one that cannot be removed stays, and is not counted). */
export function removeStaleTemporaryFiles(files: string[]): string[] {
  return files.filter((file) => {
    try {
      unlinkSync(file);
      return true;
    } catch {
      return false;
    }
  });
}

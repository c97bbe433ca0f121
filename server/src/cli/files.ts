// Which .okr files a command works on: paths, folders and globs, never node_modules.
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { statIfExists } from '../node/write-file';

export class UsageError extends Error {}

/** Resolves the command's arguments to files, sorted; throws UsageError for a path that does not exist. */
export function collectFiles(args: string[], cwd = process.cwd()): string[] {
  const inputs = args.length ? args : ['.'];
  const found = new Set<string>();
  for (const input of inputs) {
    // An empty argument (an unset variable) must never mean "everything here".
    if (input.trim() === '') throw new UsageError("an empty path was given (an unset variable?); name a file, folder or glob");
    const full = path.resolve(cwd, input);
    const stats = statIfExists(full);
    // A path that exists is literal (`Q2 (draft).okr`, `plan[1].okr`); only one that does not may be a glob.
    if (!stats && isDynamicPattern(input)) {
      const matches = globSync(input, { cwd, ignore: ['**/node_modules/**'], absolute: true, dot: false });
      if (matches.length === 0) throw new UsageError(`no file matches '${input}'`);
      for (const m of matches) found.add(path.normalize(m));
      continue;
    }
    if (!stats) throw new UsageError(`cannot read '${input}': no such file or folder`);
    if (stats.isDirectory()) {
      for (const m of globSync('**/*.okr', { cwd: full, ignore: ['**/node_modules/**'], absolute: true })) found.add(path.normalize(m));
    } else {
      found.add(full);
    }
  }
  return [...found].sort();
}

/** A path as people want to read it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

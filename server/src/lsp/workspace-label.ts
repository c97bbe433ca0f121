// How the tree and the exported report name a file: its path relative to the workspace folder.
import { relative, sep } from 'node:path';
import { filePath } from './state';

/** The path under the innermost folder holding the file; the full path outside them; the URI when not a file. */
export function workspaceLabel(uri: string, folders: readonly string[]): string {
  const path = filePath(uri);
  if (!path) return uri;
  // `/work/okrs` holds `/work/okrs/a.okr`, not `/work/okrs-old/a.okr`.
  const holding = folders.filter((f) => path.startsWith(f.endsWith(sep) ? f : f + sep));
  const folder = holding.sort((a, b) => b.length - a.length)[0];
  return folder ? relative(folder, path) : path;
}

// Creating a new text file atomically and never over an existing one: the text is written to a
// temporary file in the same folder, then hard-linked to its name (which fails if the name is
// taken, even when another process takes it meanwhile), then the temporary name is removed.
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync } from 'node:fs';
import { temporaryPathFor, writeAll } from './write-file';

export class FileExists extends Error {}

export function createTextFileExclusive(file: string, text: string): void {
  const temporary = temporaryPathFor(file);
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(temporary, 'wx', 0o666);
  try {
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExists(`${file} already exists; it is never overwritten`);
      throw error;
    }
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
}

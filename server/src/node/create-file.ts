// Creating a new text file atomically and never over an existing one: the text is written to a
// temporary file in the same folder, then hard-linked to its name (which fails if the name is
// taken, even when another process takes it meanwhile), then the temporary name is removed.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';

export class FileExists extends Error {}

export function createTextFileExclusive(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(temporary, 'wx', 0o666);
  try {
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
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

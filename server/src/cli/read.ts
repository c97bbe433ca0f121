// Reading a .okr file: one clear line for what cannot be read, never a crash.
import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function readOkrFile(file: string): ReadResult {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})` };
  }
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return { ok: false, reason: 'is UTF-16 text; okr reads UTF-8, so save it as UTF-8' };
  }
  if (buffer.includes(0)) return { ok: false, reason: 'is a binary file, not .okr text' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

// Reading a .okr file: one clear line for what cannot be read, never a crash or a hang.
import type { Diagnostic } from '../engine/model/types';
import { readOkrFileSync } from '../node/read-file';

export type ReadResult =
  | { ok: true; text: string }
  /** `diagnostic`: the file is text in another encoding than UTF-8; `check` shows it as an error at its position. */
  | { ok: false; reason: string; diagnostic?: Diagnostic };

export function readOkrFile(file: string): ReadResult {
  const decoded = readOkrFileSync(file);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
}

// Reading .okr and .okrrc.json files for the CLI and the language server: regular files only
// (a FIFO named x.okr would block the read until something writes to it, /dev/zero never ends),
// opened without blocking and read with a size cap, so no path can hang or exhaust a run.
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import { decodeOkrBytes, type Decoded } from '../engine/encoding';
import { formatSize } from '../engine/limits';

/** The most bytes read from one file: well over the document size limit, far below memory trouble. */
export const READ_CAP = 16 * 1024 * 1024;

/** `code`: the system error, when there was one (EMFILE: out of file descriptors, worth a retry). */
export type ReadBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string; code?: string };

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function failure(error: unknown): ReadBytes {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, reason: 'does not exist', code };
  if (code === 'EISDIR') return { ok: false, reason: 'is a folder', code };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied', code };
  return { ok: false, reason: `cannot be read (${code ?? String(error)})`, code };
}

function notRegular(isDirectory: boolean): ReadBytes {
  return { ok: false, reason: isDirectory ? 'is a folder' : 'is not a regular file (a pipe, socket or device); not read' };
}

function tooLarge(size: number, cap: number): ReadBytes {
  return { ok: false, reason: `is too large to read (${formatSize(size)}; okr reads files up to ${formatSize(cap)})` };
}

/** The bytes of a regular file, at most `cap` of them; anything else is a reason. */
export function readRegularFileSync(file: string, cap = READ_CAP): ReadBytes {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return notRegular(stats.isDirectory());
    if (stats.size > cap) return tooLarge(stats.size, cap);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until the end rather than trusting the size: the file may grow meanwhile.
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, cap + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > cap) return tooLarge(total, cap);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

/** The same, without blocking the event loop (the language server). */
export async function readRegularFile(file: string, cap = READ_CAP): Promise<ReadBytes> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return notRegular(stats.isDirectory());
    if (stats.size > cap) return tooLarge(stats.size, cap);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, cap + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) return tooLarge(total, cap);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

/** A .okr file read and decoded, or why it cannot be (with a positioned diagnostic for a wrong encoding). */
export function readOkrFileSync(file: string, cap = READ_CAP): Decoded {
  const read = readRegularFileSync(file, cap);
  return read.ok ? decodeOkrBytes(read.bytes) : read;
}

// Reading .okr and .okrrc.json files for the CLI and the language server: regular files only
// (a FIFO named x.okr would block the read until something writes to it, /dev/zero never ends),
// opened without blocking and read with a size cap, so no path can hang or exhaust a run.
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';
import { decodeOkrBytes, type Decoded } from '../engine/encoding';
import { formatSize } from '../engine/limits';

/** The most bytes read from one file: well over the document size limit, far below memory trouble. */
export const READ_CAP = 16 * 1024 * 1024;

/** `code`: the system error, when there was one (EMFILE: out of file descriptors, worth a retry). */
/** `tooLarge`: the file is over the cap it was read with. */
export type ReadBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string; code?: string; tooLarge?: true };

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function failure(error: unknown): ReadBytes {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, reason: 'does not exist', code };
  if (code === 'EISDIR') return { ok: false, reason: 'is a folder', code };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied', code };
  return { ok: false, reason: `cannot be read (${code ?? String(error)})`, code };
}

/** Why a file with these stats is not read at all, or undefined when it may be. */
function refuse(stats: Stats, cap: number): ReadBytes | undefined {
  if (!stats.isFile()) return { ok: false, reason: stats.isDirectory() ? 'is a folder' : 'is not a regular file (a pipe, socket or device); not read' };
  if (stats.size > cap) return tooLarge(stats.size, cap);
  return undefined;
}

function tooLarge(size: number, cap: number): ReadBytes {
  return { ok: false, reason: `is too large to read (${formatSize(size)}; okr reads files up to ${formatSize(cap)})`, tooLarge: true };
}

/** The chunks of one read, to the end of the file rather than its stated size (it may grow meanwhile), stopping past the cap. */
class CappedChunks {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(private readonly cap: number) {}

  /** Room for the next read: never more than one byte past the cap. */
  room(): Buffer {
    return Buffer.allocUnsafe(Math.min(64 * 1024, this.cap + 1 - this.total));
  }

  /** Keeps what a read gave; false once the file is past the cap. */
  keep(chunk: Buffer, count: number): boolean {
    this.chunks.push(chunk.subarray(0, count));
    this.total += count;
    return this.total <= this.cap;
  }

  result(): ReadBytes {
    return this.total > this.cap ? tooLarge(this.total, this.cap) : { ok: true, bytes: Buffer.concat(this.chunks, this.total) };
  }
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
    const refused = refuse(fstatSync(fd), cap);
    if (refused) return refused;
    const chunks = new CappedChunks(cap);
    for (;;) {
      const room = chunks.room();
      const count = readSync(fd, room, 0, room.length, null);
      if (count === 0 || !chunks.keep(room, count)) return chunks.result();
    }
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
    const refused = refuse(await handle.stat(), cap);
    if (refused) return refused;
    const chunks = new CappedChunks(cap);
    for (;;) {
      const room = chunks.room();
      const { bytesRead } = await handle.read(room, 0, room.length, null);
      if (bytesRead === 0 || !chunks.keep(room, bytesRead)) return chunks.result();
    }
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

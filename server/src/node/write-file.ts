// Writing a text file back safely: a temporary file in the same folder, then a rename, so a
// crash or a full disk leaves either the old file or the new one, never half of each. The file
// keeps its encoding, its BOM and (when it used one style throughout) its line breaks; a
// symbolic link that leads out of the folder the command was given is refused.
import { randomBytes } from 'node:crypto';
import {
  accessSync, chmodSync, closeSync, constants, fchownSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import * as path from 'node:path';

/** A write that would be unsafe; the message is a reason to print after the file's name. */
export class WriteRefused extends Error {}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';
export type LineBreakStyle = '\n' | '\r\n' | '\r' | 'mixed' | 'none';

export interface DecodedFile {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  lineBreaks: LineBreakStyle;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function swapBytes(buffer: Buffer): Buffer {
  const out = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  return out.swap16();
}

export function lineBreakStyle(text: string): LineBreakStyle {
  const seen = new Set(text.match(/\r\n|\r|\n/g) ?? []);
  if (seen.size === 0) return 'none';
  if (seen.size > 1) return 'mixed';
  return [...seen][0] as LineBreakStyle;
}

/** Reads bytes the way they were written: a UTF-8 or UTF-16 BOM decides, UTF-8 otherwise. */
export function decodeText(bytes: Buffer): DecodedFile {
  let text: string;
  let encoding: TextEncoding = 'utf8';
  let bom = true;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [text, encoding] = [bytes.subarray(2).toString('utf16le'), 'utf16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [text, encoding] = [swapBytes(bytes.subarray(2)).toString('utf16le'), 'utf16be'];
  else [text, bom] = [bytes.toString('utf8'), false];
  return { text, encoding, bom, lineBreaks: lineBreakStyle(text) };
}

/**
 * Encodes `text` like `original`: same encoding and BOM. When the original used one line-break
 * style throughout (say CRLF), lone breaks in the new text (lines a fix inserted) get that style;
 * a file with mixed breaks keeps exactly the breaks the new text has.
 */
export function encodeLike(text: string, original: DecodedFile): Buffer {
  // A BOM the text starts with is the file's BOM, not doubled; unless the file's own text starts
  // with one too (a file with two BOMs keeps both).
  let body = original.text.startsWith('\ufeff') ? text : text.replace(/^\ufeff/, '');
  const style = original.lineBreaks;
  if (style === '\r\n') body = body.replace(/\r\n|\r|\n/g, '\r\n');
  else if (style === '\r') body = body.replace(/\r\n|\n/g, '\r');
  if (original.encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
  if (original.encoding === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), swapBytes(Buffer.from(body, 'utf16le'))]);
  const bytes = Buffer.from(body, 'utf8');
  return original.bom ? Buffer.concat([UTF8_BOM, bytes]) : bytes;
}

function inside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Where writing `file` really lands, after following symbolic links, checked to be a regular
 * file inside `root` (itself resolved). Throws WriteRefused with a reason a person understands.
 */
export function resolveWritableFile(file: string, root: string): string {
  const absolute = path.resolve(file);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    throw new WriteRefused(`cannot be written: the folder ${root} does not exist`);
  }
  let link;
  try {
    link = lstatSync(absolute);
  } catch {
    throw new WriteRefused('does not exist; it is not created');
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    throw new WriteRefused('is a symbolic link to nowhere; not written');
  }
  if (!inside(realRoot, real)) {
    const how = link.isSymbolicLink() ? `is a symbolic link to ${real}` : `leads through a linked folder to ${real}`;
    throw new WriteRefused(`${how}, outside ${root}; not written`);
  }
  if (!statSync(real).isFile()) throw new WriteRefused('is not a regular file; not written');
  return real;
}

export interface WriteOptions {
  /** The folder the command was given: the file, links followed, must lie inside it. */
  root: string;
  /** The bytes the file had when it was read; when it has changed since, the write is refused. */
  expected?: Buffer;
  /** Or the text it had (decoded, without BOM), for callers that kept only the text. */
  expectedText?: string;
  /** Called after the new text is on disk, just before the rename (tests use it to edit the file meanwhile). */
  beforeRename?: () => void;
}

export interface WriteResult {
  /** The real path written (differs from the file asked for when that is a symbolic link). */
  path: string;
  /** False when the new content equals the old and nothing was written. */
  changed: boolean;
}

/** Why this file may not be replaced by a new one, or undefined when it may. */
function refusal(stats: Stats, real: string): string | undefined {
  // Checked on the mode itself: root may write anything, but a read-only file says "leave me".
  if ((stats.mode & 0o222) === 0) return 'is read-only; not written';
  try {
    accessSync(real, constants.W_OK);
  } catch {
    return 'may not be written by you (permission denied); not written';
  }
  // A rename gives the path a new file: the other names of a hard-linked file would keep the old text.
  if (stats.nlink > 1) return `has ${stats.nlink} hard links, which a rewrite would split; not written`;
  return undefined;
}

function unchanged(real: string, current: Buffer): boolean {
  try {
    return readFileSync(real).equals(current);
  } catch {
    return false;
  }
}

/** The temporary name a file is written under before its rename (`.NAME.PID.HEX.tmp`, beside it; stale-temp.ts knows it). */
export function temporaryPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes every byte (writeSync may write fewer than asked). */
export function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Replaces the text of an existing file atomically, keeping its encoding, BOM, line breaks, mode
 * and owner. Refuses read-only and hard-linked files, and a file that changes while it is written.
 */
export function writeTextFileAtomic(file: string, text: string, options: WriteOptions): WriteResult {
  const real = resolveWritableFile(file, options.root);
  const current = readFileSync(real);
  const decoded = decodeText(current);
  if ((options.expected && !current.equals(options.expected)) || (options.expectedText !== undefined && decoded.text !== options.expectedText)) {
    throw new WriteRefused('changed on disk after it was read; not written');
  }
  const bytes = encodeLike(text, decoded);
  if (bytes.equals(current)) return { path: real, changed: false };

  const stats = statSync(real);
  const refused = refusal(stats, real);
  if (refused) throw new WriteRefused(refused);
  const mode = stats.mode & 0o7777;
  const temporary = temporaryPathFor(real);
  // 'wx': never reuse or follow anything already at that name.
  const fd = openSync(temporary, 'wx', mode);
  try {
    try {
      writeAll(fd, bytes);
      // The new file gets the old one's owner; when that is not allowed, the file is left alone.
      if (process.getuid && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) {
        try {
          fchownSync(fd, stats.uid, stats.gid);
        } catch {
          throw new WriteRefused('belongs to another user or group, which a rewrite would change; not written');
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, mode); // the umask may have narrowed it
    options.beforeRename?.();
    // An editor may have saved the file while the new text was written: keep the person's edit.
    if (!unchanged(real, current)) throw new WriteRefused('changed on disk while it was being written; not written');
    renameSync(temporary, real);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
  syncFolder(path.dirname(real));
  return { path: real, changed: true };
}

/** Makes the rename itself durable where the platform allows it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (Windows): the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The stats of a path, or undefined when there is nothing there (or it cannot be looked at). */
export function statIfExists(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const GLOB_MAGIC = /[*?[\]{}()!]/;

/**
 * The folder a command was given for `file`: the deepest of the given paths that holds it (a
 * folder itself, a file's folder, a glob's fixed leading folders), or `cwd` when none does.
 */
export function givenFolderOf(file: string, given: string[], cwd: string): string {
  const folders = given.map((arg) => {
    const full = path.resolve(cwd, arg);
    const stats = statIfExists(full);
    // As collectFiles reads them: an existing path is literal, only a missing one may be a glob.
    if (stats) return stats.isDirectory() ? full : path.dirname(full);
    if (!GLOB_MAGIC.test(arg)) return path.dirname(full);
    const fixed: string[] = [];
    for (const part of arg.split(/[\\/]/)) {
      if (GLOB_MAGIC.test(part)) break;
      fixed.push(part);
    }
    return path.resolve(cwd, fixed.join('/') || '.');
  });
  const holding = folders.filter((folder) => inside(folder, path.resolve(file))).sort((a, b) => b.length - a.length);
  return holding[0] ?? cwd;
}

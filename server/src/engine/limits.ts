// The size limit: a document larger than this is declined with one clear diagnostic
// instead of analysed, so a huge or runaway file never stalls the editor or CI.
import type { Diagnostic, OkrDocument } from './model/types';

/**
 * Default limit in UTF-8 bytes. Real OKR files are a few kilobytes; at this size the whole
 * analysis still finishes well within a second (see docs/reliability.md for the measurement).
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 1024 * 1024;

/** Rule id of the diagnostic that declines a document. */
export const SIZE_LIMIT_RULE = 'document-too-large';

/** UTF-8 length of `text`, counting no further than just past `stopAfter`. */
export function utf8Length(text: string, stopAfter = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether `text` is larger than `limit` bytes; cheap for documents far from the limit either way. */
export function exceedsLimit(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit is at least one UTF-8 byte
  if (text.length * 3 <= limit) return false; // and at most three
  return utf8Length(text, limit) > limit;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

export interface Declined {
  /** An empty model with the document's real line count. */
  doc: OkrDocument;
  diagnostic: Diagnostic;
}

/** Why a document of `bytes` UTF-8 bytes is not checked, for a limit it is over. */
export function tooLargeMessage(bytes: number, limit: number): string {
  // Rounded alike ("1 MB, and the limit is 1 MB") the two would not say why: give the bytes.
  const exact = formatSize(bytes) === formatSize(limit);
  const [size, max] = exact ? [bytes, limit].map((n) => `${n.toLocaleString('en-US')} bytes`) : [formatSize(bytes), formatSize(limit)];
  return `This document is not checked: it is ${size}, and the limit is ${max} (setting maxDocumentSize). Split it into smaller files.`;
}

/** For a document over the limit: the empty model and the one diagnostic that says why; undefined otherwise. */
export function declineIfTooLarge(text: string, limit = DEFAULT_MAX_DOCUMENT_SIZE): Declined | undefined {
  if (!(limit >= 0) || !exceedsLimit(text, limit)) return undefined;
  const firstBreak = text.search(/[\r\n]/);
  const firstLineLength = firstBreak < 0 ? text.length : firstBreak;
  return {
    doc: { objectives: [], comments: [], errors: [], lineCount: countLines(text) },
    diagnostic: {
      rule: SIZE_LIMIT_RULE,
      severity: 'error',
      message: tooLargeMessage(utf8Length(text), limit),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } },
    },
  };
}

/** Rule id of the diagnostic that declines a document holding a NUL byte. */
export const BINARY_RULE = 'binary-file';

/**
 * For a document holding a NUL byte (a binary file, or text in UTF-16 without a BOM): the empty
 * model and one diagnostic at the first NUL. The CLI and the editor decline it alike.
 */
export function declineIfBinary(text: string): Declined | undefined {
  const nul = text.indexOf('\0');
  if (nul < 0) return undefined;
  const before = text.slice(0, nul);
  const line = countLines(before) - 1;
  const character = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
  return {
    doc: { objectives: [], comments: [], errors: [], lineCount: countLines(text) },
    diagnostic: {
      rule: BINARY_RULE,
      severity: 'error',
      message: `This document is not checked: it holds a NUL byte (line ${line + 1}, column ${character + 1}), so it is a binary file, not .okr text.`,
      range: { start: { line, character }, end: { line, character: character + 1 } },
    },
  };
}

/** The first reason to decline a document (too large, then binary), or undefined to analyse it. */
export function declineIfUnfit(text: string, limit = DEFAULT_MAX_DOCUMENT_SIZE): Declined | undefined {
  return declineIfTooLarge(text, limit) ?? declineIfBinary(text);
}

/** Lines as LSP counts them: \r\n, \r and \n each end one. */
function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

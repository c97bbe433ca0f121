// Bytes → .okr text, the same way for the CLI and the language server. UTF-8 only: a file that
// is not valid UTF-8 is declined with the first bad byte's position (decoding it anyway would
// turn `café` in Latin-1 into U+FFFD, and a fix written back would lose those bytes for good);
// UTF-16 is refused rather than misread. Pure: callers read the bytes.
import type { Diagnostic } from './model/types';

/** Rule id of the diagnostic for a file that is not valid UTF-8. */
export const NOT_UTF8_RULE = 'not-utf8';

export type Decoded =
  | { ok: true; text: string; bom: boolean }
  /** `diagnostic` when the file is text in the wrong encoding and there is a position to show. */
  | { ok: false; reason: string; diagnostic?: Diagnostic };

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) return i;
    const second = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/** Line and UTF-16 column (0-based, as LSP counts) just after `text`. */
function endPosition(text: string): { line: number; character: number } {
  const breaks = text.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: breaks.length, character: text.length - lastBreak - 1 };
}

/** The one diagnostic for text that is not UTF-8: `before` is the valid text up to the bad byte. */
export function notUtf8Diagnostic(before: string, badByte: number): Diagnostic {
  const at = endPosition(before);
  const hex = `0x${badByte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    rule: NOT_UTF8_RULE,
    severity: 'error',
    message: `This file is not checked: it is not valid UTF-8 (byte ${hex} at line ${at.line + 1}, column ${at.character + 1}; Latin-1 or another encoding?). Save it as UTF-8.`,
    range: { start: at, end: { line: at.line, character: at.character + 1 } },
  };
}

/** Decodes a .okr file's bytes: UTF-8 with or without a BOM (exactly one BOM is dropped). */
export function decodeOkrBytes(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'is UTF-16 text; okr reads UTF-8, so save it as UTF-8' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // A NUL byte makes it a binary file whatever else it holds: the engine declines it with that
  // message (as the editor does), so the decoding, lossy or not, is never used for more.
  if (bad >= 0 && bytes.indexOf(0, start) < 0) {
    const diagnostic = notUtf8Diagnostic(decoder.decode(bytes.subarray(start, bad)), bytes[bad]);
    return { ok: false, reason: diagnostic.message.replace(/^This file is not checked: it is/, 'is'), diagnostic };
  }
  return { ok: true, text: decoder.decode(bytes.subarray(start)), bom };
}

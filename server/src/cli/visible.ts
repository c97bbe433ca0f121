// Text from .okr files (and file names) reaches terminals. Raw control characters would let a
// file set the window title (ESC ]0;), clear the screen (ESC [2J), write the clipboard (ESC ]52)
// or reorder what is shown (bidi overrides), so text output shows them escaped, as `\x1B` or
// `\u202E`. JSON and SARIF output keep the exact text (JSON escapes what it must itself).

/** C0 controls (line breaks too: callers escape one output line at a time), DEL, C1, bidi marks and overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g; // eslint-disable-line no-control-regex

/** `text` with every control character and bidi override shown as an escape. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** Each line of a multi-line text made visible; the line breaks (\n, or \r\n) stay. */
export function visibleLines(text: string): string {
  return text.split('\n').map((line) => (line.endsWith('\r') ? `${visible(line.slice(0, -1))}\r` : visible(line))).join('\n');
}

/** Whether `text` holds anything `visible` would escape (for tests and the property suite). */
export function hasUnsafe(text: string): boolean {
  return new RegExp(UNSAFE.source).test(text);
}

// Splits text into lines that keep their own line break, so that CRLF, CR and mixed
// endings come back exactly as they were.

export interface SourceLine {
  /** The line without its break. */
  content: string;
  /** `\r\n`, `\n`, `\r`, or '' for the last line. */
  eol: string;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    lines.push({ content: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ content: text.slice(start), eol: '' });
  return lines;
}

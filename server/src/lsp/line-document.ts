// An open document kept as its lines, each with its own line break, so that an edit costs the
// lines it touches rather than a copy of the whole text. The library's TextDocument rebuilds
// its string on every incremental change: in a burst of 1,000 edits to a 120 KB document that
// was 120 MB copied (and collected) before the newest version could be checked. The whole text
// is joined only when asked for, once per version. Positions behave as the library's do
// (vscode-languageserver-textdocument): a character past the end of its line is the line's end,
// a line past the last one the document's end.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

export class LineDocument implements TextDocument {
  private lines: string[];
  private text: string | undefined;
  private starts: number[] | undefined; // offset of each line's first character

  constructor(readonly uri: string, readonly languageId: string, private _version: number, content: string) {
    this.lines = splitLines(content);
    this.text = content;
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    this.text ??= this.lines.join('');
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The length of a line without its line break. */
  lineLength(line: number): number {
    return contentLength(this.lines[line]!);
  }

  /** A line's range without its break; past the last line, the last line's; before the first, empty. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lines.length - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: this.lineLength(at) } };
  }

  /** The break ending a line ('' for the last line and out of range). */
  getEOLCharacters(line: number): string {
    const text = this.lines[line];
    return text === undefined ? '' : text.slice(contentLength(text));
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.getText().length;
    if (position.line < 0) return 0;
    const start = this.lineStarts()[position.line]!;
    if (position.character <= 0) return start;
    return start + Math.min(position.character, this.lineLength(position.line));
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    offset = Math.max(0, Math.min(offset, this.getText().length));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: Math.min(offset - starts[line]!, this.lineLength(line)) };
  }

  /** A copy to try changes on: a refused notification must leave the document as it was. */
  clone(): LineDocument {
    const copy = new LineDocument(this.uri, this.languageId, this._version, '');
    copy.lines = this.lines.slice();
    copy.text = this.text;
    copy.starts = this.starts;
    return copy;
  }

  /** Replaces the text between two positions inside the document (in either order). */
  replace(from: Position, to: Position, text: string): void {
    const [start, end] = before(to, from) ? [to, from] : [from, to];
    // The lines either side are taken in too: a lone CR ending the line before and a text
    // starting with LF make one CRLF break, and the same at the other end.
    const first = Math.max(0, start.line - 1);
    const last = Math.min(this.lines.length - 1, end.line + 1);
    const startLine = this.lines[start.line]!;
    const endLine = this.lines[end.line]!;
    const piece =
      this.lines.slice(first, start.line).join('') +
      startLine.slice(0, Math.min(start.character, contentLength(startLine))) +
      text +
      endLine.slice(Math.min(end.character, contentLength(endLine))) +
      this.lines.slice(end.line + 1, last + 1).join('');
    const replaced = splitLines(piece);
    // The piece ends with a line break unless it runs to the end of the document: the empty
    // line after that break is the next line's beginning, already in the array.
    if (last < this.lines.length - 1) replaced.pop();
    this.lines.splice(first, last - first + 1, ...replaced);
    this.changed();
  }

  replaceAll(text: string): void {
    this.lines = splitLines(text);
    this.changed();
    this.text = text;
  }

  setVersion(version: number): void {
    this._version = version;
  }

  private changed(): void {
    this.text = undefined;
    this.starts = undefined;
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      let offset = 0;
      this.starts = this.lines.map((line) => {
        const start = offset;
        offset += line.length;
        return start;
      });
    }
    return this.starts;
  }
}

/** The lines of a text, each with its break (CRLF, CR or LF); the last has none and may be empty. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  lines.push(text.slice(start));
  return lines;
}

/** A line's length without its break. */
function contentLength(line: string): number {
  const last = line.charCodeAt(line.length - 1);
  if (last === 10) return line.charCodeAt(line.length - 2) === 13 ? line.length - 2 : line.length - 1;
  return last === 13 ? line.length - 1 : line.length;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

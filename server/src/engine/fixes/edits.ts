// Building and applying text edits that touch only the lines they mean to change.
import type { Position, Range } from '../model/types';
import type { TextEdit } from './types';

/** The line break a document uses (its first one), `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** One indentation step as the document writes it (two spaces unless it uses tabs). */
export function indentStep(lines: string[]): string {
  return lines.some((l) => l.startsWith('\t')) ? '\t' : '  ';
}

/** Inserts whole lines after a line, keeping the document's line breaks. */
export function insertLinesAfter(lines: string[], line: number, newLines: string[], lineBreak: string): TextEdit {
  const end: Position = { line, character: lines[line]?.length ?? 0 };
  return { range: { start: end, end }, newText: newLines.map((l) => lineBreak + l).join('') };
}

export function replaceRange(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Offset of an LSP position in a text (UTF-16 units, any line break). */
export function offsetAt(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    else if (code === 13) {
      line++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
    i++;
  }
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return Math.min(i + position.character, end);
}

/**
 * Applies edits to a text. Edits must not overlap; an edit that overlaps one before it is
 * skipped (and returned) so that no text is ever lost.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; skipped: TextEdit[] } {
  const located = edits
    .map((edit) => ({ edit, start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof located = [];
  const skipped: TextEdit[] = [];
  for (const item of located) {
    const previous = kept[kept.length - 1];
    if (previous && (item.start < previous.end || (item.start === previous.start && previous.start !== previous.end))) {
      skipped.push(item.edit);
      continue;
    }
    kept.push(item);
  }
  let out = '';
  let at = 0;
  for (const item of kept) {
    out += text.slice(at, item.start) + item.edit.newText;
    at = item.end;
  }
  out += text.slice(at);
  return { text: out, skipped };
}

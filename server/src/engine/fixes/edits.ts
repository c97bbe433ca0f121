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

const steps = new WeakMap<string[], string>();

/** One indentation step as the document writes it (two spaces unless it uses tabs); once per text. */
export function indentStep(lines: string[]): string {
  let step = steps.get(lines);
  if (step === undefined) {
    step = lines.some((l) => l.startsWith('\t')) ? '\t' : '  ';
    steps.set(lines, step);
  }
  return step;
}

/** Inserts whole lines after a line, keeping the document's line breaks. */
export function insertLinesAfter(lines: string[], line: number, newLines: string[], lineBreak: string): TextEdit {
  const end: Position = { line, character: lines[line]?.length ?? 0 };
  return { range: { start: end, end }, newText: newLines.map((l) => lineBreak + l).join('') };
}

export function replaceRange(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Where each line starts in a text (UTF-16 offsets, any line break): positions to offsets in O(1). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
}

/** An offset finder for one text: the line table is built once, each lookup is constant time. */
export function offsetFinder(text: string): (position: Position) => number {
  const starts = lineStarts(text);
  return (position) => {
    if (position.line >= starts.length) return text.length;
    const start = starts[Math.max(0, position.line)];
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length + 1;
    // The end of the line without its break.
    let end = next - 1;
    if (next <= text.length && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
    if (next > text.length) end = text.length;
    return Math.min(start + Math.max(0, position.character), end);
  };
}

/** A position finder for one text: offsets to LSP positions (0-based line, UTF-16 character), by binary search. */
export function positionFinder(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
}

/** Offset of an LSP position in a text (UTF-16 units, any line break). */
export function offsetAt(text: string, position: Position): number {
  return offsetFinder(text)(position);
}

/**
 * Applies edits to a text. Edits must not overlap; an edit that overlaps one before it is
 * skipped (and returned) so that no text is ever lost.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; skipped: TextEdit[] } {
  const at = offsetFinder(text);
  const located = edits
    .map((edit) => ({ edit, start: at(edit.range.start), end: at(edit.range.end) }))
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
  const parts: string[] = [];
  let from = 0;
  for (const item of kept) {
    parts.push(text.slice(from, item.start), item.edit.newText);
    from = item.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), skipped };
}

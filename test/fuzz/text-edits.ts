// Applying a fix's edits independently of the engine, and checking that every line the
// edits do not touch comes out byte-identical (line break included).
import type { Position } from '../../server/src/engine/model/types';
import type { TextEdit } from '../../server/src/engine/rules/types';
import { assertRangeInside } from './invariants';

/** Lines with their own line break kept at the end (`a\r\n`, `b\n`, `c`). */
export function linesWithBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function contentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function offsetOf(lines: string[], p: Position): number {
  let offset = 0;
  for (let i = 0; i < p.line; i++) offset += lines[i].length;
  return offset + p.character;
}

/** Applies non-overlapping edits; throws when an edit leaves the document or overlaps another. */
export function applyStrict(text: string, edits: TextEdit[]): string {
  const content = contentLines(text);
  const withBreaks = linesWithBreaks(text);
  if (withBreaks.length < content.length) withBreaks.push(''); // a final empty line after the last break
  const located = edits.map((edit) => {
    assertRangeInside(edit.range, content, `edit ${JSON.stringify(edit.newText)}`);
    return { edit, start: offsetOf(withBreaks, edit.range.start), end: offsetOf(withBreaks, edit.range.end) };
  });
  located.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < located.length; i++) {
    if (located[i].start < located[i - 1].end) throw new Error(`edits overlap: ${JSON.stringify([located[i - 1].edit, located[i].edit])}`);
  }
  let out = '';
  let at = 0;
  for (const { edit, start, end } of located) {
    out += text.slice(at, start) + edit.newText;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Every line no edit touches must come out byte-identical (its line break included) and still be
 * a line of its own: the result must be the untouched lines, in order, with each run of touched
 * lines replaced by that run with its edits applied, and no line break may fuse with its neighbour.
 */
export function assertUntouchedLinesKept(before: string, after: string, edits: TextEdit[]): void {
  const lines = linesWithBreaks(before);
  if (lines.length < contentLines(before).length) lines.push('');
  const touched = new Set<number>();
  for (const e of edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) touched.add(l);
  const pieces: { text: string; kept: boolean; from: number }[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i + 1;
    while (end < lines.length && touched.has(end) === touched.has(i)) end++;
    const text = lines.slice(i, end).join('');
    if (!touched.has(i)) pieces.push({ text, kept: true, from: i });
    else {
      const local = edits
        .filter((e) => e.range.start.line >= i && e.range.end.line < end)
        .map((e) => ({ ...e, range: { start: { ...e.range.start, line: e.range.start.line - i }, end: { ...e.range.end, line: e.range.end.line - i } } }));
      pieces.push({ text: applyStrict(text, local), kept: false, from: i });
    }
    i = end;
  }
  const expected = pieces.map((p) => p.text).join('');
  if (after !== expected) {
    let at = 0;
    while (at < after.length && after[at] === expected[at]) at++;
    throw new Error(`text outside the edited lines changed (first difference near offset ${at}): ${JSON.stringify(after.slice(Math.max(0, at - 40), at + 40))}`);
  }
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (!piece.kept) continue;
    const previous = pieces[k - 1]?.text ?? '';
    const next = pieces[k + 1]?.text ?? '';
    if (previous !== '' && !/[\r\n]$/.test(previous)) throw new Error(`line ${piece.from} now continues the edited line before it`);
    if (previous.endsWith('\r') && piece.text.startsWith('\n')) throw new Error(`line ${piece.from}'s line break fused with the edited line before it`);
    if (piece.text.endsWith('\r') && next.startsWith('\n')) throw new Error(`an edited line after line ${piece.from} fused with its line break`);
  }
}

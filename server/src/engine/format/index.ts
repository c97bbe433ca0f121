// The canonical formatter: two spaces per level (objective → kr → its lines), one space
// after each keyword, lower-case keywords, single spaces between values (never inside a
// quoted note), no trailing whitespace, at most one blank line in a row. It is lossless
// (every comment and word stays, each line keeps its own line break), idempotent, and
// pure. Lines it does not understand are left exactly as they are.
import type { Range } from '../model/types';
import type { TextEdit } from '../fixes/types';
import { classify, DepthTracker, isValueKeyword, LEADING_SPACE, type ClassifiedLine } from './classify';
import { splitLines } from './lines';

export interface FormatOptions {
  /** One level of indentation; two spaces by default. */
  indent: string;
}

const DEFAULTS: FormatOptions = { indent: '  ' };

/** Edits that turn `text` into its canonical form; only lines inside `range` when given. */
export function formatEdits(text: string, options: Partial<FormatOptions> = {}, range?: Range): TextEdit[] {
  const { indent } = { ...DEFAULTS, ...options };
  const lines = splitLines(text);
  const wanted = canonicalLines(lines.map((l) => l.content), lines.map((l) => l.eol), indent);
  const edits: TextEdit[] = [];
  const inRange = (line: number) => !range || (line >= range.start.line && line <= range.end.line);
  let deleteFrom = -1;
  const flushDeletion = (upTo: number) => {
    if (deleteFrom < 0) return;
    const end = upTo < lines.length ? { line: upTo, character: 0 } : { line: upTo - 1, character: lines[upTo - 1].content.length };
    if (end.line > deleteFrom || end.character > 0) edits.push({ range: { start: { line: deleteFrom, character: 0 }, end }, newText: '' });
    deleteFrom = -1;
  };
  lines.forEach((line, i) => {
    const target = wanted[i];
    if (target === null && inRange(i)) {
      if (deleteFrom < 0) deleteFrom = i;
      return;
    }
    flushDeletion(i);
    if (target !== null && target !== line.content && inRange(i)) edits.push(lineEdit(i, line.content, target));
  });
  flushDeletion(lines.length);
  return edits;
}

/** The canonical form of `text`. */
export function formatText(text: string, options: Partial<FormatOptions> = {}): string {
  return applyEdits(text, formatEdits(text, options));
}

/** Applies non-overlapping LSP-style edits to text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: { line: number; character: number }) =>
    p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The wanted content of each line, or null for a line to delete (a surplus blank line). */
function canonicalLines(contents: string[], eols: string[], indent: string): (string | null)[] {
  const classes = contents.map(classify);
  const depths: (number | undefined)[] = new Array(contents.length);
  const tracker = new DepthTracker();
  classes.forEach((c, i) => {
    if (c.kind === 'statement') depths[i] = tracker.depthOf(c.keyword!);
  });
  commentDepths(classes, depths);

  const out: (string | null)[] = [];
  const lastIndex = contents.length - 1;
  // The piece after a final line break is an empty "line" that is not one: leave it be.
  const endsWithBreak = contents.length > 1 && contents[lastIndex] === '';
  let seenContent = false;
  let previousBlank = false;
  contents.forEach((content, i) => {
    const c = classes[i];
    const bom = i === 0 && content.startsWith('\ufeff') ? '\ufeff' : '';
    if (i === lastIndex && endsWithBreak) {
      out.push(content);
      return;
    }
    if (c.kind === 'blank') {
      const trailing = isTrailingBlank(classes, i, endsWithBreak ? lastIndex : contents.length);
      const keep = seenContent && !previousBlank && !trailing;
      previousBlank = true;
      // Emptying a blank line between a CR and an LF would weld them into one CRLF break.
      const wouldWeld = i > 0 && eols[i - 1] === '\r' && eols[i].startsWith('\n');
      out.push(keep || bom ? (wouldWeld ? content : bom) : null);
      return;
    }
    seenContent = true;
    previousBlank = false;
    if (c.kind === 'other') {
      out.push(content);
      return;
    }
    const pad = indent.repeat(depths[i] ?? 0);
    if (c.kind === 'comment') {
      out.push(bom + pad + content.replace(LEADING_SPACE, '').replace(/[ \t]+$/, ''));
      return;
    }
    out.push(bom + pad + statementText(c));
  });
  return out;
}

function isTrailingBlank(classes: ClassifiedLine[], from: number, end: number): boolean {
  for (let j = from; j < end; j++) if (classes[j].kind !== 'blank') return false;
  return true;
}

/** A comment sits with the statement right below it, else with the one above it. */
function commentDepths(classes: ClassifiedLine[], depths: (number | undefined)[]): void {
  let below: number | undefined;
  for (let i = classes.length - 1; i >= 0; i--) {
    const kind = classes[i].kind;
    if (kind === 'statement') below = depths[i];
    else if (kind === 'comment') depths[i] = below;
    else below = undefined;
  }
  let above = 0;
  for (let i = 0; i < classes.length; i++) {
    const kind = classes[i].kind;
    if (kind === 'statement') above = depths[i]!;
    else if (kind === 'comment' && depths[i] === undefined) depths[i] = above;
  }
}

function statementText(c: ClassifiedLine): string {
  const keyword = c.keyword!;
  let rest = c.rest!.replace(/[ \t]+$/, '');
  if (isValueKeyword(keyword)) rest = collapseOutsideQuotes(rest);
  else if (keyword === 'task') rest = rest.replace(/^\[([ xX])\](?=[ \t]|$)[ \t]*/, (_m, mark: string) => `[${mark === ' ' ? ' ' : 'x'}] `).trimEnd();
  return rest ? `${keyword} ${rest}` : keyword;
}

/** Single spaces between values; a quoted note (even an unterminated one) keeps its own spacing. */
function collapseOutsideQuotes(rest: string): string {
  let out = '';
  let i = 0;
  while (i < rest.length) {
    const ch = rest[i];
    if (ch === '"') {
      const close = findClosingQuote(rest, i + 1);
      out += rest.slice(i, close);
      i = close;
    } else if (ch === ' ' || ch === '\t') {
      while (i < rest.length && (rest[i] === ' ' || rest[i] === '\t')) i++;
      out += ' ';
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Replaces only the part of a line that changes, so that markers and the cursor stay put. */
function lineEdit(line: number, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isHighSurrogate(before.charCodeAt(endBefore - 1))) {
    endBefore++;
    endAfter++;
  }
  return {
    range: { start: { line, character: start }, end: { line, character: endBefore } },
    newText: after.slice(start, endAfter),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

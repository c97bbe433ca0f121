// Fix-all: every fix that needs no answer from a person, the one computation behind `okr fix`,
// the editor's `source.fixAll` action and its "Fix all auto-fixable problems" command.
//
// Linear in the document: the text is split once, positions become offsets through one line
// table, and overlaps are looked up per line. KRs converted to tasks in the same batch are
// known before any conversion is written, so consecutive task-like KRs all go under the
// nearest KR that stays (never under one another), in one pass whatever their number.
import { analyzeText, type Analysis } from '../analyze';
import type { Diagnostic, KeyResult } from '../model/types';
import { fixesFor, lazyLines, type RuleRunInput } from '../rules';
import { krOf } from '../rules/helpers';
import type { EngineConfig, Fix, TextEdit } from '../rules/types';
import { applyEdits, offsetFinder, positionFinder } from './edits';

export interface FixAllStep {
  diagnostic: Diagnostic;
  fix: Fix;
}

export interface FixAllOutcome {
  /** The text with every fix applied. */
  text: string;
  /** Edits on the original text that produce `text` (non-overlapping). */
  edits: TextEdit[];
  applied: FixAllStep[];
  /** Findings whose fixes need answers from a person (in the final text). */
  needsAnswers: FixAllStep[];
}

export interface FixAllOptions {
  asOf: string;
  config?: EngineConfig;
  /** The analysis of `text` when the caller has it already (the editor's cached one). */
  analysis?: Analysis;
}

/** Passes stop here: each pass applies every fix it can, so a second is rare and a third rarer. */
const MAX_PASSES = 10;

/** Every fix that needs no answer, applied until the text has nothing left to fix. */
export function fixAll(text: string, options: FixAllOptions): FixAllOutcome {
  const applied: FixAllStep[] = [];
  let current = text;
  let firstEdits: TextEdit[] = [];
  let analysis = options.analysis?.text === text ? options.analysis : analyzeText(text, { asOf: options.asOf, config: options.config });
  for (let pass = 0; ; pass++) {
    const step = onePass(analysis);
    if (!step.applied.length || pass === MAX_PASSES) {
      const edits = pass <= 1 ? firstEdits : wholeChange(text, current);
      return { text: current, edits, applied, needsAnswers: step.needsAnswers };
    }
    if (pass === 0) firstEdits = step.edits;
    applied.push(...step.applied);
    current = applyEdits(current, step.edits).text;
    analysis = analyzeText(current, { asOf: analysis.asOf, config: analysis.config });
  }
}

interface PassResult {
  edits: TextEdit[];
  applied: FixAllStep[];
  needsAnswers: FixAllStep[];
}

/** One pass: the preferred ready fix of each finding, the first one winning where two touch the same text. */
function onePass(analysis: Analysis): PassResult {
  const input: RuleRunInput = {
    text: analysis.text, doc: analysis.doc, progress: analysis.progress, config: analysis.config, asOf: analysis.asOf,
    lines: lazyLines(analysis.text),
  };
  const offset = offsetFinder(analysis.text);
  const taken = new Map<number, { start: number; end: number }[]>();
  const applied: FixAllStep[] = [];
  const needsAnswers: FixAllStep[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.rule === 'syntax' || diagnostic.rule === 'config') continue;
    const fixes = fixesFor(input, diagnostic);
    const ready = fixes.filter((f) => !f.needsInput?.length && f.edits.length && !f.onRequestOnly);
    const fix = ready.find((f) => f.isPreferred) ?? ready[0];
    if (!fix) {
      const asking = fixes.find((f) => f.needsInput?.length);
      if (asking) needsAnswers.push({ diagnostic, fix: asking });
      continue;
    }
    if (clashes(fix.edits, offset, taken)) continue;
    applied.push({ diagnostic, fix });
  }

  // Conversions written again knowing every KR that becomes a task in this batch.
  const becomingTasks = new Set<KeyResult>();
  for (const step of applied) {
    if (step.fix.dependsOnNeighbours) {
      const ref = krOf(analysis.doc, step.diagnostic);
      if (ref) becomingTasks.add(ref.kr);
    }
  }
  if (becomingTasks.size) {
    const batch: RuleRunInput = { ...input, becomingTasks };
    for (const step of applied) {
      if (!step.fix.dependsOnNeighbours) continue;
      const again = fixesFor(batch, step.diagnostic).find((f) => f.dependsOnNeighbours && f.edits.length && sameRanges(f.edits, step.fix.edits));
      if (again) step.fix = again;
    }
  }
  return { edits: applied.flatMap((a) => a.fix.edits), applied, needsAnswers };
}

/** True when an edit touches text an earlier chosen fix touches; otherwise records the edits. */
function clashes(edits: TextEdit[], offset: (p: TextEdit['range']['start']) => number, taken: Map<number, { start: number; end: number }[]>): boolean {
  const spans = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), first: e.range.start.line, last: e.range.end.line }));
  for (const s of spans) {
    for (let line = s.first; line <= s.last; line++) {
      for (const t of taken.get(line) ?? []) {
        if ((s.start < t.end && t.start < s.end) || s.start === t.start || s.end === t.end) return true;
      }
    }
  }
  for (const s of spans) {
    for (let line = s.first; line <= s.last; line++) {
      const list = taken.get(line);
      if (list) list.push(s);
      else taken.set(line, [s]);
    }
  }
  return false;
}

function sameRanges(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => {
    const o = b[i].range;
    return e.range.start.line === o.start.line && e.range.start.character === o.start.character
      && e.range.end.line === o.end.line && e.range.end.character === o.end.character;
  });
}

/** One edit from `before` to `after`: the part between their common start and common end. */
function wholeChange(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never end between the two halves of a \r\n.
  if (end > 0 && before[before.length - end - 1] === '\r' && before[before.length - end] === '\n') end--;
  // Whole lines read better in an editor's undo and diff: widen to line starts.
  while (start > 0 && before[start - 1] !== '\n' && before[start - 1] !== '\r') start--;
  const position = positionFinder(before);
  return [{ range: { start: position(start), end: position(before.length - end) }, newText: after.slice(start, after.length - end) }];
}

// Closing a period (`okr close 2026-Q2 --to 2026-Q3`, and the editor's Close Period command):
// the scores the figures give are written where none is, and the next period's file is drafted
// with the KRs carried over, each starting from its last value as the new baseline.
import type { Analysis } from '../analyze';
import { addDays, daysInMonth, periodBounds } from '../dates';
import { applyEdits, indentOf, insertLinesAfter, lineBreakOf } from '../fixes/edits';
import type { KeyResult, Objective } from '../model/types';
import { formatScore } from '../progress/score';
import type { KrProgress } from '../progress/types';
import type { TextEdit } from '../rules/types';
import { scoresOnClose } from './outlook';

export type CarryChoice = 'all' | 'none' | 'unfinished';

export interface ClosePlan {
  /** Score lines to insert in the closed file. */
  scoreEdits: TextEdit[];
  /** The closed file's text with those scores. */
  closedText: string;
  scored: { kr: string; line: number; score: number }[];
  /** The next period's file, or undefined when nothing is carried and `draftEmpty` is off. */
  nextText: string;
  carried: { kr: string; line: number; baseline: string | null }[];
}

export interface CloseOptions {
  /** The next period: `2026-Q3`, `2026-H2`, `2027` or `2026-07-01 to 2026-09-30`. */
  next: string;
  /** Which KRs to carry: a policy, or the lines of the chosen KRs' `kr` lines (0-based). */
  carry: CarryChoice | number[];
  /** The file the next one comes from, for its header comment. */
  fileName: string;
}

/** The bounds of a period as written (`2026-Q3` or `2026-07-01 to 2026-09-30`); undefined if it is none. */
export function parsePeriod(text: string): { label: string; start: string; end: string } | undefined {
  const trimmed = text.trim();
  const range = /^(\d{4}-\d{2}-\d{2})\s+to\s+(\d{4}-\d{2}-\d{2})$/i.exec(trimmed);
  if (range) return range[2] >= range[1] ? { label: `${range[1]} to ${range[2]}`, start: range[1], end: range[2] } : undefined;
  const label = trimmed.toUpperCase();
  const bounds = periodBounds(label);
  return bounds ? { label, ...bounds } : undefined;
}

/**
 * The period after one, in the same shape: the next quarter, half or year; after a range of whole
 * months, as many whole months; after any other range, as many days.
 */
export function nextPeriod(period: { label: string; start: string; end: string }): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period.label);
  if (quarter) return Number(quarter[2]) === 4 ? `${Number(quarter[1]) + 1}-Q1` : `${quarter[1]}-Q${Number(quarter[2]) + 1}`;
  const half = /^(\d{4})-H([12])$/.exec(period.label);
  if (half) return half[2] === '2' ? `${Number(half[1]) + 1}-H1` : `${half[1]}-H2`;
  if (/^\d{4}$/.test(period.label)) return String(Number(period.label) + 1);
  const months = wholeMonths(period.start, period.end);
  if (months) return nextMonths(period.end, months);
  const start = addDays(period.end, 1);
  const length = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000);
  return `${start} to ${addDays(start, length)}`;
}

// A range that ends up to this many days short of a month's end still counts as whole months
// (`2026-04-01 to 2026-08-30` is five months, one day short).
const MONTH_END_SLACK = 2;

/** How many calendar months a range from the 1st of a month to (about) the end of one spans; 0 when it is not months. */
function wholeMonths(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  if (sd !== 1 || ed < daysInMonth(ey, em) - MONTH_END_SLACK) return 0;
  return (ey - sy) * 12 + em - sm + 1;
}

/** `months` whole months from the 1st of the month after the one `end` falls in. */
function nextMonths(end: string, months: number): string {
  const [ey, em] = end.split('-').map(Number);
  const first = ey * 12 + em; // the next month, counted from year 0 month 1 as 0
  const last = first + months - 1;
  const iso = (index: number, day: number | 'last') => {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const d = day === 'last' ? daysInMonth(year, month) : day;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  return `${iso(first, 1)} to ${iso(last, 'last')}`;
}

/** A KR is unfinished when its figures do not say it is achieved. */
export function isUnfinished(kr: KrProgress): boolean {
  return kr.status !== 'achieved';
}

export function planClose(analysis: Analysis, options: CloseOptions): ClosePlan {
  const next = parsePeriod(options.next);
  if (!next) throw new Error(`'${options.next}' is not a period: write 2026-Q3, 2026-H2, 2027 or 2026-07-01 to 2026-09-30`);
  const { doc, text } = analysis;
  const lines = text.split(/\r\n|\r|\n/);
  const lineBreak = lineBreakOf(text);

  const scoreEdits: TextEdit[] = [];
  const scored: ClosePlan['scored'] = [];
  for (const o of analysis.progress.objectives) {
    for (const k of o.keyResults) {
      if (!scoresOnClose(k) || k.suggestedScore === null) continue;
      const last = k.kr.blockRange.end.line;
      const indent = `${indentOf(lines[k.kr.range.start.line] ?? '')}  `;
      scoreEdits.push(insertLinesAfter(lines, last, [`${indent}score ${formatScore(k.suggestedScore)}`], lineBreak));
      scored.push({ kr: k.kr.text, line: k.kr.range.start.line, score: k.suggestedScore });
    }
  }
  const closedText = applyEdits(text, scoreEdits).text;

  const chosen = (k: KrProgress) =>
    Array.isArray(options.carry) ? options.carry.includes(k.kr.range.start.line) : options.carry === 'all' || (options.carry === 'unfinished' && isUnfinished(k));
  const out: string[] = [`# Carried over from ${options.fileName}${doc.period ? ` (${doc.period.label})` : ''}.`, `period ${next.label}`];
  if (doc.team) out.push(`team ${doc.team.text}`);
  const carried: ClosePlan['carried'] = [];
  for (const o of analysis.progress.objectives) {
    const krs = o.keyResults.filter(chosen);
    if (!krs.length) continue;
    out.push('', ...objectiveHead(o.objective));
    for (const k of krs) {
      out.push('', ...carriedKr(k, next));
      carried.push({ kr: k.kr.text, line: k.kr.range.start.line, baseline: k.current?.raw ?? null });
    }
  }
  return { scoreEdits, closedText, scored, nextText: out.join('\n') + '\n', carried };
}

function objectiveHead(o: Objective): string[] {
  const head = [`objective ${o.title}`];
  if (o.why) head.push(`  why ${o.why.text}`);
  if (o.owner) head.push(`  owner ${o.owner.text}`);
  // What it contributes to still holds; its `id` stays with the closed period (ids are unique).
  for (const a of o.aligns ?? []) head.push(`  aligns ${a.slug}`);
  for (const t of o.tasks) if (!t.done) head.push(`  task ${t.text}`);
  return head;
}

/** The KR for the next period: its sentence moved to the new dates and baseline, its open tasks. */
function carriedKr(k: KrProgress, next: { start: string; end: string }): string[] {
  const baselineDate = k.currentDate ?? addDays(next.start, -1);
  const out = [`  kr ${carriedSentence(k.kr, k, next.end)}`];
  if (k.kind === 'milestone') out.push(`    target done by ${next.end}`);
  else {
    if (k.current) out.push(`    baseline ${k.current.raw} on ${baselineDate < next.start ? baselineDate : addDays(next.start, -1)}`);
    if (k.target) out.push(`    target ${k.kind === 'threshold' && k.kr.target?.comparator ? `${k.kr.target.comparator} ` : ''}${k.target.raw} by ${next.end}`);
  }
  if (k.kr.weight) out.push(`    weight ${k.kr.weight.value}`);
  for (const a of k.kr.aligns ?? []) out.push(`    aligns ${a.slug}`);
  for (const t of k.kr.tasks) if (!t.done) out.push(`    task ${t.text}`);
  return out;
}

/** The sentence with its `from` value set to where the KR stands now and its date to the new end. */
function carriedSentence(kr: KeyResult, k: KrProgress, end: string): string {
  const offset = kr.textRange.start.character;
  const edits: { start: number; end: number; text: string }[] = [];
  const from = kr.sentence.from;
  if (from && k.current && from.range.start.line === kr.range.start.line && k.current.raw !== from.raw) {
    edits.push({ start: from.range.start.character - offset, end: from.range.end.character - offset, text: k.current.raw });
  }
  const date = kr.sentence.date;
  if (date && date.range.start.line === kr.range.start.line) {
    edits.push({ start: date.range.start.character - offset, end: date.range.end.character - offset, text: end });
  }
  let text = kr.text;
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/** `plan-2026-Q2.okr` → `plan-2026-Q3.okr`; a name without the period's label gets the next one appended. */
export function nextFileName(name: string, period: string, next: string): string {
  const base = name.replace(/\.okr$/i, '');
  const safeNext = next.replace(/\s+to\s+/i, '_to_');
  const index = base.toUpperCase().indexOf(period.toUpperCase());
  const stem = index >= 0 ? base.slice(0, index) + safeNext + base.slice(index + period.length) : `${base}-${safeNext}`;
  return `${stem}.okr`;
}

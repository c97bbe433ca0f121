// `OKR: Check In…` as logic: what a KR expects (its unit, its last value, its dates), whether a
// typed value or date fits, and the line to write. Pure and light (no parser): the editor's input
// boxes run it on every keystroke, and the server runs it again before writing.
import { isValidIsoDate } from './dates';
import type { ReportedStatus } from './model/types';
import type { KrProgress } from './progress/types';
import { describeUnit, makeQuantity, sameUnit } from './values';

export interface CheckInFacts {
  /** The KR's unit (`$`, `%`, `teams`, '' for a plain number); null when the KR has no numbers yet. */
  unit: string | null;
  /** The unit in words: "dollars", "a percentage", "teams". */
  unitLabel: string | null;
  /** The latest check-in's value, else the baseline's (`$19.4M`). */
  lastValue: string | null;
  lastDate: string | null;
  /** Whether lastValue/lastDate come from the latest check-in or from the baseline. */
  lastFrom: 'check-in' | 'baseline' | null;
  milestone: boolean;
  targetDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export const REPORTED_STATUSES: readonly ReportedStatus[] = ['on-track', 'at-risk', 'off-track'];

export function checkInFacts(kr: KrProgress, period: { start: string; end: string } | undefined): CheckInFacts {
  const reference = kr.kr.baseline?.value ?? kr.kr.target?.value ?? kr.baseline ?? kr.target;
  const last = [...kr.kr.checkins].reverse().find((c) => c.value || c.done);
  return {
    unit: reference ? reference.unit : null,
    unitLabel: reference ? describeUnit(reference.unit) : null,
    lastValue: last ? (last.done ? 'done' : last.value!.raw) : (kr.baseline?.raw ?? null),
    lastDate: last?.date.iso ?? kr.baselineDate ?? null,
    lastFrom: last ? 'check-in' : kr.baseline || kr.baselineDate ? 'baseline' : null,
    milestone: kr.kind === 'milestone',
    targetDate: kr.targetDate ?? null,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
  };
}

const VALUE = /^([-+]?(?:[$€£¥]\d[\d,]*(?:\.\d+)?[kKmMbB]?|\d[\d,]*(?:\.\d+)?[kKmMbB]?%?))(?:\s+([A-Za-z][A-Za-z-]*))?$/;

/** Why a typed check-in value does not fit the KR, or undefined when it does. */
export function checkInValueProblem(value: string, facts: CheckInFacts): string | undefined {
  const typed = value.trim().replace(/\s+/g, ' ');
  if (facts.milestone) return /^done$/i.test(typed) ? undefined : "This KR is a milestone: check it in as 'done'.";
  if (!typed) return `A check-in needs a value${facts.lastValue ? `, like ${facts.lastValue}` : ''}.`;
  if (/^done$/i.test(typed)) return "'done' is for a milestone KR ('target done'); this KR needs a value.";
  const m = VALUE.exec(typed);
  const quantity = m ? makeQuantity(m[1], m[2], typed, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }) : undefined;
  if (!quantity) return `'${typed}' is not a value: write a number with its unit${facts.lastValue ? `, like ${facts.lastValue}` : ', like 64%, $18.2M or 45 days'}.`;
  // A bare number takes the KR's unit; any other unit must be the KR's.
  if (facts.unit !== null && quantity.unit !== '' && !sameUnit(quantity.unit, facts.unit)) {
    return `This KR is measured in ${facts.unitLabel}, not ${describeUnit(quantity.unit)}${facts.lastValue ? ` (last: ${facts.lastValue})` : ''}.`;
  }
  return undefined;
}

/**
 * A value that fits the KR's unit but is probably a slip of magnitude: more than ten times away
 * from the last value, or without the K/M/B the last value is written with ("17" for $19.4M).
 * A warning the person may accept (a KR can move that much), never a refusal.
 */
export function checkInValueWarning(value: string, facts: CheckInFacts): string | undefined {
  if (facts.milestone || !facts.lastValue || checkInValueProblem(value, facts) !== undefined) return undefined;
  const typed = quantityOf(value.trim().replace(/\s+/g, ' '));
  const last = quantityOf(facts.lastValue);
  if (!typed || !last) return undefined;
  const suffix = (raw: string) => /\d([kKmMbB])(?!\w)/.exec(raw)?.[1]?.toUpperCase();
  const lastSuffix = suffix(last.raw);
  if (lastSuffix && !suffix(typed.raw) && typed.amount !== 0) {
    return `${typed.raw} has no ${lastSuffix} while the last value is ${facts.lastValue}: did you mean ${typed.raw}${lastSuffix}?`;
  }
  const [a, b] = [Math.abs(typed.amount), Math.abs(last.amount)];
  if (a > 0 && b > 0 && (a / b > 10 || b / a > 10)) return `${typed.raw} is more than ten times away from the last value, ${facts.lastValue}: is that right?`;
  return undefined;
}

function quantityOf(text: string) {
  const m = VALUE.exec(text);
  return m ? makeQuantity(m[1], m[2], text, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }) : undefined;
}

/** A check-in date: an error when it cannot be written, a warning when it is probably a mistake. */
export function checkInDateProblem(date: string, facts: CheckInFacts, today: string): { error?: string; warning?: string } {
  const d = date.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(d) && !isValidIsoDate(d)) return { error: `${d} is not a date on the calendar.` };
  if (!isValidIsoDate(d)) return { error: 'A date as YYYY-MM-DD, like 2026-05-15.' };
  if (facts.lastDate && d < facts.lastDate) {
    const which = facts.lastFrom === 'baseline' ? 'The baseline is' : 'The last check-in is';
    return { error: `${which} dated ${facts.lastDate}: a new check-in cannot come before it.` };
  }
  if (facts.targetDate && d > facts.targetDate) return { warning: `${d} is after the KR's target date (${facts.targetDate}).` };
  if (facts.periodStart && facts.periodEnd && (d < facts.periodStart || d > facts.periodEnd)) {
    return { warning: `${d} is outside the period (${facts.periodStart} to ${facts.periodEnd}).` };
  }
  if (d > today) return { warning: `${d} is in the future (today is ${today}).` };
  return {};
}

/** The check-in line; the status must be one of the three calls, the note is one quoted line. */
export function checkInStatement(date: string, value: string, status?: unknown, note?: string): string | { error: string } {
  if (status !== undefined && !REPORTED_STATUSES.includes(status as ReportedStatus)) {
    return { error: `The status must be one of ${REPORTED_STATUSES.join(', ')}.` };
  }
  const written = value.trim().replace(/\s+/g, ' ');
  const quoted = note?.trim() ? ` "${note.trim().replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : '';
  return `checkin ${date} ${written}${status ? ` ${status as string}` : ''}${quoted}`;
}

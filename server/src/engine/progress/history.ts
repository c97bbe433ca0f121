// A KR's story over time: each check-in as progress, beside the expected line that runs from
// the baseline (0%) at the start to the target (100%) at the due date (docs/progress.md).
import type { ReportedStatus } from '../model/types';
import { roundFloat, sameUnit } from '../values';
import { expectedShare, meetsThreshold } from './index';
import type { KrKind, KrProgress } from './types';

export interface HistoryPoint {
  date: string;
  /** The value as written (`$19.4M`, `done`). */
  raw: string;
  /** The value as a number (1/0 for a milestone's done / not done). */
  amount: number;
  /** Progress at that check-in (uncapped), null when baseline or target is unknown. */
  progress: number | null;
  /** Where the expected line stood that day, 0..1; null without dates. */
  expected: number | null;
  reported?: ReportedStatus;
  /** Dated after the KR's due date. */
  late: boolean;
}

export interface KrHistory {
  kind: KrKind;
  /** Where the expected line starts and ends (baseline date or period start; due date or period end). */
  start?: string;
  end?: string;
  baseline?: { raw: string; amount: number };
  target?: { raw: string; amount: number };
  /** Check-ins up to the as-of date, in date order; check-ins in another unit are left out. */
  points: HistoryPoint[];
  asOf: string;
}

/** The history of one KR, from its computed progress (dates and effective baseline/target). */
export function krHistory(p: KrProgress, period: { start: string; end: string } | undefined, asOf: string): KrHistory {
  const start = p.baselineDate ?? period?.start;
  const end = p.targetDate ?? period?.end;
  const points: HistoryPoint[] = [];
  for (const c of p.kr.checkins) {
    if (c.date.iso > asOf) continue;
    let amount: number;
    let raw: string;
    if (p.kind === 'milestone') {
      if (!c.done && !c.value) continue;
      amount = c.done ? 1 : 0;
      raw = c.done ? 'done' : c.value!.raw;
    } else {
      if (!c.value || (p.baseline && !sameUnit(c.value.unit, p.baseline.unit))) continue;
      amount = c.value.amount;
      raw = c.value.raw;
    }
    points.push({
      date: c.date.iso,
      raw,
      amount,
      progress: progressAt(p, amount),
      expected: start && end ? expectedShare(start, end, c.date.iso) : null,
      ...(c.status ? { reported: c.status } : {}),
      late: !!end && c.date.iso > end,
    });
  }
  return {
    kind: p.kind,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(p.baseline ? { baseline: { raw: p.baseline.raw, amount: p.baseline.amount } } : {}),
    ...(p.target ? { target: { raw: p.target.raw, amount: p.target.amount } } : {}),
    points,
    asOf,
  };
}

function progressAt(p: KrProgress, amount: number): number | null {
  if (p.kind === 'milestone') return amount;
  if (p.kind === 'threshold' && p.target) return meetsThreshold({ ...p.target, amount }, p.target, p.kr.target?.comparator) ? 1 : 0;
  if (!p.baseline || !p.target || p.target.amount === p.baseline.amount) return null;
  return roundFloat((amount - p.baseline.amount) / (p.target.amount - p.baseline.amount));
}

const BARS = '▁▂▃▄▅▆▇█';

/** A Unicode sparkline of the check-ins' progress (each capped to 0..1): `▁▃▄▆`. Empty without points. */
export function sparkline(history: KrHistory): string {
  return history.points
    .filter((p) => p.progress !== null)
    .map((p) => BARS[Math.round(Math.min(1, Math.max(0, p.progress as number)) * (BARS.length - 1))])
    .join('');
}

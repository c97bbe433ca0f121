// Progress of KRs and objectives at an as-of date (see docs/progress.md).
import type { CheckIn, KeyResult, Objective, OkrDocument, Quantity, Task } from '../model/types';
import { dayNumber, todayIso } from '../dates';
import { roundFloat, sameUnit } from '../values';
import { impliedTarget } from './implied-target';
import { objectiveScore, suggestedScore } from './score';
import {
  DEFAULT_THRESHOLDS, type ComputedStatus, type DocumentProgress, type KrKind, type KrProgress, type ObjectiveProgress,
  type ProgressOptions,
} from './types';

export * from './types';
export { impliedTarget } from './implied-target';
export { formatScore, objectiveScore, suggestedScore } from './score';

export function computeProgress(doc: OkrDocument, options: Partial<ProgressOptions> = {}): DocumentProgress {
  const opts: ProgressOptions = { asOf: options.asOf ?? todayIso(), thresholds: options.thresholds ?? DEFAULT_THRESHOLDS };
  const objectives = doc.objectives.map((o) => objectiveProgress(o, doc, opts));
  const measured = objectives.filter((o) => o.progress !== null);
  const progress = measured.length ? mean(measured.map((o) => o.progress as number)) : null;
  return { asOf: opts.asOf, objectives, progress, status: weakest(objectives.map((o) => o.status)) };
}

export function objectiveProgress(objective: Objective, doc: OkrDocument, opts: ProgressOptions): ObjectiveProgress {
  const keyResults = objective.keyResults.map((kr) => krProgress(kr, doc, opts));
  let weighted = 0;
  let weights = 0;
  for (const kr of keyResults) {
    if (kr.progress === null) continue;
    weighted += clamp01(kr.progress) * kr.weight;
    weights += kr.weight;
  }
  const allTasks = [...objective.tasks, ...objective.keyResults.flatMap((kr) => kr.tasks)];
  return {
    objective,
    progress: weights > 0 ? roundFloat(weighted / weights) : null,
    status: weakest(keyResults.map((kr) => kr.status)),
    keyResults,
    tasks: countTasks(allTasks),
    ...objectiveScore(keyResults),
  };
}

export function krProgress(kr: KeyResult, doc: OkrDocument, opts: ProgressOptions): KrProgress {
  const kind: KrKind = kr.target?.done ? 'milestone' : kr.target?.comparator ? 'threshold' : 'metric';
  const baseline = kr.baseline?.value ?? kr.sentence.from;
  const target = kr.target?.value ?? kr.sentence.to ?? (baseline ? impliedTarget(kr, baseline) : undefined);
  const baselineDate = kr.baseline?.date?.iso;
  const targetDate = kr.target?.date?.iso ?? kr.sentence.date?.iso;
  // Check-ins are in date order (the parser reports any that are not): scan back from the end.
  let latest: CheckIn | undefined;
  let latestValue: CheckIn | undefined;
  let checkinCount = 0;
  let done = false;
  // A check-in in another unit than the KR's is an error in the file; it must not skew the figures.
  const measure = baseline ?? target;
  for (let i = kr.checkins.length - 1; i >= 0; i--) {
    const c = kr.checkins[i];
    if (c.date.iso > opts.asOf) continue;
    checkinCount++;
    latest ??= c;
    if (c.done) done = true;
    if (!latestValue && c.value && (!measure || sameUnit(c.value.unit, measure.unit))) latestValue = c;
  }
  const current = latestValue?.value ?? baseline;

  let progress: number | null = null;
  if (kind === 'milestone') progress = done ? 1 : 0;
  else if (kind === 'threshold') progress = current && target ? (meetsThreshold(current, target, kr.target?.comparator) ? 1 : 0) : null;
  else if (baseline && target && current && target.amount !== baseline.amount) {
    progress = roundFloat((current.amount - baseline.amount) / (target.amount - baseline.amount));
  }

  const start = baselineDate ?? doc.period?.start;
  const end = targetDate ?? doc.period?.end;
  const expected = start && end ? expectedShare(start, end, opts.asOf) : null;

  return {
    kr, kind, baseline, target, current,
    ...(baselineDate ? { baselineDate } : {}),
    ...(targetDate ? { targetDate } : {}),
    ...(latestValue ? { currentDate: latestValue.date.iso } : latest ? { currentDate: latest.date.iso } : {}),
    progress, expected,
    status: computedStatus(kind, progress, expected, checkinCount > 0, opts),
    ...(latest?.status ? { reported: latest.status } : {}),
    tasks: countTasks(kr.tasks),
    weight: kr.weight?.value ?? 1,
    ...(kr.score ? { score: kr.score.value } : {}),
    suggestedScore: suggestedScore({ kind, progress }),
  };
}

export function meetsThreshold(current: Quantity, target: Quantity, comparator: string | undefined): boolean {
  switch (comparator) {
    case '<': return current.amount < target.amount;
    case '<=': return current.amount <= target.amount;
    case '>': return current.amount > target.amount;
    case '>=': return current.amount >= target.amount;
    default: return current.amount === target.amount;
  }
}

/** Elapsed share of [start, end] at the as-of date, 0..1. */
export function expectedShare(start: string, end: string, asOf: string): number {
  const total = dayNumber(end) - dayNumber(start);
  if (total <= 0) return asOf >= end ? 1 : 0;
  return roundFloat(clamp01((dayNumber(asOf) - dayNumber(start)) / total));
}

function computedStatus(kind: KrKind, progress: number | null, expected: number | null, hasCheckins: boolean, opts: ProgressOptions): ComputedStatus {
  if (!hasCheckins || progress === null) return 'no-data';
  if (progress >= 1) return 'achieved';
  if (kind === 'threshold') return 'off-track';
  if (expected === null) return 'no-data';
  const behind = expected - progress;
  if (behind <= opts.thresholds.onTrack + 1e-9) return 'on-track';
  if (behind <= opts.thresholds.atRisk + 1e-9) return 'at-risk';
  return 'off-track';
}

const STATUS_RANK: Record<ComputedStatus, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, achieved: 3, 'no-data': 4 };

/** The weakest status; `no-data` only when nothing has data. */
export function weakest(statuses: ComputedStatus[]): ComputedStatus {
  let result: ComputedStatus = 'no-data';
  for (const status of statuses) if (STATUS_RANK[status] < STATUS_RANK[result]) result = status;
  return result;
}

function countTasks(tasks: Task[]): { done: number; total: number } {
  return { done: tasks.filter((t) => t.done).length, total: tasks.length };
}

function mean(values: number[]): number {
  return roundFloat(values.reduce((a, b) => a + b, 0) / values.length);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

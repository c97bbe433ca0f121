import type { KeyResult, Objective, Quantity, ReportedStatus } from '../model/types';

export type ComputedStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data';
export type KrKind = 'metric' | 'threshold' | 'milestone';

/** How far behind the expected line a KR may be for each status (fractions of the whole). */
export interface StatusThresholds {
  /** expected − progress ≤ onTrack ⇒ on-track (default 0.10). */
  onTrack: number;
  /** expected − progress ≤ atRisk ⇒ at-risk (default 0.25), beyond ⇒ off-track. */
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.1, atRisk: 0.25 };

export interface ProgressOptions {
  /** ISO date the progress is computed at (today by default). */
  asOf: string;
  thresholds: StatusThresholds;
}

export interface KrProgress {
  kr: KeyResult;
  kind: KrKind;
  /** Effective baseline: the `baseline` line, else the sentence's `from`. */
  baseline?: Quantity;
  baselineDate?: string;
  /** Effective target: the `target` line, else the sentence's `to`, else baseline ± a relative `by`. */
  target?: Quantity;
  targetDate?: string;
  /** Latest check-in value (else the baseline). */
  current?: Quantity;
  currentDate?: string;
  /** (current − baseline) / (target − baseline); not capped (1.25 is reported); null when unknown. */
  progress: number | null;
  /** Elapsed share of [start, end] at the as-of date, 0..1; null when the dates are unknown. */
  expected: number | null;
  status: ComputedStatus;
  /** The owner's own call from the latest check-in. */
  reported?: ReportedStatus;
  tasks: { done: number; total: number };
  weight: number;
  /** The written end-of-period grade (`score 0.7`), if any. */
  score?: number;
  /** The grade the figures suggest (progress capped to 0..1, one decimal); null without data. */
  suggestedScore: number | null;
}

export interface ObjectiveProgress {
  objective: Objective;
  /** Weighted mean of the KRs' progress, each clamped to 0..1; null with no measurable KR. */
  progress: number | null;
  /** The weakest KR's status. */
  status: ComputedStatus;
  keyResults: KrProgress[];
  tasks: { done: number; total: number };
  /** Weighted mean of the KRs' written scores; null when none is scored. */
  score: number | null;
  /** How many KRs have a written score. */
  scored: number;
}

export interface DocumentProgress {
  asOf: string;
  objectives: ObjectiveProgress[];
  progress: number | null;
  status: ComputedStatus;
}

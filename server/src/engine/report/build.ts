// The progress report as data: what `okr report --format json` prints and the other formats draw.
import { statusWords } from '../progress/status-filter';
import type { Analysis } from '../analyze';
import type { Quantity } from '../model/types';
import type { ComputedStatus } from '../progress/types';
import { krHistory, type KrHistory } from '../progress/history';

export interface ReportKr {
  title: string;
  line: number;
  baseline: string | null;
  target: string | null;
  /** Target date, or null. */
  by: string | null;
  current: string | null;
  currentDate: string | null;
  progress: number | null;
  expected: number | null;
  status: ComputedStatus;
  reported: string | null;
  tasks: { done: number; total: number };
  /** The written end-of-period grade, or null. */
  score: number | null;
  scoreNote: string | null;
  /** The grade the figures suggest, or null without data. */
  suggestedScore: number | null;
  /** Check-ins over time against the expected line. */
  history: KrHistory;
}

export interface ReportObjective {
  title: string;
  line: number;
  progress: number | null;
  status: ComputedStatus;
  tasks: { done: number; total: number };
  /** Weighted mean of the written KR scores, or null; `scored` of the KRs have one. */
  score: number | null;
  scored: number;
  /** Every KR of the objective, shown or not (a status filter hides some; the figures count them all). */
  keyResultCount: number;
  keyResults: ReportKr[];
}

export interface ReportFile {
  file: string;
  period: string | null;
  team: string | null;
  objectives: ReportObjective[];
  /** Why the file is not reported (not UTF-8, a NUL byte, too large): the one message `okr check` gives it; null otherwise. */
  declined: string | null;
}

export interface Report {
  asOf: string;
  /** The status filter applied (filter.ts); absent or empty: none. */
  statuses?: ComputedStatus[];
  files: ReportFile[];
}

const show = (q: Quantity | undefined): string | null => (q ? q.raw : null);

export function reportFile(file: string, analysis: Analysis): ReportFile {
  return {
    file,
    period: analysis.doc.period?.label ?? null,
    team: analysis.doc.team?.text ?? null,
    objectives: analysis.progress.objectives.map((o) => ({
      title: o.objective.title,
      line: o.objective.range.start.line,
      progress: o.progress,
      status: o.status,
      tasks: o.tasks,
      score: o.score,
      scored: o.scored,
      keyResultCount: o.keyResults.length,
      keyResults: o.keyResults.map((k) => ({
        title: k.kr.text,
        line: k.kr.range.start.line,
        baseline: show(k.baseline),
        target: k.target ? `${k.kind === 'threshold' ? (k.kr.target?.comparator ?? '') + ' ' : ''}${k.target.raw}`.trim() : k.kind === 'milestone' ? 'done' : null,
        by: k.targetDate ?? null,
        current: k.kind === 'milestone' ? (k.progress === 1 ? 'done' : 'not done') : show(k.current),
        currentDate: k.currentDate ?? null,
        progress: k.progress,
        expected: k.expected,
        status: k.status,
        reported: k.reported ?? null,
        tasks: k.tasks,
        score: k.score ?? null,
        scoreNote: k.kr.score?.note ?? null,
        suggestedScore: k.suggestedScore,
        history: krHistory(k, analysis.doc.period, analysis.progress.asOf),
      })),
    })),
    declined: declinedMessage(analysis),
  };
}

/** The message of a declined analysis (its one diagnostic), or null for one that was analysed. */
export function declinedMessage(analysis: Analysis): string | null {
  return analysis.declined ? (analysis.diagnostics[0]?.message ?? null) : null;
}

/** 0.375 → "38%"; null → "—". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export const statusLabel: (status: ComputedStatus) => string = statusWords;

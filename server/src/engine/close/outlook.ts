// What closing a period now would mean, told before anything is written: how early the close is
// (the Close Period command asks before an early one, `okr close` warns) and which KRs get a
// score written into the closed file.
import type { Analysis } from '../analyze';
import { dayNumber } from '../dates';
import type { KrProgress } from '../progress/types';

export interface CloseOutlook {
  /** The as-of date the figures and the scores are computed at. */
  asOf: string;
  /** Days from the as-of date to the period's last day: more than 0 is an early close. */
  daysLeft: number;
  /** `2026-Q2 ends in 46 days (2026-06-30): closing now scores …`, or null when the period has ended (or ends today). */
  earlyWarning: string | null;
  /** The KRs with no written score that get the one their figures give, in document order. */
  toScore: { title: string; line: number; score: number }[];
}

/** A KR gets a score on close when none is written and its figures give one. */
export function scoresOnClose(k: KrProgress): boolean {
  return !k.kr.score && k.suggestedScore !== null;
}

/** For a file without a period, `daysLeft` is 0 and there is no warning. */
export function closeOutlook(analysis: Analysis): CloseOutlook {
  const period = analysis.doc.period;
  const asOf = analysis.progress.asOf;
  const daysLeft = period ? dayNumber(period.end) - dayNumber(asOf) : 0;
  const earlyWarning = period ? earlyCloseWarning(period, asOf) : null;
  const toScore = analysis.progress.objectives.flatMap((o) => o.keyResults.filter(scoresOnClose).map((k) => ({
    title: k.kr.text,
    line: k.kr.range.start.line,
    score: k.suggestedScore as number,
  })));
  return { asOf, daysLeft, earlyWarning, toScore };
}

/** `2026-Q2 ends in 46 days (2026-06-30): closing now scores …`; null once the period's last day has come. */
export function earlyCloseWarning(period: { label: string; end: string }, asOf: string): string | null {
  const daysLeft = dayNumber(period.end) - dayNumber(asOf);
  if (daysLeft <= 0) return null;
  return `${period.label} ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${period.end}): closing now scores its key results on the figures as of ${asOf}.`;
}

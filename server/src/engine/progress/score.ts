// End-of-period scores (Google-style grades 0.0–1.0): the one a KR's owner wrote, the one
// the figures suggest, and an objective's weighted mean (docs/progress.md, "Scoring").
import type { KrProgress } from './types';

/** The grade the figures suggest: progress capped to 0..1, to one decimal; null without data. */
export function suggestedScore(kr: Pick<KrProgress, 'kind' | 'progress'>): number | null {
  if (kr.progress === null) return null;
  const share = Math.min(1, Math.max(0, kr.progress));
  return Math.round(share * 10) / 10;
}

/** Weighted mean of the written scores; null when no KR has one. */
export function objectiveScore(keyResults: Pick<KrProgress, 'score' | 'weight'>[]): { score: number | null; scored: number } {
  let weighted = 0;
  let weights = 0;
  let scored = 0;
  for (const kr of keyResults) {
    if (kr.score === undefined) continue;
    weighted += kr.score * kr.weight;
    weights += kr.weight;
    scored++;
  }
  return { score: weights > 0 ? Math.round((weighted / weights) * 100) / 100 : null, scored };
}

/** 0.7 → "0.7", 1 → "1.0": scores are always shown with one decimal at least. */
export function formatScore(score: number): string {
  return Number.isInteger(score * 10) ? score.toFixed(1) : String(score);
}

// The target a relative KR implies: `Reduce AR>60 days by 50%` with a $24M baseline → $12M.
// One computation for progress, the kr-implicit-target message and the explicit rewrite.
import type { KeyResult, Quantity } from '../model/types';
import type { KrReading } from '../sentence';
import { formatQuantityLike, makeQuantity, roundAmount, sameUnit } from '../values';

/**
 * "by 15%" on a percentage (62%) reads two ways: 15 points (77%) or 15 percent of 62% (71.3%).
 * Progress takes percent; a rewrite asks a person which was meant.
 */
export type PercentMeaning = 'points' | 'percent';

/** True when the KR's relative change is a percentage of a baseline that is a percentage too. */
export function percentOfPercent(kr: KeyResult, baseline: Quantity): boolean {
  const by = kr.sentence.by ?? comparativeAmount(kr.reading);
  return by?.unit === '%' && baseline.unit === '%';
}

/** Baseline ± the relative change of the sentence, in the direction its verb asks for. */
export function impliedTarget(kr: KeyResult, baseline: Quantity, meaning: PercentMeaning = 'percent'): Quantity | undefined {
  const reading = kr.reading;
  const direction = reading.direction ?? comparativeDirection(reading.comparative, baseline);
  if (!direction) return undefined;
  const sign = direction === 'increase' ? 1 : -1;
  const by = kr.sentence.by ?? comparativeAmount(reading);
  let amount: number | undefined;
  if (by) {
    if (by.unit === '%' && baseline.unit === '%' && meaning === 'points') amount = baseline.amount + sign * by.amount;
    else if (by.unit === '%') amount = baseline.amount * (1 + (sign * by.amount) / 100);
    else if (by.unit === '' || baseline.unit === '' || sameUnit(by.unit, baseline.unit)) amount = baseline.amount + sign * by.amount;
  } else if (reading.multiplier) amount = baseline.amount * reading.multiplier.factor;
  if (amount === undefined) return undefined;
  return { amount: roundAmount(amount), unit: baseline.unit, raw: formatQuantityLike(roundAmount(amount), baseline), range: baseline.range };
}

const TIME_WORDS = /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|ms)$/;
const LESS = new Set(['fewer', 'less', 'lower', 'cheaper', 'smaller', 'shorter']);
const MORE = new Set(['more', 'higher', 'bigger', 'greater', 'larger', 'longer', 'better']);

/** "10 days faster" with a baseline in days asks for less time; "20% more" for more. */
function comparativeDirection(comparative: { word: string } | undefined, baseline: Quantity): 'increase' | 'decrease' | undefined {
  if (!comparative) return undefined;
  if (LESS.has(comparative.word)) return 'decrease';
  if (MORE.has(comparative.word) && comparative.word !== 'better') return 'increase';
  // Faster, sooner, quicker, earlier: less time when the KR is measured in time.
  if (['faster', 'sooner', 'quicker', 'earlier'].includes(comparative.word) && TIME_WORDS.test(baseline.unit)) return 'decrease';
  return undefined;
}

/** The amount of a comparative change: "10%" or "10 days". */
function comparativeAmount(reading: KrReading): Quantity | undefined {
  if (!reading.comparative || !reading.relative) return undefined;
  const raw = reading.relative.text;
  return makeQuantity(raw, reading.comparative.unit, raw, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
}


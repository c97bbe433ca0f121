// KR sentence understanding: task / vague / ambiguous metric, with evidence for messages.
import { BoundedCache } from '../bounded-cache';
import { onTaggerChange } from './pos';
import { readKr as readUncached, type KrReading } from './reader';

// The editor re-checks the whole document on every keystroke; most KR sentences have not
// changed, so readings are kept by text (readings are never mutated by their users).
const cache = new BoundedCache<KrReading>({ entries: 20_000, bytes: 8 * 1024 * 1024, sizeOf: (text) => 500 + 20 * text.length });
onTaggerChange(() => cache.clear());

/** Forgets every reading (for measurements that change the word lists). */
export function clearReadings(): void {
  cache.clear();
}

export function readKr(text: string): KrReading {
  let reading = cache.get(text);
  if (!reading) {
    reading = readUncached(text);
    cache.set(text, reading);
  }
  return reading;
}

export type { KrReading, KrShape, Finding, Span, SplitSuggestion, VerbMention } from './reader';
export type { QuantityMention, QuantityRole } from './quantities';
export { verbClass, lemmaCandidates, changeDirection } from './lexicon';
export type { VerbClass } from './lexicon';

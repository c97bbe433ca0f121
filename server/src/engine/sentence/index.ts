// KR sentence understanding: task / vague / ambiguous metric, with evidence for messages.
export { readKr } from './reader';
export type { KrReading, KrShape, Finding, Span, SplitSuggestion, VerbMention } from './reader';
export type { QuantityMention, QuantityRole } from './quantities';
export { verbClass, lemmaCandidates, changeDirection } from './lexicon';
export type { VerbClass } from './lexicon';

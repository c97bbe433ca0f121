// Which way a KR sentence wants its metric to move, read from its leading verb.

export type Direction = 'increase' | 'decrease';

const DECREASE = /^(reduce|decrease|cut|lower|shrink|drop|minimi[sz]e|eliminate|shorten|lessen|trim|slash|halve|bring down|get down|limit)\b/i;
const INCREASE = /^(increase|grow|raise|boost|expand|double|triple|lift|accelerate|maximi[sz]e|scale|extend|gain|add|acquire|win|exceed|surpass|lengthen|strengthen)\b/i;

/** The direction the KR's verb asks for, or undefined when the sentence does not say. */
export function sentenceDirection(text: string): Direction | undefined {
  const first = text.trim().replace(/^[^A-Za-z]+/, '');
  if (DECREASE.test(first)) return 'decrease';
  if (INCREASE.test(first)) return 'increase';
  return undefined;
}

// Whether what a KR measures is named clearly enough to count it the same way twice.
import { lookupAbbreviation } from '../glossary';
import { COUNTING_WORDS, UNCOUNTED_NOUNS } from './lexicon';
import { headNoun, spanOf, type Phrase } from './phrases';
import type { KrReading } from './reader';
import { tokenize, type Token } from './tokens';

export const PRONOUN_OBJECTS = new Set(['it', 'this', 'that', 'them', 'these', 'those']);

export function findAmbiguity(tokens: Token[], text: string, reading: KrReading, object: Phrase, head: Token | undefined):
  KrReading['ambiguous'] {
  const measured = reading.measured;
  const main = reading.verbs[0];
  const changing = main && (main.cls === 'change' || main.cls === 'improve');
  if (changing && reading.relative && (!object.span || (head && PRONOUN_OBJECTS.has(head.lower)))) {
    return { reason: `'${main.text} … ${reading.relative.text}' does not name what is measured`, span: spanOf(text, main.start, reading.relative.end) };
  }
  if (!measured) return undefined;
  const words = tokenize(measured.text);
  // "days" in "AR>60 days" is the unit of a qualifier, not what is counted.
  const counted = words.some((w, i) => (COUNTING_WORDS.has(w.lower) && words[i - 1]?.kind !== 'number') || /^[$€£¥]/.test(w.text));
  if (counted) return undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind !== 'word' || w.text !== w.text.toUpperCase() || w.text.length < 2) continue;
    const entry = lookupAbbreviation(w.text);
    const comparator = words[i + 1] && ['>', '<', '≥', '≤'].includes(words[i + 1].text);
    if (entry?.kind === 'stock' || (comparator && !entry)) {
      const options = entry?.countedAs ?? ['a count', 'an amount of money', 'a rate'];
      const what = entry ? `'${w.text}' (${entry.expansion})` : `'${w.text}'`;
      const how = comparator ? ` with the comparator '${measured.text.replace(/\s+/g, ' ')}'` : '';
      return {
        reason: `${what}${how} does not say what is counted: ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}?`,
        span: measured,
        abbreviation: w.text,
        countedAs: options,
      };
    }
  }
  const measuredHead = headNoun(words, { from: 0, to: words.length });
  if (measuredHead && UNCOUNTED_NOUNS.has(measuredHead.lower)) {
    return {
      reason: `'${measured.text}' does not say how it is counted: hours, spend, or number of projects?`,
      span: measured,
    };
  }
  return undefined;
}

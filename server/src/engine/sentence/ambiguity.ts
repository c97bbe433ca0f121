// Whether what a KR measures is named clearly enough to count it the same way twice.
import { lookupAbbreviation } from '../glossary';
import { COUNTING_WORDS, METRIC_NOUNS, UNCOUNTED_NOUNS } from './lexicon';
import { DETERMINERS, headNoun, spanOf, type Phrase } from './phrases';
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
  if (changing) {
    const unclear = eitherOr(tokens, text, reading, object) ?? percentOfWhat(tokens, text, reading, head);
    if (unclear) return unclear;
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

/** "Grow active users or paying accounts by 30%", "Raise satisfaction (or a similar measure) by 5%": two metrics, or none. */
function eitherOr(tokens: Token[], text: string, reading: KrReading, object: Phrase): KrReading['ambiguous'] {
  const first = reading.quantities.find((q) => q.role === 'measure' || q.role === 'relative');
  if (!first || !object.span) return undefined;
  for (let i = object.to; i < first.index; i++) {
    const t = tokens[i];
    if (t.lower !== 'or' || tokens[i + 1]?.kind !== 'word') continue;
    const span = spanOf(text, object.span.start, tokens[i + 1].end);
    let end = i + 1;
    while (tokens[end + 1] && tokens[end + 1].kind === 'word' && !['by', 'from', 'to'].includes(tokens[end + 1].lower)) end++;
    const whole = spanOf(text, object.span.start, tokens[end].end);
    return { reason: `'${whole.text.replace(/[()]/g, '').trim()}' names more than one metric (or leaves it open): which one is measured?`, span: whole.text ? whole : span };
  }
  return undefined;
}

/** "Increase leads from 20% to 50%": a count of things given in percentages: 20% of what? */
function percentOfWhat(tokens: Token[], text: string, reading: KrReading, head: Token | undefined): KrReading['ambiguous'] {
  const levels = reading.quantities.filter((q) => q.role === 'measure');
  // Only "from X% to Y%": a single "to less than 5%" is usually a rate in everyday use.
  if (!head || levels.length < 2 || !levels.every((q) => q.text.endsWith('%'))) return undefined;
  if (!/[^s]s$/.test(head.lower) || METRIC_NOUNS.has(head.lower) || COUNTING_WORDS.has(head.lower)) return undefined;
  const i = tokens.indexOf(head);
  // "the share of …", "% of …" already say what the percentage is of.
  if (tokens.some((t) => t.lower === 'of' || METRIC_NOUNS.has(t.lower) || COUNTING_WORDS.has(t.lower))) return undefined;
  const q = levels[0];
  let start = i;
  while (start > 0 && tokens[start - 1].kind === 'word' && !DETERMINERS.has(tokens[start - 1].lower) && !reading.verbs.some((v) => v.start === tokens[start - 1].start)) start--;
  const span = spanOf(text, tokens[start].start, head.end);
  return { reason: `'${span.text}' is a count, but '${q.text}' is a percentage: ${q.text} of what?`, span };
}

// Phrases of a KR sentence: what a verb acts on, its head noun, and spans for messages.
import { TIME_UNITS } from './lexicon';
import type { Token } from './tokens';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'all', 'every', 'each', 'their', 'its', 'this', 'these', 'those', 'any']);

/** Words that end the phrase naming what a verb acts on. */
export const PHRASE_END = new Set([
  'by', 'to', 'from', 'within', 'through', 'via', 'for', 'with', 'across', 'at', 'in', 'on', 'during', 'while', 'so',
  'thereby', 'leading', 'resulting', 'which', 'that', 'before', 'after', 'until', 'per', 'and', 'or', 'without', 'using',
  'into', 'among', 'under', 'below', 'above', 'than', 'as', 'between', 'based', 'due', 'when', 'where', 'who',
]);

export function phraseText(tokens: Token[], from: number, words: number): string {
  const end = Math.min(tokens.length - 1, from + words);
  let last = from;
  for (let i = from; i <= end; i++) {
    if (tokens[i].kind === 'punct' && tokens[i].text !== '%' && tokens[i].text !== "'") break;
    if (i > from && PHRASE_END.has(tokens[i].lower)) break;
    last = i;
  }
  return tokens.slice(from, last + 1).map((t, k, arr) => (k > 0 && arr[k - 1].end === t.start ? '' : k > 0 ? ' ' : '') + t.text).join('');
}

export function spanOf(text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), start, end };
}

export interface Phrase {
  from: number;
  to: number;
  span?: Span;
}

export function phraseAfter(tokens: Token[], from: number, limit: number): Phrase {
  let to = from;
  while (to < limit) {
    const t = tokens[to];
    if (t.kind === 'date') break;
    if (t.kind === 'punct' && !['>', '<', '≥', '≤', '+', '-', '/', "'", '’', '(', ')'].includes(t.text)) break;
    if (t.kind === 'word' && PHRASE_END.has(t.lower)) break;
    if (t.kind === 'number' && to > from && !isQualifierNumber(tokens, to)) break;
    to++;
  }
  // Do not end on an opening bracket or a sign.
  while (to > from && tokens[to - 1].kind === 'punct' && ['(', '-', '/'].includes(tokens[to - 1].text)) to--;
  if (to === from) return { from, to };
  const source = tokensText(tokens, from, to);
  return { from, to, span: source };
}

export function isQualifierNumber(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  if ((!!before && ['>', '<', '≥', '≤'].includes(before.text)) || next?.text === '+' || next?.text === '-') return true;
  // "AR over 90 days", "invoices past 60 days": the age is part of what is counted.
  return !!before && ['over', 'past', 'aged', 'than'].includes(before.lower) && !!next && TIME_UNITS.has(next.lower);
}

export function tokensText(tokens: Token[], from: number, to: number): Span {
  // Rebuilt from offsets by the caller's text; tokens keep their own offsets.
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  let text = '';
  for (let i = from; i < to; i++) text += (i > from && tokens[i].start > tokens[i - 1].end ? ' ' : '') + tokens[i].text;
  return { text, start, end };
}

/** The word that names what the phrase is about: "the number of write-offs" → number, "design efforts" → efforts. */
export function headNoun(tokens: Token[], phrase: Phrase): Token | undefined {
  let head: Token | undefined;
  for (let i = phrase.from; i < phrase.to; i++) {
    const t = tokens[i];
    if (t.lower === 'of') break;
    if (t.text === '(') break;
    if (t.kind === 'word' && !DETERMINERS.has(t.lower)) head = t;
  }
  return head;
}

// Clauses of a KR sentence: the outcome after an activity ("… to increase X by 15%",
// "…, leading to a 5% increase in Y"), and statements with a participle ("X reduced by 20%").
import { CHANGE_NOUNS, changeDirection, verbClass } from './lexicon';
import { DETERMINERS, phraseAfter, spanOf, type Span } from './phrases';
import { isMeasure, type QuantityMention } from './quantities';
import type { Token } from './tokens';

export const CLAUSE_LINKS = new Set(['thereby', 'thus', 'and', 'which', 'that', 'will', 'so', 'hence', 'consequently']);

/** "Contract turn-around time reduced by 20%": a noun phrase and a past participle of change. */
export function participleStatement(tokens: Token[]): { index: number; lemma: string } | undefined {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !/(ed|cut|grown|down|up)$/.test(t.lower)) continue;
    const reading = verbClass(t.lower);
    if (!reading || (reading.cls !== 'change' && reading.cls !== 'improve')) continue;
    const before = tokens[i - 1];
    if (before.kind !== 'word' || CLAUSE_LINKS.has(before.lower) || before.lower === 'to' || DETERMINERS.has(before.lower)) continue;
    if (i === 1 && verbClass(before.lower)?.cls === 'activity' && !/s$/.test(before.lower)) {
      // "Automate improved workflows…" still leads with a verb; only a noun subject makes a statement.
      if (!['by', 'to', 'from'].includes(tokens[i + 1].lower)) continue;
    }
    if (['by', 'to', 'from', 'below', 'under', 'above'].includes(tokens[i + 1].lower)) return { index: i, lemma: reading.lemma };
  }
  return undefined;
}

export interface Clause {
  /** Token index where the link ("to", ", reducing", ", leading to") starts. */
  linkIndex: number;
  span: Span;
  measurable: boolean;
  kr: string;
  task: string;
  direction?: 'increase' | 'decrease';
  measured?: Span;
}

/**
 * Finds an outcome clause after the activity: "… to increase on-time payments by 15%",
 * "…, reducing manual follow-ups by 50%", "…, leading to a 5% increase in early payments".
 */
export function outcomeClause(text: string, tokens: Token[], from: number, quantities: QuantityMention[]): Clause | undefined {
  for (let i = Math.max(from, 1); i < tokens.length; i++) {
    const t = tokens[i];
    let j = -1;
    if (t.lower === 'to' || t.text === ',' || t.text === ';' || t.lower === 'thereby') {
      j = i + 1;
      while (tokens[j] && CLAUSE_LINKS.has(tokens[j].lower)) j++;
      if (tokens[j]?.lower === 'in' && tokens[j + 1]?.lower === 'order' && tokens[j + 2]?.lower === 'to') j += 3;
      if (tokens[j]?.lower === 'to') j++;
    }
    if (['leading', 'resulting', 'contributing'].includes(t.lower)) j = i;
    if (j < 0 || !tokens[j]) continue;
    // "in order to", "so as to": the link starts at "in" / "so".
    const twoBefore = `${tokens[i - 2]?.lower} ${tokens[i - 1]?.lower}`;
    const linkStart = t.lower === 'to' && (twoBefore === 'in order' || twoBefore === 'so as') ? i - 2 : i;

    // Verb clause: "to increase X by 15%", ", reducing X by 50%".
    const verb = tokens[j].kind === 'word' ? verbClass(tokens[j].text) : undefined;
    if (verb && (verb.cls === 'change' || verb.cls === 'improve')) {
      const clauseQuantities = quantities.filter((q) => q.index > j && isMeasure(q));
      const rest = text.slice(tokens[j].end).replace(/[.;\s]+$/, '');
      const lemma = verb.lemma;
      const measuredPhrase = phraseAfter(tokens, j + 1, tokens.length);
      return {
        linkIndex: i,
        span: spanOf(text, tokens[j].start, lastWordEnd(tokens)),
        measurable: clauseQuantities.length > 0,
        kr: capitalise(lemma) + rest,
        task: taskText(text, tokens[linkStart].start),
        direction: changeDirection(verb.lemma),
        measured: measuredPhrase.span,
      };
    }
    // Noun clause: "leading to a 5% increase in early payments".
    if (['leading', 'resulting', 'contributing'].includes(tokens[j].lower)) {
      let k = j + 1;
      if (['to', 'in'].includes(tokens[k]?.lower ?? '')) k++;
      while (tokens[k] && DETERMINERS.has(tokens[k].lower)) k++;
      const q = quantities.find((m) => m.index === k);
      const noun = tokens[k + 1];
      if (q && noun && CHANGE_NOUNS.has(noun.lower) && ['in', 'of'].includes(tokens[k + 2]?.lower ?? '')) {
        const subjectStart = tokens[k + 3]?.start ?? noun.end;
        const subject = text.slice(subjectStart).replace(/[.;\s]+$/, '');
        const { head, tail } = splitTrailingTime(subject);
        const verbWord = nounVerb(noun.lower);
        return {
          linkIndex: i,
          span: spanOf(text, tokens[j].start, lastWordEnd(tokens)),
          measurable: true,
          kr: `${capitalise(verbWord)} ${head} by ${q.text}${tail}`,
          task: taskText(text, tokens[linkStart].start),
          direction: nounDirection(noun.lower),
          measured: spanOf(text, subjectStart, subjectStart + head.length),
        };
      }
    }
  }
  return undefined;
}

/** End of the sentence without its final full stop. */
export function lastWordEnd(tokens: Token[]): number {
  let i = tokens.length - 1;
  while (i > 0 && tokens[i].kind === 'punct' && ['.', ';', '!'].includes(tokens[i].text)) i--;
  return tokens[i].end;
}

export function taskText(text: string, end: number): string {
  return text.slice(0, end).replace(/[\s,;:]+$/, '').trim();
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function nounVerb(noun: string): string {
  if (/^(reduction|reductions)$/.test(noun)) return 'reduce';
  if (/^(decrease|decreases|decline|drop|cut|cuts)$/.test(noun)) return 'reduce';
  if (/^(growth)$/.test(noun)) return 'grow';
  if (/^(improvement|improvements)$/.test(noun)) return 'improve';
  return 'increase';
}

export function nounDirection(noun: string): 'increase' | 'decrease' | undefined {
  if (/^(reduction|reductions|decrease|decreases|decline|drop|cut|cuts)$/.test(noun)) return 'decrease';
  if (/^(improvement|improvements)$/.test(noun)) return undefined;
  return 'increase';
}

/** "early payments by 2026-08-30" → head "early payments", tail " by 2026-08-30". */
export function splitTrailingTime(subject: string): { head: string; tail: string } {
  const m = /\s+(?:by|before|until|within|through|during|in the)\s+.*$/i.exec(subject);
  return m ? { head: subject.slice(0, m.index), tail: subject.slice(m.index) } : { head: subject, tail: '' };
}

/** "Implement a 25% increase in debt recovery": the object of the activity is a change of a quantity. */
export function changeNounRight(tokens: Token[], from: number, limit: number, quantities: QuantityMention[]):
  { direction?: 'increase' | 'decrease'; measured?: Span } | undefined {
  let k = from;
  while (k < limit && DETERMINERS.has(tokens[k].lower)) k++;
  const q = quantities.find((m) => m.index === k && isMeasure(m));
  const noun = tokens[k + 1];
  if (!q || !noun || !CHANGE_NOUNS.has(noun.lower)) return undefined;
  const measured = ['in', 'of'].includes(tokens[k + 2]?.lower ?? '') ? phraseAfter(tokens, k + 3, tokens.length).span : undefined;
  return { direction: nounDirection(noun.lower), ...(measured ? { measured } : {}) };
}

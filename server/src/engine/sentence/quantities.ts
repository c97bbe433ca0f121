// Which numbers in a KR sentence measure something, and which only frame it in time or
// qualify what is counted ("within 5 days", "AR>60 days", "60+ days past due").
import { CHANGE_NOUNS, COMPARATIVES, MULTIPLIERS, QUANTITY_WORDS, TIME_UNITS } from './lexicon';
import type { Token } from './tokens';

export type QuantityRole =
  /** A level or target: `to 85%`, `$12M`, `zero`. */
  | 'measure'
  /** A relative change: `by 50%`, `10% faster`, `a 25% increase`. */
  | 'relative'
  /** A time frame: `within 5 days`, `in the first two weeks`, `by week 6`. */
  | 'frame'
  /** Part of what is counted: `AR>60 days`, `60+ days past due`, `invoices past 15 days`. */
  | 'qualifier'
  /** A stand-in for a number: `X%`, `TBD`. */
  | 'placeholder';

export interface QuantityMention {
  text: string;
  start: number;
  end: number;
  /** Index of the token. */
  index: number;
  role: QuantityRole;
}

const FRAME_BEFORE = new Set(['within', 'every', 'each', 'first', 'last', 'next', 'in', 'after', 'before', 'during']);
const QUALIFIER_BEFORE = new Set(['past', 'over', 'aged', 'than', 'older', 'beyond']);
const PERIOD_WORDS = new Set(['week', 'day', 'month', 'quarter', 'sprint', 'phase', 'q', 'year', 'wave', 'version', 'v']);
const PLACEHOLDERS = new Set(['x', 'xx', 'xxx', 'n', 'y', 'tbd', 'tbc', 'tba']);
const COMPARATOR_SIGNS = new Set(['>', '<', '≥', '≤', '=']);
/** Words after an age that make it part of what is counted: "60+ days past due", "older than 30 days overdue". */
const AGE_WORDS = new Set(['past', 'old', 'overdue', 'late', 'aged', 'outstanding']);
const PREPOSITIONS = new Set(['of', 'in', 'to', 'for', 'on', 'at', 'by', 'from', 'and', 'or', 'per', 'with', 'than']);

export function findQuantities(tokens: Token[]): QuantityMention[] {
  const found: QuantityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const mention = (role: QuantityRole): QuantityMention => ({ text: t.text, start: t.start, end: t.end, index: i, role });
    if (t.kind === 'number') {
      found.push(mention(numberRole(tokens, i)));
    } else if (t.kind === 'word' && t.lower === 'no' && i === 0 && tokens[i + 1]?.kind === 'word' && !COMPARATIVES.has(tokens[i + 1].lower) && tokens[i + 1].lower !== 'longer') {
      // "No deploys fail", "No P1 incidents": a count held at zero.
      found.push(mention('measure'));
    } else if (t.kind === 'word' && isPlaceholder(tokens, i)) {
      found.push(mention('placeholder'));
    } else if (t.kind === 'word' && QUANTITY_WORDS.has(t.lower) && !isVerbUse(tokens, i) && !isPronounOne(tokens, i)) {
      found.push(mention(numberRole(tokens, i)));
    } else if (t.kind === 'punct' && t.text === '?' && tokens[i - 1]?.lower === 'by') {
      found.push(mention('placeholder'));
    }
  }
  return found;
}

/** `Double weekly users` uses the quantity word as the verb: the change verb carries it. */
function isVerbUse(tokens: Token[], i: number): boolean {
  return i === 0 && MULTIPLIERS.has(tokens[i].lower);
}

/** "faster than the old one": "one" standing for a noun, not a number. */
function isPronounOne(tokens: Token[], i: number): boolean {
  if (tokens[i].lower !== 'one') return false;
  const next = tokens[i + 1];
  const before = tokens[i - 1]?.lower ?? '';
  return !next || next.kind === 'punct' || ['the', 'this', 'that', 'which', 'each', 'every', 'any', 'no', 'old', 'new', 'last', 'next'].includes(before);
}

function isPlaceholder(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!PLACEHOLDERS.has(t.lower)) return false;
  // "X%", "$X", "by X", "to N": a letter where a number belongs. Lower-case "n"/"y" are not placeholders.
  if (t.text.length <= 3 && t.text !== t.text.toUpperCase()) return false;
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  if (next?.text === '%' || next?.text === '#') return true;
  if (before && ['$', '€', '£', '¥'].includes(before.text)) return true;
  if (t.lower.startsWith('tb')) return true;
  return !!before && ['by', 'to', 'from', 'of', 'at', 'under', 'below', 'above'].includes(before.lower);
}

function numberRole(tokens: Token[], i: number): QuantityRole {
  const before = tokens[i - 1];
  const before2 = tokens[i - 2];
  const next = tokens[i + 1];
  const next2 = tokens[i + 2];
  // "2019-08": a year and month is a date, not an amount.
  if (/^(19|20)\d\d$/.test(tokens[i].text) && next?.text === '-' && next2?.kind === 'number') return 'frame';
  if (before?.text === '-' && /^(19|20)\d\d$/.test(before2?.text ?? '') && before.start === before2?.end) return 'frame';
  // "P1 bugs", "e2e tests", "v2": a digit glued to a word is part of a name.
  if (before?.kind === 'word' && before.end === tokens[i].start) return 'qualifier';
  if (next?.kind === 'word' && next.start === tokens[i].end && next.text.length >= 2 && next.text === next.text.toUpperCase()) return 'qualifier';
  if (next?.text === '-' && next2 && TIME_UNITS.has(next2.lower)) return 'qualifier';
  const unitAfter = next && TIME_UNITS.has(next.lower);
  // "60+ days past due", "AR>60 days": an age qualifies what is counted. Elsewhere a comparator,
  // as a sign or as words, makes a threshold: ">80%", "≤ 45 days", "3+ teams", "more than 20 people".
  if (next?.text === '+') return next2 && TIME_UNITS.has(next2.lower) && AGE_WORDS.has(tokens[i + 3]?.lower ?? '') ? 'qualifier' : 'measure';
  if (before && COMPARATOR_SIGNS.has(before.text)) {
    const sign = before.text === '=' && before2 && COMPARATOR_SIGNS.has(before2.text) ? before2 : before;
    const owner = tokens[tokens.indexOf(sign) - 1];
    const glued = owner?.kind === 'word' && (owner.end === sign.start || owner.text === owner.text.toUpperCase());
    return glued && unitAfter ? 'qualifier' : 'measure';
  }
  // "more than 20", "no longer than 20 minutes": a comparative and "than" make a threshold.
  if (before?.lower === 'than' && before2 && COMPARATIVES.has(before2.lower) && !AGE_WORDS.has(next2?.lower ?? '')) return 'measure';
  // "All 15 company objectives": a number after "all" says how many there are, not a target.
  if (before && ['all', 'every', 'each'].includes(before.lower)) return 'qualifier';
  // "1 month boot-camp": a duration describing a thing.
  if (!before && unitAfter && next2?.kind === 'word' && !PREPOSITIONS.has(next2.lower)) return 'qualifier';
  if (before && unitAfter) {
    const targetLike = before2 && ['to', 'by', 'from', 'under', 'below'].includes(before2.lower);
    if (FRAME_BEFORE.has(before.lower) && !targetLike) return 'frame';
    if (QUALIFIER_BEFORE.has(before.lower) && !targetLike) return 'qualifier';
  }
  if (before && PERIOD_WORDS.has(before.lower)) return 'frame';
  if (before?.lower === 'by') return 'relative';
  if (next && COMPARATIVES.has(next.lower) && !(before && ['than'].includes(before.lower))) {
    // "10% faster" is a change; "to 85% or higher" is a level.
    if (before?.lower !== 'or') return before && ['to', 'at', 'of'].includes(before.lower) ? 'measure' : 'relative';
  }
  if (next && CHANGE_NOUNS.has(next.lower)) return 'relative';
  // "10 days faster": a number, its unit, then a comparative.
  if (next?.kind === 'word' && !['or', 'and', 'to', 'than', 'in', 'of'].includes(next.lower) && next2 && COMPARATIVES.has(next2.lower) && before?.lower !== 'than') return 'relative';
  return 'measure';
}

/** Whether a mention says something about the result (not a time frame, qualifier or placeholder). */
export function isMeasure(q: QuantityMention): boolean {
  return q.role === 'measure' || q.role === 'relative';
}

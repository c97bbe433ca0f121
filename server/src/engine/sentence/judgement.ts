// Judgement with no test, read from the shape of the words rather than from word lists: a
// superlative ("the deepest catalog", "the most trusted app"), a quality asked of a thing made
// ("make the audit process transparent") and a letter standing where the metric's name belongs
// ("Move X from 12% to 25%").
import type { Token } from './tokens';

/** Words ending in -est that are not superlatives (nouns, verbs, "latest" which dates a thing). */
const NOT_SUPERLATIVE = new Set(`latest test tests request requests interest interests contest contests harvest forest guest guests
  quest digest manifest protest rest west chest nest pest vest crest priest arrest conquest inquest bequest honest modest earnest
  invest suggest attest detest ingest unrest backtest pretest retest midwest northwest southwest northeast southeast east behest`.split(/\s+/));

/** Irregular superlatives; "best practices" is a name for a kind of guidance, not a judgement. */
const IRREGULAR = new Set(['best', 'worst', 'finest', 'foremost']);

/**
 * "the deepest catalog", "the most trusted app", "our best release": a superlative after a
 * determiner, before the thing it judges. Returns the superlative's first and last token.
 */
export function superlative(tokens: Token[], from: number, to = tokens.length): { first: number; last: number } | undefined {
  for (let i = Math.max(from, 1); i < to - 1; i++) {
    const before = tokens[i - 1].lower;
    if (!['the', 'our', 'its', 'their', "world's", 'industry’s', "industry's"].includes(before)) continue;
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.kind !== 'word' || next.kind !== 'word') continue;
    if ((t.lower === 'most' || t.lower === 'least') && /^[a-z]{4,}$/.test(next.lower) && tokens[i + 2]?.kind === 'word') return { first: i, last: i + 1 };
    if (IRREGULAR.has(t.lower) && !/^practi[cs]es?$/.test(next.lower)) return { first: i, last: i };
    if (/^[a-z]{3,}est$/.test(t.lower) && !NOT_SUPERLATIVE.has(t.lower)) return { first: i, last: i };
  }
  return undefined;
}

/** Adjectives that state a property, not a judgement: making a thing available or public is delivering it. */
const DELIVERED = new Set(['available', 'visible', 'public', 'official', 'live', 'ready', 'default', 'accessible', 'open', 'mandatory', 'optional', 'compliant']);

/**
 * "make the audit process transparent", "make onboarding painless": "make", a noun phrase and an
 * adjective of quality at the end (by its ending: -ent, -ant, -able, -ible, -ive, -ful, -less,
 * -ous). Returns the adjective's token index.
 */
export function madeQuality(tokens: Token[], makeIndex: number): number | undefined {
  let last = tokens.length - 1;
  while (last > makeIndex && tokens[last].kind === 'punct') last--;
  if (last < makeIndex + 2) return undefined;
  const t = tokens[last];
  if (t.kind !== 'word' || DELIVERED.has(t.lower) || !/[a-z]{3}(ent|ant|able|ible|ive|ful|less|ous)$/.test(t.lower)) return undefined;
  // Only words between: "make the audit process transparent", not "make 3 reports transparent".
  return tokens.slice(makeIndex + 1, last).every((w) => w.kind === 'word') ? last : undefined;
}

/** A single capital letter or "TBD" where the name of what is measured belongs: "Move X from 12% to 25%". */
export function placeholderName(tokens: Token[], from: number): Token | undefined {
  const t = tokens[from];
  const next = tokens[from + 1];
  if (!t || !/^([XYZ]|TBD|TBC)$/.test(t.text)) return undefined;
  return !next || ['from', 'by', 'to', 'up', 'down'].includes(next.lower) ? t : undefined;
}

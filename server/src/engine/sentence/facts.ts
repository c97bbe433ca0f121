// What a KR sentence says about numbers: `from X to Y`, `to Y`, `by N%` (relative), `by DATE`.
import type { DateValue, Quantity, Range, SentenceFacts } from '../model/types';
import { BoundedCache } from '../bounded-cache';
import { isValidIsoDate } from '../dates';
import { makeQuantity, NUMBER_SOURCE } from '../values';

/** Words that follow a number without being its unit. */
const NOT_UNITS = new Set([
  'to', 'by', 'from', 'in', 'on', 'of', 'and', 'or', 'the', 'a', 'an', 'per', 'for', 'with', 'at', 'than', 'within',
  'across', 'before', 'after', 'until', 'each', 'every', 'while', 'over', 'under', 'into', 'vs', 'versus', 'between',
  'is', 'are', 'was', 'were', 'be', 'as', 'that', 'which', 'this', 'those', 'these', 'more', 'less', 'fewer', 'or',
]);

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
// The unit word is read exactly as a value line reads it (the Word token), so that the sentence and
// its baseline/target lines agree on `1 e5` or `10 días` instead of seeing `e` or `d`.
const QUANTITY = String.raw`(?<![\w.,$€£¥-])(${NUMBER_SOURCE})(?![\w-])(?:[ \t]+([A-Za-z\u00c0-\uffff][\w\u00c0-\uffff-]*))?`;
const QUANTITY_RE = new RegExp(QUANTITY, 'g');
const DATE_RE = new RegExp(String.raw`\b${DATE}\b`, 'g');

interface Located<T> {
  value: T;
  start: number;
  end: number;
}

/** Reads the facts of a KR sentence; `origin` is where the sentence starts in the document. */
export function sentenceFacts(text: string, origin: { line: number; character: number }): SentenceFacts {
  const rangeOf = (start: number, end: number): Range => ({
    start: { line: origin.line, character: origin.character + start },
    end: { line: origin.line, character: origin.character + end },
  });

  const dates: Located<DateValue>[] = [];
  const invalidDates: DateValue[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index ?? 0;
    const value = { iso: m[0], range: rangeOf(start, start + m[0].length) };
    // "by 2026-02-30" is no date: the parser reports it, and it is never the KR's date.
    if (isValidIsoDate(m[0])) dates.push({ value, start, end: start + m[0].length });
    else invalidDates.push(value);
  }
  const insideBadDate = (i: number) => invalidDates.some((d) => i >= d.range.start.character - origin.character && i < d.range.end.character - origin.character);
  const insideDate = (i: number) => dates.some((d) => i >= d.start && i < d.end);

  const quantities: Located<Quantity>[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const start = m.index ?? 0;
    if (insideDate(start) || insideBadDate(start)) continue;
    const unitWord = m[2] && !NOT_UNITS.has(m[2].toLowerCase()) ? m[2] : undefined;
    const raw = unitWord ? text.slice(start, start + m[0].length) : m[1];
    const quantity = makeQuantity(m[1], unitWord, raw, rangeOf(start, start + raw.length));
    if (quantity) quantities.push({ value: quantity, start, end: start + raw.length });
  }

  const facts: SentenceFacts = { quantities: quantities.map((q) => q.value), ...(invalidDates.length ? { invalidDates } : {}) };
  const wordBefore = (index: number) => previousWord(text, index);

  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    const before = wordBefore(q.start);
    if (before === 'from' && !facts.from) {
      facts.from = q.value;
      const next = quantities[i + 1];
      if (next && wordBefore(next.start) === 'to' && /^\s*to\s*$/i.test(text.slice(q.end, next.start))) {
        facts.to = next.value;
        shareUnits(facts.from, facts.to);
        i++;
      }
    } else if (before === 'to' && !facts.to) {
      facts.to = q.value;
    } else if (before === 'by' && !facts.by) {
      facts.by = q.value;
    }
  }
  for (const d of dates) {
    if (wordBefore(d.start) === 'by' || wordBefore(d.start) === 'until' || wordBefore(d.start) === 'before') {
      facts.date = d.value;
    }
  }
  if (!facts.date && dates.length === 1) facts.date = dates[0].value;
  return facts;
}

const factsCache = new BoundedCache<SentenceFacts>({ entries: 20_000, bytes: 8 * 1024 * 1024, sizeOf: (key) => 200 + 10 * key.length });

export function clearSentenceCache(): void {
  factsCache.clear();
}

/** sentenceFacts, remembered per sentence and column: a document is re-read on every keystroke. */
export function cachedSentenceFacts(text: string, origin: { line: number; character: number }): SentenceFacts {
  const key = `${origin.character}:${text}`;
  let facts = factsCache.get(key);
  if (!facts) {
    facts = sentenceFacts(text, { line: 0, character: origin.character });
    factsCache.set(key, facts);
  }
  return relocateFacts(facts, origin.line);
}

function relocateFacts(facts: SentenceFacts, line: number): SentenceFacts {
  const move = <T extends { range: Range }>(item: T): T => ({
    ...item,
    range: { start: { line, character: item.range.start.character }, end: { line, character: item.range.end.character } },
  });
  const quantities = facts.quantities.map(move);
  const same = (q: Quantity | undefined) => (q ? quantities[facts.quantities.indexOf(q)] : undefined);
  const out: SentenceFacts = { quantities };
  if (facts.from) out.from = same(facts.from);
  if (facts.to) out.to = same(facts.to);
  if (facts.by) out.by = same(facts.by);
  if (facts.date) out.date = move(facts.date);
  if (facts.invalidDates) out.invalidDates = facts.invalidDates.map(move);
  return out;
}

/** `from 30 to 45 days`: the unit written once applies to both ends. */
function shareUnits(from: Quantity, to: Quantity): void {
  if (from.unit === '' && to.unit !== '') from.unit = to.unit;
  else if (to.unit === '' && from.unit !== '') to.unit = from.unit;
}

/** The word that ends just before `index` (spaces skipped), lower-cased. */
function previousWord(text: string, index: number): string | undefined {
  let end = index;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && /\w/.test(text[start - 1])) start--;
  return start < end ? text.slice(start, end).toLowerCase() : undefined;
}

// Values as people write them in OKRs: `$24M`, `€1.2k`, `85%`, `45 days`, `1,200 customers`, `-3`.
import type { Quantity, Range } from './model/types';

/** Source of the number part of a value: optional sign, currency, digits with thousands commas, decimals, magnitude, percent. */
export const UNSIGNED_NUMBER_SOURCE = String.raw`[$€£¥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[kKmMbB](?![A-Za-z]))?%?`;
/** The one syntax of numbers: value lines, the lexer and the KR sentence's tokens all use it. */
export const NUMBER_SOURCE = String.raw`[-+]?${UNSIGNED_NUMBER_SOURCE}`;

const NUMBER_PARTS = /^([-+]?)([$€£¥]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([kKmMbB]?)(%?)$/;

const MAGNITUDE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** Unit words that mean a currency. */
const CURRENCY_WORDS: Record<string, string> = {
  dollar: '$', dollars: '$', usd: '$',
  euro: '€', euros: '€', eur: '€',
  pound: '£', pounds: '£', gbp: '£',
  yen: '¥', jpy: '¥',
};

const PERCENT_WORDS = new Set(['percent', 'per cent', 'pct']);

export interface ParsedNumber {
  amount: number;
  currency: string;
  percent: boolean;
  magnitude: string;
}

/** Reads the number part (`$24M`, `-3`, `85%`); undefined when it is not one. */
export function parseNumber(raw: string): ParsedNumber | undefined {
  const m = NUMBER_PARTS.exec(raw);
  if (!m) return undefined;
  const [, sign, currency, digits, magnitude, percent] = m;
  let amount = Number(digits.replace(/,/g, ''));
  if (magnitude) amount *= MAGNITUDE[magnitude.toLowerCase()];
  if (sign === '-') amount = -amount;
  // 400 nines is not a number anyone means, and Infinity would poison every sum after it.
  if (!Number.isFinite(amount)) return undefined;
  return { amount: roundAmount(amount), currency, percent: percent === '%', magnitude };
}

/** Builds a quantity from a number token and an optional unit word after it. */
export function makeQuantity(numberRaw: string, unitWord: string | undefined, raw: string, range: Range): Quantity | undefined {
  const n = parseNumber(numberRaw);
  if (!n) return undefined;
  return { amount: n.amount, unit: unitOf(n, unitWord), raw, range };
}

/** The normalised unit of a number and the word after it (`45 days` → `days`, `24M dollars` → `$`). */
export function unitOf(n: Pick<ParsedNumber, 'currency' | 'percent'>, unitWord: string | undefined): string {
  if (n.currency) return n.currency;
  if (n.percent) return '%';
  if (!unitWord) return '';
  const word = unitWord.toLowerCase();
  if (CURRENCY_WORDS[word]) return CURRENCY_WORDS[word];
  if (PERCENT_WORDS.has(word)) return '%';
  return word;
}

/** Whether two units are the same, ignoring singular/plural (`day` and `days`). */
export function sameUnit(a: string, b: string): boolean {
  return a === b || singular(a) === singular(b);
}

function singular(unit: string): string {
  if (unit.length > 3 && unit.endsWith('ies')) return unit.slice(0, -3) + 'y';
  if (unit.length > 2 && unit.endsWith('s') && !unit.endsWith('ss')) return unit.slice(0, -1);
  return unit;
}

/** Describes a unit for messages: `$` → "dollars", '' → "a plain number". */
export function describeUnit(unit: string): string {
  switch (unit) {
    case '$': return 'dollars';
    case '€': return 'euros';
    case '£': return 'pounds';
    case '¥': return 'yen';
    case '%': return 'percent';
    case '': return 'a plain number';
    default: return `'${unit}'`;
  }
}

/**
 * Writes an amount in the style of an example quantity: `$24M` and 12e6 give `$12M`,
 * `€900k` and 450000 give `€450k`, `45 days` and 30 give `30 days`.
 */
export function formatQuantityLike(amount: number, example: Quantity): string {
  const n = parseNumber(example.raw.split(/\s+/)[0]);
  const currency = n?.currency ?? '';
  const magnitude = n?.magnitude ?? '';
  let scaled = amount;
  let suffix = '';
  if (magnitude) {
    const factor = MAGNITUDE[magnitude.toLowerCase()];
    if (Math.abs(amount) >= factor || amount === 0) {
      scaled = amount / factor;
      suffix = magnitude;
    } else {
      // Smaller than the example's magnitude: step down one (M → k) so that it reads well.
      const lower = magnitude.toLowerCase() === 'b' ? 'M' : magnitude.toLowerCase() === 'm' ? 'k' : '';
      if (lower) {
        scaled = amount / MAGNITUDE[lower.toLowerCase()];
        suffix = lower;
      }
    }
  }
  const sign = scaled < 0 ? '-' : '';
  const usesCommas = /\d,\d{3}/.test(example.raw);
  let digits = formatDecimal(Math.abs(scaled));
  if (usesCommas) digits = withThousands(digits);
  const percent = n?.percent ? '%' : '';
  const unitWord = example.raw.includes(' ') ? example.raw.slice(example.raw.indexOf(' ')) : '';
  return `${sign}${currency}${digits}${suffix}${percent}${unitWord}`;
}

function formatDecimal(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  // From 10^21 on String() writes `1e+21`, which no value line can read back: write the digits.
  return Math.abs(rounded) < 1e21 ? String(rounded) : rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
}

function withThousands(digits: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/**
 * Removes float noise (1.1 × 10^6 = 1100000.0000000002) from an amount by keeping 15 significant
 * digits, so that a tiny value such as 0.0000000001 stays itself instead of becoming 0. Whole
 * numbers have no noise to remove and stay exact, however large.
 */
export function roundAmount(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(15));
}

/** Removes float noise such as 0.30000000000000004 from fractions (progress, shares of time). */
export function roundFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

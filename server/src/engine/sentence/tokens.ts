// Splits a KR sentence into words, numbers, dates and punctuation, keeping offsets.
import { UNSIGNED_NUMBER_SOURCE } from '../values';

export type TokenKind = 'word' | 'number' | 'date' | 'punct';

export interface Token {
  text: string;
  lower: string;
  kind: TokenKind;
  start: number;
  end: number;
}

// Groups in order: date, number, word; anything else is punctuation.
const TOKEN_RE = new RegExp(
  [
    String.raw`(\d{4}-\d{2}-\d{2})`,
    `(${UNSIGNED_NUMBER_SOURCE})`,
    String.raw`([A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9]+)*)`,
    String.raw`\S`,
  ].join('|'),
  'g',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const kind: TokenKind = m[1] !== undefined ? 'date' : m[2] !== undefined ? 'number' : m[3] !== undefined ? 'word' : 'punct';
    const start = m.index;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), kind, start, end: start + m[0].length });
  }
  return tokens;
}

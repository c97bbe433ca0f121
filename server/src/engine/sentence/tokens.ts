// Splits a KR sentence into words, numbers, dates and punctuation, keeping offsets.

export type TokenKind = 'word' | 'number' | 'date' | 'punct';

export interface Token {
  text: string;
  lower: string;
  kind: TokenKind;
  start: number;
  end: number;
}

const TOKEN_RE = new RegExp(
  [
    String.raw`(?<date>\d{4}-\d{2}-\d{2})`,
    String.raw`(?<number>[$€£¥]?\d+(?:,\d{3})*(?:\.\d+)?(?:[kKmMbB](?![A-Za-z]))?%?)`,
    String.raw`(?<word>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9]+)*)`,
    String.raw`(?<punct>\S)`,
  ].join('|'),
  'g',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const groups = m.groups ?? {};
    const kind: TokenKind = groups.date ? 'date' : groups.number ? 'number' : groups.word ? 'word' : 'punct';
    const start = m.index ?? 0;
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), kind, start, end: start + m[0].length });
  }
  return tokens;
}

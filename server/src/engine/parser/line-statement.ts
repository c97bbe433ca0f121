// First half of CST → model: what one line's CST says, with values, dates and
// line-local errors already checked. It does not depend on the line's number, so it is
// computed once per distinct line text and reused on every keystroke.
import { editDistance } from '../edit-distance';
import type { CstNode, IToken } from 'chevrotain';
import type { Comparator, ReportedStatus } from '../model/types';
import { isValidIsoDate, periodBounds } from '../dates';
import { parseNumber, unitOf } from '../values';
import { slugProblem } from '../workspace/slug';
import { Aligns, Id, STATEMENT_KEYWORDS } from './tokens';

/** Character offsets within the line, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface LineValue {
  amount: number;
  unit: string;
  raw: string;
  span: Span;
}

export interface LineDate {
  iso: string;
  span: Span;
}

export interface LineProblem extends Span {
  message: string;
}

export type LineStatement =
  | { kind: 'period'; span: Span; label?: string; start?: string; end?: string }
  | { kind: 'text'; span: Span; keyword: string; keywordSpan: Span; text: string; textSpan: Span }
  | { kind: 'task'; span: Span; done: boolean; text: string; textSpan: Span }
  | { kind: 'baseline'; span: Span; value?: LineValue; date?: LineDate }
  | { kind: 'target'; span: Span; done: boolean; comparator?: Comparator; value?: LineValue; date?: LineDate }
  | { kind: 'weight'; span: Span; weight?: number }
  | { kind: 'score'; span: Span; score: number; note?: string }
  | { kind: 'checkin'; span: Span; date?: LineDate; done: boolean; value?: LineValue; status?: ReportedStatus; note?: string }
  | { kind: 'unknown'; span: Span };

type Children = Record<string, (CstNode | IToken)[] | undefined>;

function tok(children: Children, key: string): IToken | undefined {
  const found = children[key]?.[0] as IToken | undefined;
  return found && !found.isInsertedInRecovery ? found : undefined;
}

function spanOf(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** The span from the first to the last real token of a node. */
function nodeSpan(n: CstNode): Span | undefined {
  let span: Span | undefined;
  const walk = (c: CstNode) => {
    for (const key in c.children) {
      for (const item of c.children[key]) {
        if (!('image' in item)) walk(item);
        else if (!item.isInsertedInRecovery) {
          const s = spanOf(item);
          span = span ? { start: Math.min(span.start, s.start), end: Math.max(span.end, s.end) } : s;
        }
      }
    }
  };
  walk(n);
  return span;
}

/** Reads a statement's CST; line-local problems go to `problems`. */
export function readStatement(statement: CstNode, problems: LineProblem[]): LineStatement | undefined {
  let inner: CstNode | undefined;
  for (const key in statement.children) inner = statement.children[key][0] as CstNode;
  if (!inner) return undefined;
  const span = nodeSpan(inner);
  if (!span) return undefined;
  const c = inner.children as Children;
  const problem = (at: Span, message: string) => problems.push({ ...at, message });
  const date = (token: IToken | undefined) => readDate(token, problem);
  const value = () => readValue(c.value?.[0] as CstNode | undefined, problem);

  switch (inner.name) {
    case 'periodStatement': {
      const label = tok(c, 'PeriodLabel') ?? tok(c, 'NumberLiteral');
      if (label) {
        const bounds = periodBounds(label.image.toUpperCase());
        if (!bounds) {
          problem(spanOf(label), `'${label.image}' is not a period: write 2026-Q2, 2026-H1, 2026 or 2026-04-01 to 2026-08-30`);
          return undefined;
        }
        return { kind: 'period', span, label: label.image.toUpperCase(), start: bounds.start, end: bounds.end };
      }
      const start = date(tok(c, 'start'));
      const end = date(tok(c, 'end'));
      if (!start || !end) return undefined;
      if (end.iso < start.iso) {
        problem(span, `the period ends (${end.iso}) before it starts (${start.iso})`);
        return undefined;
      }
      return { kind: 'period', span, label: `${start.iso} to ${end.iso}`, start: start.iso, end: end.iso };
    }
    case 'textStatement': {
      const keyword = tok(c, 'keyword');
      if (!keyword) return undefined;
      const rest = tok(c, 'RestOfLine');
      const text = rest ? rest.image.trimEnd() : '';
      const keywordSpan = spanOf(keyword);
      const textSpan = rest ? { start: rest.startOffset, end: rest.startOffset + text.length } : { start: keywordSpan.end, end: keywordSpan.end };
      if (!text) problem(keywordSpan, `'${keyword.image.toLowerCase()}' needs text after it`);
      const slugError = text && (keyword.tokenType === Id || keyword.tokenType === Aligns) ? slugProblem(text) : undefined;
      if (slugError) {
        problem(textSpan, slugError);
        return undefined;
      }
      return { kind: 'text', span: { start: span.start, end: Math.max(keywordSpan.end, textSpan.end) }, keyword: keyword.image.toLowerCase(), keywordSpan, text, textSpan };
    }
    case 'taskStatement': {
      const box = tok(c, 'Checkbox');
      const rest = tok(c, 'RestOfLine');
      const text = rest ? rest.image.trimEnd() : '';
      if (!text) problem(span, "'task' needs text: what will be done");
      const textStart = rest ? rest.startOffset : span.end;
      return { kind: 'task', span: { start: span.start, end: text ? textStart + text.length : span.end }, done: !!box && /x/i.test(box.image), text, textSpan: { start: textStart, end: textStart + text.length } };
    }
    case 'baselineStatement':
      return { kind: 'baseline', span, value: value(), date: date(tok(c, 'DateLiteral')) };
    case 'targetStatement': {
      const done = !!tok(c, 'Done');
      const comparator = tok(c, 'Comparator');
      return {
        kind: 'target', span, done, value: done ? undefined : value(), date: date(tok(c, 'DateLiteral')),
        ...(comparator ? { comparator: normaliseComparator(comparator.image) } : {}),
      };
    }
    case 'weightStatement': {
      const number = tok(c, 'NumberLiteral');
      if (!number) return undefined;
      const weight = Number(number.image);
      if (!Number.isFinite(weight) || weight <= 0) {
        problem(spanOf(number), `a weight is a positive number like 1 or 2, not '${number.image}'`);
        return undefined;
      }
      return { kind: 'weight', span, weight };
    }
    case 'scoreStatement': {
      const number = tok(c, 'NumberLiteral');
      if (!number) return undefined;
      const score = Number(number.image);
      if (!/^\d+(\.\d+)?$/.test(number.image) || !(score >= 0 && score <= 1)) {
        problem(spanOf(number), `a score is a grade from 0.0 to 1.0 like 0.7, not '${number.image}'`);
        return undefined;
      }
      const note = tok(c, 'StringLiteral');
      const unterminated = tok(c, 'UnterminatedString');
      if (unterminated) problem(spanOf(unterminated), 'the note has no closing quote (")');
      return { kind: 'score', span, score, ...(note ? { note: note.image.slice(1, -1).replace(/\\(.)/g, '$1') } : {}) };
    }
    case 'checkinStatement': {
      const done = !!tok(c, 'Done');
      const status = tok(c, 'Status');
      const note = tok(c, 'StringLiteral');
      const unterminated = tok(c, 'UnterminatedString');
      if (unterminated) problem(spanOf(unterminated), 'the note has no closing quote (")');
      return {
        kind: 'checkin', span, date: date(tok(c, 'DateLiteral')), done, value: done ? undefined : value(),
        ...(status ? { status: status.image.toLowerCase() as ReportedStatus } : {}),
        ...(note ? { note: note.image.slice(1, -1).replace(/\\(.)/g, '$1') } : {}),
      };
    }
    case 'unknownStatement': {
      const word = tok(c, 'UnknownWord');
      if (!word) return undefined;
      const guess = closestKeyword(word.image.toLowerCase());
      const hint = guess ? ` — did you mean '${guess}'?` : `: a line starts with ${STATEMENT_KEYWORDS.join(', ')} or # for a comment`;
      problem(spanOf(word), `unknown keyword '${word.image}'${hint}`);
      return { kind: 'unknown', span };
    }
  }
  return undefined;
}

function readValue(n: CstNode | undefined, problem: (at: Span, message: string) => void): LineValue | undefined {
  if (!n) return undefined;
  const c = n.children as Children;
  const number = tok(c, 'NumberLiteral');
  if (!number) return undefined;
  const parsed = parseNumber(number.image);
  if (!parsed) {
    // The grammar took it for a number, but it is too large for one (400 nines): say so, never drop it silently.
    const shown = number.image.length > 24 ? `${number.image.slice(0, 20)}…` : number.image;
    problem(spanOf(number), `'${shown}' is too large a number`);
    return undefined;
  }
  let word = tok(c, 'Word');
  if (word && (parsed.currency || parsed.percent)) {
    // `$1M great`: a currency or a percentage already says what is counted, so the word is out of place.
    problem(spanOf(word), `unexpected '${word.image}' after '${number.image}'`);
    word = undefined;
  }
  const numberSpan = spanOf(number);
  return {
    amount: parsed.amount,
    unit: unitOf(parsed, word?.image),
    raw: word ? `${number.image} ${word.image}` : number.image,
    span: word ? { start: numberSpan.start, end: spanOf(word).end } : numberSpan,
  };
}

function readDate(token: IToken | undefined, problem: (at: Span, message: string) => void): LineDate | undefined {
  if (!token) return undefined;
  const span = spanOf(token);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(token.image)) {
    problem(span, `'${token.image}' is not a date: write it as YYYY-MM-DD, like 2026-08-30`);
    return undefined;
  }
  if (!isValidIsoDate(token.image)) {
    problem(span, `${token.image} is not a date on the calendar`);
    return undefined;
  }
  return { iso: token.image, span };
}

function normaliseComparator(image: string): Comparator {
  if (image === '≤') return '<=';
  if (image === '≥') return '>=';
  return image as Comparator;
}

/** The keyword a misspelt word most likely meant (edit distance ≤ 2), if any. */
export function closestKeyword(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const keyword of STATEMENT_KEYWORDS) {
    const distance = editDistance(word, keyword);
    if (distance < bestDistance && distance < Math.max(word.length, keyword.length)) {
      best = keyword;
      bestDistance = distance;
    }
  }
  return best;
}


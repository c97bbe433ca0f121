// Tokens of the .okr language. The lexer is line oriented through modes:
// a line starts in `statement` mode; the keyword that leads it switches to the mode
// that reads the rest of that line (free text, a task, or values); the line break
// returns to `statement` mode.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { NUMBER_SOURCE } from '../values';

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, label: 'the end of the line' });
const NewlinePop = createToken({ name: 'NewlinePop', pattern: /\r\n|\r|\n/, line_breaks: true, pop_mode: true, categories: [Newline] });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

// ----- statement mode: the keyword that leads a line -----
/** Any word at the start of a line that is not a keyword: reported as an unknown keyword. */
export const UnknownWord = createToken({ name: 'UnknownWord', pattern: /[^\s#][^\s]*/, push_mode: 'text' });

function keyword(name: string, word: string, mode: 'text' | 'task' | 'values'): TokenType {
  return createToken({
    name,
    pattern: new RegExp(`${word}(?=[\\s])`, 'i'),
    push_mode: mode,
    label: `'${word}'`,
  });
}

export const Period = keyword('Period', 'period', 'values');
export const Team = keyword('Team', 'team', 'text');
export const Objective = keyword('Objective', 'objective', 'text');
export const Why = keyword('Why', 'why', 'text');
export const Owner = keyword('Owner', 'owner', 'text');
export const Kr = keyword('Kr', 'kr', 'text');
export const Task = keyword('Task', 'task', 'task');
export const Baseline = keyword('Baseline', 'baseline', 'values');
export const Target = keyword('Target', 'target', 'values');
export const Weight = keyword('Weight', 'weight', 'values');
export const Checkin = keyword('Checkin', 'checkin', 'values');
export const Score = keyword('Score', 'score', 'values');
/** `id SLUG` names an objective or KR; `aligns SLUG` says it contributes to the one so named. */
export const Id = keyword('Id', 'id', 'text');
export const Aligns = keyword('Aligns', 'aligns', 'text');

export const STATEMENT_KEYWORDS = ['period', 'team', 'objective', 'why', 'owner', 'kr', 'task', 'baseline', 'target', 'weight', 'checkin', 'score', 'id', 'aligns'];

// ----- text mode: the rest of the line, unquoted -----
export const RestOfLine = createToken({ name: 'RestOfLine', pattern: /[^\s][^\r\n]*/, label: 'text' });

// ----- task mode -----
export const Checkbox = createToken({ name: 'Checkbox', pattern: /\[[ xX]\](?=\s)/, label: "a checkbox '[x]'" });

// ----- values mode -----
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}(?![\w-])/, label: 'a date like 2026-08-30' });
export const PeriodLabel = createToken({ name: 'PeriodLabel', pattern: /\d{4}-[QqHh]\d(?![\w-])/, label: 'a period like 2026-Q2' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: new RegExp(NUMBER_SOURCE), label: 'a value like $24M, 85% or 45 days' });
export const Comparator = createToken({ name: 'Comparator', pattern: /<=|>=|≤|≥|<|>/, label: 'a comparison like <= or >=' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\.)*"/, label: 'a "quoted note"' });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"[^\r\n]*/, label: 'a "quoted note"' });
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff-]*/, label: 'a word' });

function valueKeyword(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(`${word}(?![\\w-])`, 'i'), longer_alt: Word, label: `'${word}'` });
}

export const On = valueKeyword('On', 'on');
export const By = valueKeyword('By', 'by');
export const To = valueKeyword('To', 'to');
export const Done = valueKeyword('Done', 'done');
export const Status = createToken({ name: 'Status', pattern: /on-track|at-risk|off-track/i, label: 'a status (on-track, at-risk or off-track)' });
/** Anything else on a values line: the parser reports it where it stands. */
export const Stray = createToken({ name: 'Stray', pattern: /[^\s"]+/, label: 'something else' });

const statementKeywords = [Period, Team, Objective, Why, Owner, Kr, Task, Baseline, Target, Weight, Checkin, Score, Id, Aligns];

export const lexerDefinition = {
  modes: {
    statement: [Newline, Whitespace, Comment, ...statementKeywords, UnknownWord],
    text: [NewlinePop, Whitespace, RestOfLine],
    task: [NewlinePop, Whitespace, Checkbox, RestOfLine],
    values: [
      NewlinePop, Whitespace, DateLiteral, PeriodLabel, NumberLiteral, Comparator, StringLiteral, UnterminatedString,
      Status, On, By, To, Done, Word, Stray,
    ],
  },
  defaultMode: 'statement',
};

export const allTokens: TokenType[] = [
  Newline, NewlinePop, Whitespace, Comment, ...statementKeywords, UnknownWord, RestOfLine, Checkbox,
  DateLiteral, PeriodLabel, NumberLiteral, Comparator, StringLiteral, UnterminatedString, Status, On, By, To, Done, Word, Stray,
];

export const okrLexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: false });

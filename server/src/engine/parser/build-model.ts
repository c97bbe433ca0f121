// Turns the CST of each line into the document model: objectives own KRs, KRs own
// baselines, targets, check-ins and tasks. Statements in the wrong place become errors
// with ranges, and the model keeps whatever could be understood.
import type { CstNode, IToken } from 'chevrotain';
import type {
  CheckIn, Comparator, DateValue, Diagnostic, KeyResult, Objective, OkrDocument, Quantity, Range, ReportedStatus, Task,
} from '../model/types';
import { isValidIsoDate, periodBounds } from '../dates';
import { makeQuantity } from '../values';
import { sentenceFacts } from './sentence-facts';
import { STATEMENT_KEYWORDS } from './tokens';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

export function tokenRange(token: IToken): Range {
  return {
    start: { line: (token.startLine ?? 1) - 1, character: (token.startColumn ?? 1) - 1 },
    end: { line: (token.endLine ?? 1) - 1, character: token.endColumn ?? 0 },
  };
}

function spanRange(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

function tok(children: Children, key: string, index = 0): IToken | undefined {
  const found = children[key]?.[index] as IToken | undefined;
  return found && !found.isInsertedInRecovery ? found : undefined;
}

function node(children: Children, key: string): CstNode | undefined {
  return children[key]?.[0] as CstNode | undefined;
}

/** Every real token of a node, in source order. */
function tokensOf(n: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (c: CstNode) => {
    for (const list of Object.values(c.children)) {
      for (const item of list ?? []) {
        if ('image' in item) {
          if (!item.isInsertedInRecovery) out.push(item);
        } else walk(item);
      }
    }
  };
  walk(n);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

export class ModelBuilder {
  readonly doc: OkrDocument;
  private objective?: Objective;
  private kr?: KeyResult;

  constructor(lineCount: number) {
    this.doc = { objectives: [], comments: [], errors: [], lineCount };
  }

  error(range: Range, message: string, related?: Diagnostic['related']): void {
    this.doc.errors.push({ rule: 'syntax', severity: 'error', message, range, ...(related ? { related } : {}) });
  }

  addStatement(statement: CstNode): void {
    const inner = Object.values(statement.children)[0]?.[0] as CstNode | undefined;
    if (!inner) return;
    const tokens = tokensOf(inner);
    if (tokens.length === 0) return;
    const range = spanRange(tokenRange(tokens[0]), tokenRange(tokens[tokens.length - 1]));
    const c = inner.children as Children;
    switch (inner.name) {
      case 'periodStatement': return this.period(c, range);
      case 'textStatement': return this.text(c, range);
      case 'taskStatement': return this.task(c, range);
      case 'baselineStatement': return this.baseline(c, range);
      case 'targetStatement': return this.target(c, range);
      case 'weightStatement': return this.weight(c, range);
      case 'checkinStatement': return this.checkin(c, range);
      case 'unknownStatement': return this.unknown(c);
    }
  }

  private period(c: Children, range: Range): void {
    if (this.doc.period) {
      this.error(range, "the period is set twice: keep one 'period' line", [{ range: this.doc.period.range, message: 'first period' }]);
      return;
    }
    const label = tok(c, 'PeriodLabel') ?? tok(c, 'NumberLiteral');
    if (label) {
      const bounds = periodBounds(label.image.toUpperCase());
      if (!bounds) return this.error(tokenRange(label), `'${label.image}' is not a period: write 2026-Q2, 2026-H1, 2026 or 2026-04-01 to 2026-08-30`);
      this.doc.period = { label: label.image.toUpperCase(), ...bounds, range };
      return;
    }
    const start = this.date(tok(c, 'start'));
    const end = this.date(tok(c, 'end'));
    if (!start || !end) return;
    if (end.iso < start.iso) return this.error(range, `the period ends (${end.iso}) before it starts (${start.iso})`);
    this.doc.period = { label: `${start.iso} to ${end.iso}`, start: start.iso, end: end.iso, range };
  }

  private text(c: Children, range: Range): void {
    const keyword = tok(c, 'keyword');
    if (!keyword) return;
    const word = keyword.image.toLowerCase();
    const rest = tok(c, 'RestOfLine');
    const text = rest ? rest.image.trimEnd() : '';
    const textRange: Range = rest
      ? { start: tokenRange(rest).start, end: { line: tokenRange(rest).start.line, character: tokenRange(rest).start.character + text.length } }
      : { start: tokenRange(keyword).end, end: tokenRange(keyword).end };
    const lineRange = rest ? spanRange(tokenRange(keyword), textRange) : range;
    if (!text) this.error(tokenRange(keyword), `'${word}' needs text after it`);
    switch (word) {
      case 'team':
        if (this.doc.team) this.error(lineRange, "the team is set twice: keep one 'team' line", [{ range: this.doc.team.range, message: 'first team' }]);
        else this.doc.team = { text, range: lineRange };
        return;
      case 'objective': {
        const objective: Objective = { title: text, range: lineRange, titleRange: textRange, blockRange: lineRange, keyResults: [], tasks: [] };
        this.doc.objectives.push(objective);
        this.objective = objective;
        this.kr = undefined;
        return;
      }
      case 'why': {
        const objective = this.needObjective(word, lineRange);
        if (!objective) return;
        objective.why = objective.why
          ? { text: `${objective.why.text} ${text}`.trim(), range: spanRange(objective.why.range, lineRange) }
          : { text, range: lineRange };
        this.extend(lineRange);
        return;
      }
      case 'owner': {
        const objective = this.needObjective(word, lineRange);
        if (!objective) return;
        if (objective.owner) this.error(lineRange, 'the owner is set twice for this objective', [{ range: objective.owner.range, message: 'first owner' }]);
        else objective.owner = { text, range: lineRange };
        this.extend(lineRange);
        return;
      }
      case 'kr': {
        const objective = this.needObjective(word, lineRange, 'a kr must come after an objective it measures');
        if (!objective) return;
        const kr: KeyResult = {
          text, range: lineRange, textRange, blockRange: lineRange, sentence: sentenceFacts(text, textRange.start), checkins: [], tasks: [],
        };
        objective.keyResults.push(kr);
        this.kr = kr;
        this.extend(lineRange);
        return;
      }
    }
  }

  private task(c: Children, range: Range): void {
    const box = tok(c, 'Checkbox');
    const rest = tok(c, 'RestOfLine');
    const text = rest ? rest.image.trimEnd() : '';
    const start = rest ? tokenRange(rest).start : range.end;
    const task: Task = {
      text, done: !!box && /x/i.test(box.image), range, textRange: { start, end: { line: start.line, character: start.character + text.length } },
    };
    if (!text) this.error(range, "'task' needs text: what will be done");
    const owner = this.kr ?? this.objective;
    if (!owner) return this.error(range, 'a task must come under an objective or a kr');
    owner.tasks.push(task);
    this.extend(range);
  }

  private baseline(c: Children, range: Range): void {
    const kr = this.needKr('baseline', range);
    const value = this.value(node(c, 'value'));
    const date = this.date(tok(c, 'DateLiteral'));
    if (!kr || !value) return;
    if (kr.baseline) return this.error(range, 'the baseline is set twice for this kr', [{ range: kr.baseline.range, message: 'first baseline' }]);
    kr.baseline = { value, ...(date ? { date } : {}), range };
    this.extend(range);
  }

  private target(c: Children, range: Range): void {
    const kr = this.needKr('target', range);
    const done = tok(c, 'Done');
    const comparator = tok(c, 'Comparator');
    const value = done ? undefined : this.value(node(c, 'value'));
    const date = this.date(tok(c, 'DateLiteral'));
    if (!kr || (!done && !value)) return;
    if (kr.target) return this.error(range, 'the target is set twice for this kr', [{ range: kr.target.range, message: 'first target' }]);
    kr.target = {
      ...(value ? { value } : {}),
      ...(done ? { done: true } : {}),
      ...(comparator ? { comparator: normaliseComparator(comparator.image) } : {}),
      ...(date ? { date } : {}),
      range,
    };
    this.extend(range);
  }

  private weight(c: Children, range: Range): void {
    const kr = this.needKr('weight', range);
    const number = tok(c, 'NumberLiteral');
    if (!kr || !number) return;
    const value = Number(number.image);
    if (!Number.isFinite(value) || value <= 0) return this.error(tokenRange(number), `a weight is a positive number like 1 or 2, not '${number.image}'`);
    if (kr.weight) return this.error(range, 'the weight is set twice for this kr', [{ range: kr.weight.range, message: 'first weight' }]);
    kr.weight = { value, range };
    this.extend(range);
  }

  private checkin(c: Children, range: Range): void {
    const kr = this.needKr('checkin', range);
    const date = this.date(tok(c, 'DateLiteral'));
    const done = tok(c, 'Done');
    const value = done ? undefined : this.value(node(c, 'value'));
    const status = tok(c, 'Status');
    const note = tok(c, 'StringLiteral');
    const unterminated = tok(c, 'UnterminatedString');
    if (unterminated) this.error(tokenRange(unterminated), 'the note has no closing quote (")');
    if (!kr || !date || (!done && !value)) return;
    const checkin: CheckIn = {
      date,
      ...(value ? { value } : {}),
      ...(done ? { done: true } : {}),
      ...(status ? { status: status.image.toLowerCase() as ReportedStatus } : {}),
      ...(note ? { note: note.image.slice(1, -1).replace(/\\(.)/g, '$1') } : {}),
      range,
    };
    kr.checkins.push(checkin);
    this.extend(range);
  }

  private unknown(c: Children): void {
    const word = tok(c, 'UnknownWord');
    if (!word) return;
    const guess = closestKeyword(word.image.toLowerCase());
    const hint = guess ? ` — did you mean '${guess}'?` : `: a line starts with ${STATEMENT_KEYWORDS.join(', ')} or # for a comment`;
    this.error(tokenRange(word), `unknown keyword '${word.image}'${hint}`);
  }

  private needObjective(word: string, range: Range, message?: string): Objective | undefined {
    if (!this.objective) this.error(range, message ?? `'${word}' must come under an objective`);
    return this.objective;
  }

  private needKr(word: string, range: Range): KeyResult | undefined {
    if (!this.kr) this.error(range, `'${word}' must come under a kr`);
    return this.kr;
  }

  /** Grows the current objective's and KR's block to include a child line. */
  private extend(range: Range): void {
    if (this.objective) this.objective.blockRange = spanRange(this.objective.blockRange, range);
    if (this.kr) this.kr.blockRange = spanRange(this.kr.blockRange, range);
  }

  private value(n: CstNode | undefined): Quantity | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    const number = tok(c, 'NumberLiteral');
    if (!number) return undefined;
    let word = tok(c, 'Word');
    if (word && /[$€£¥%]/.test(number.image)) {
      // `$1M great`: a currency or a percentage already says what is counted, so the word is out of place.
      this.error(tokenRange(word), `unexpected '${word.image}' after '${number.image}'`);
      word = undefined;
    }
    const range = word ? spanRange(tokenRange(number), tokenRange(word)) : tokenRange(number);
    const raw = word ? `${number.image} ${word.image}` : number.image;
    return makeQuantity(number.image, word?.image, raw, range);
  }

  private date(token: IToken | undefined): DateValue | undefined {
    if (!token) return undefined;
    const range = tokenRange(token);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(token.image)) {
      this.error(range, `'${token.image}' is not a date: write it as YYYY-MM-DD, like 2026-08-30`);
      return undefined;
    }
    if (!isValidIsoDate(token.image)) {
      this.error(range, `${token.image} is not a date on the calendar`);
      return undefined;
    }
    return { iso: token.image, range };
  }
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

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

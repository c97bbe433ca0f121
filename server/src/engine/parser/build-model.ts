// Second half of CST → model: places each line's statement in the document. Objectives
// own KRs; KRs own baselines, targets, check-ins and tasks. A statement in the wrong
// place becomes an error with its range, and the model keeps whatever could be understood.
import type { CheckIn, DateValue, Diagnostic, KeyResult, Objective, OkrDocument, Quantity, Range, SlugRef, Target } from '../model/types';
import type { LineDate, LineStatement, LineValue, Span } from './line-statement';
import { cachedSentenceFacts } from '../sentence/facts';
import { readKr } from '../sentence';

function spanRange(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

export class ModelBuilder {
  readonly doc: OkrDocument;
  private objective?: Objective;
  private kr?: KeyResult;
  /** The line being added. */
  private line = 0;

  constructor(lineCount: number) {
    this.doc = { objectives: [], comments: [], errors: [], lineCount };
  }

  error(range: Range, message: string, related?: Diagnostic['related']): void {
    this.doc.errors.push({ rule: 'syntax', severity: 'error', message, range, ...(related ? { related } : {}) });
  }

  /** A span of the current line as a document range. */
  private at(span: Span): Range {
    return { start: { line: this.line, character: span.start }, end: { line: this.line, character: span.end } };
  }

  addStatement(line: number, s: LineStatement): void {
    this.line = line;
    const range = this.at(s.span);
    switch (s.kind) {
      case 'period':
        if (this.doc.period) this.error(range, "the period is set twice: keep one 'period' line", [{ range: this.doc.period.range, message: 'first period' }]);
        else if (s.label && s.start && s.end) this.doc.period = { label: s.label, start: s.start, end: s.end, range };
        return;
      case 'text': return this.text(s, range);
      case 'task': {
        const owner = this.kr ?? this.objective;
        if (!owner) return this.error(range, 'a task must come under an objective or a kr');
        owner.tasks.push({ text: s.text, done: s.done, range, textRange: this.at(s.textSpan) });
        return this.extend(range);
      }
      case 'baseline': {
        const kr = this.needKr('baseline', range);
        if (!kr || !s.value) return;
        if (kr.baseline) return this.error(range, 'the baseline is set twice for this kr', [{ range: kr.baseline.range, message: 'first baseline' }]);
        kr.baseline = { value: this.quantity(s.value), range };
        if (s.date) kr.baseline.date = this.date(s.date);
        return this.extend(range);
      }
      case 'target': {
        const kr = this.needKr('target', range);
        if (!kr || (!s.done && !s.value)) return;
        if (kr.target) return this.error(range, 'the target is set twice for this kr', [{ range: kr.target.range, message: 'first target' }]);
        const target: Target = { range };
        if (s.value) target.value = this.quantity(s.value);
        if (s.done) target.done = true;
        if (s.comparator) target.comparator = s.comparator;
        if (s.date) target.date = this.date(s.date);
        kr.target = target;
        return this.extend(range);
      }
      case 'weight': {
        const kr = this.needKr('weight', range);
        if (!kr || s.weight === undefined) return;
        if (kr.weight) return this.error(range, 'the weight is set twice for this kr', [{ range: kr.weight.range, message: 'first weight' }]);
        kr.weight = { value: s.weight, range };
        return this.extend(range);
      }
      case 'score': {
        const kr = this.needKr('score', range);
        if (!kr) return;
        if (kr.score) return this.error(range, 'the score is set twice for this kr', [{ range: kr.score.range, message: 'first score' }]);
        kr.score = { value: s.score, range };
        if (s.note !== undefined) kr.score.note = s.note;
        return this.extend(range);
      }
      case 'checkin': {
        const kr = this.needKr('checkin', range);
        if (!kr || !s.date || (!s.done && !s.value)) return;
        // Plain assignments rather than conditional spreads: this runs for every check-in on every keystroke.
        const checkin: CheckIn = { date: this.date(s.date), range };
        if (s.value) checkin.value = this.quantity(s.value);
        if (s.done) checkin.done = true;
        if (s.status) checkin.status = s.status;
        if (s.note !== undefined) checkin.note = s.note;
        kr.checkins.push(checkin);
        return this.extend(range);
      }
      case 'unknown':
        return;
    }
  }

  private text(s: Extract<LineStatement, { kind: 'text' }>, range: Range): void {
    const textRange = this.at(s.textSpan);
    const { text, keyword } = s;
    switch (keyword) {
      case 'team':
        if (this.doc.team) this.error(range, "the team is set twice: keep one 'team' line", [{ range: this.doc.team.range, message: 'first team' }]);
        else this.doc.team = { text, range };
        return;
      case 'objective': {
        const objective: Objective = { title: text, range, titleRange: textRange, blockRange: { ...range }, keyResults: [], tasks: [] };
        this.doc.objectives.push(objective);
        this.objective = objective;
        this.kr = undefined;
        return;
      }
      case 'why': {
        const objective = this.needObjective(keyword, range);
        if (!objective) return;
        objective.why = objective.why
          ? { text: `${objective.why.text} ${text}`.trim(), range: spanRange(objective.why.range, range) }
          : { text, range };
        return this.extend(range);
      }
      case 'owner': {
        const objective = this.needObjective(keyword, range);
        if (!objective) return;
        if (objective.owner) this.error(range, 'the owner is set twice for this objective', [{ range: objective.owner.range, message: 'first owner' }]);
        else objective.owner = { text, range };
        return this.extend(range);
      }
      case 'id':
      case 'aligns': {
        // Like a task: under the KR above, or the objective before its first KR.
        const owner = this.kr ?? this.objective;
        if (!owner) return this.error(range, `'${keyword}' must come under an objective or a kr`);
        if (!text) return;
        const ref: SlugRef = { slug: text, range: textRange, lineRange: range };
        if (keyword === 'aligns') (owner.aligns ??= []).push(ref);
        else if (owner.id) return this.error(range, `the id is set twice for this ${this.kr ? 'kr' : 'objective'}`, [{ range: owner.id.range, message: 'first id' }]);
        else owner.id = ref;
        return this.extend(range);
      }
      case 'kr': {
        const objective = this.needObjective(keyword, range, 'a kr must come after an objective it measures');
        if (!objective) return;
        const kr = {
          text, range, textRange, blockRange: { ...range }, sentence: cachedSentenceFacts(text, textRange.start), checkins: [], tasks: [],
        } as Omit<KeyResult, 'reading'> as KeyResult;
        // The reading is derived from the text: kept off the model's JSON (which stays the size it was).
        Object.defineProperty(kr, 'reading', { value: readKr(text), enumerable: false });
        this.checkSentenceDates(kr);
        objective.keyResults.push(kr);
        this.kr = kr;
        return this.extend(range);
      }
    }
  }

  /** "by 2026-02-30" inside the KR sentence is as wrong as on a target line: an error with its range, and no date. */
  private checkSentenceDates(kr: KeyResult): void {
    for (const date of kr.sentence.invalidDates ?? []) this.error(date.range, `${date.iso} is not a date on the calendar`);
  }

  private needObjective(word: string, range: Range, message?: string): Objective | undefined {
    if (!this.objective) this.error(range, message ?? `'${word}' must come under an objective`);
    return this.objective;
  }

  private needKr(word: string, range: Range): KeyResult | undefined {
    if (!this.kr) this.error(range, `'${word}' must come under a kr`);
    return this.kr;
  }

  /** Grows the current objective's and KR's block to include a child line (each block range is its own object). */
  private extend(range: Range): void {
    if (this.objective) this.objective.blockRange.end = range.end;
    if (this.kr) this.kr.blockRange.end = range.end;
  }

  private quantity(v: LineValue): Quantity {
    return { amount: v.amount, unit: v.unit, raw: v.raw, range: this.at(v.span) };
  }

  private date(d: LineDate): DateValue {
    return { iso: d.iso, range: this.at(d.span) };
  }
}

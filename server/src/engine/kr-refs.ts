// KRs as rules and fixes find them: where each KR is, its sentence reading, the effective
// baseline and target. Rules and fixes both import this; neither imports the other through it.
import type { Diagnostic, KeyResult, Objective, OkrDocument, Quantity, Range } from './model/types';
import type { KrReading, Span } from './sentence';

/** The sentence reading of a KR, made once by the parser. */
export function readingOf(kr: KeyResult): KrReading {
  return kr.reading;
}

export interface KrRef {
  objective: Objective;
  objectiveIndex: number;
  kr: KeyResult;
  krIndex: number;
}

export function* allKrs(doc: OkrDocument): Generator<KrRef> {
  for (let o = 0; o < doc.objectives.length; o++) {
    const objective = doc.objectives[o];
    for (let k = 0; k < objective.keyResults.length; k++) {
      yield { objective, objectiveIndex: o, kr: objective.keyResults[k], krIndex: k };
    }
  }
}

/** Data every KR finding carries so that its fixes can find the KR again. */
export interface KrFindingData {
  objective: number;
  kr: number;
}

export function krData(ref: KrRef, extra: Record<string, unknown> = {}): KrFindingData & Record<string, unknown> {
  return { objective: ref.objectiveIndex, kr: ref.krIndex, ...extra };
}

/** The KR a diagnostic is about: from its data, else the KR whose block holds its start. */
export function krOf(doc: OkrDocument, diagnostic: Diagnostic): KrRef | undefined {
  const data = diagnostic.data as Partial<KrFindingData> | undefined;
  if (data && typeof data.objective === 'number' && typeof data.kr === 'number') {
    const objective = doc.objectives[data.objective];
    const kr = objective?.keyResults[data.kr];
    const line = diagnostic.range.start.line;
    // Data from an older version of the text may point at another KR: trust it only if the lines agree.
    if (objective && kr && line >= kr.blockRange.start.line && line <= kr.blockRange.end.line) {
      return { objective, objectiveIndex: data.objective, kr, krIndex: data.kr };
    }
  }
  const line = diagnostic.range.start.line;
  for (const ref of allKrs(doc)) {
    if (line >= ref.kr.blockRange.start.line && line <= ref.kr.blockRange.end.line) return ref;
  }
  return undefined;
}

/** Range of a span of the KR sentence in the document. */
export function sentenceRange(kr: KeyResult, span: Span | undefined): Range {
  if (!span) return kr.textRange;
  const line = kr.textRange.start.line;
  const origin = kr.textRange.start.character;
  return { start: { line, character: origin + span.start }, end: { line, character: origin + span.end } };
}

export function effectiveBaseline(kr: KeyResult): Quantity | undefined {
  return kr.baseline?.value ?? kr.sentence.from;
}

/** The target the file states (a `target` line with a value, or the sentence's `to`), never an implied one. */
export function statedTarget(kr: KeyResult): Quantity | undefined {
  return kr.target?.value ?? kr.sentence.to;
}

export function isThresholdOrMilestone(kr: KeyResult): boolean {
  return !!kr.target?.comparator || !!kr.target?.done;
}

/** A relative change in the sentence: `by 50%` or `10% faster`. */
export function relativeChange(kr: KeyResult): { raw: string; range: Range } | undefined {
  if (kr.sentence.by) return { raw: kr.sentence.by.raw, range: kr.sentence.by.range };
  const reading = readingOf(kr);
  if (reading.relative) {
    // "10 days faster" reads better whole than as "10".
    const end = reading.comparative?.end ?? reading.relative.end;
    const span = { text: kr.text.slice(reading.relative.start, end), start: reading.relative.start, end };
    return { raw: span.text, range: sentenceRange(kr, span) };
  }
  if (reading.multiplier) return { raw: reading.multiplier.text, range: sentenceRange(kr, reading.multiplier) };
  return undefined;
}

/** The KR has numbers on its own lines: a person measured it, whatever the sentence says. */
export function hasMeasuredLines(kr: KeyResult): boolean {
  return !!kr.baseline || !!kr.target?.value || kr.checkins.some((c) => c.value);
}

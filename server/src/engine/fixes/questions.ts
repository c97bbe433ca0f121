// The questions a fix asks a person: examples in the KR's own unit (never one KR's dollars on
// every KR), a real default only where there is one, and a pick where a sentence reads two ways.
import { addDays, isValidIsoDate } from '../dates';
import type { KeyResult, OkrDocument, Quantity } from '../model/types';
import type { FixInput } from '../rules/types';
import { formatQuantityLike } from '../values';

/** A value as a `baseline` or `target` line takes it: `$24M`, `85%`, `45 days`, `40` (a unit word only after a plain number). */
export const VALUE_PATTERN = String.raw`^\s*[-+]?(?:[$€£¥]\d[\d,]*(?:\.\d+)?[kKmMbB]?|\d[\d,]*(?:\.\d+)?[kKmMbB]?%|\d[\d,]*(?:\.\d+)?[kKmMbB]?(?:\s+[A-Za-z][A-Za-z-]*)?)\s*$`;
export const DATE_PATTERN = String.raw`^\s*\d{4}-\d{2}-\d{2}\s*$`;

const GENERIC = 'a number with its unit, such as 62%, $1.2M or 45 days';
const SHARE_WORDS = /\b(rate|rates|share|percentage|proportion|ratio)\b/i;

/** An example value in the KR's own unit, when the KR says what its unit is. */
export function valueExample(kr: KeyResult, preferred?: Quantity): string | undefined {
  const valid = new RegExp(VALUE_PATTERN);
  for (const q of [preferred, kr.target?.value, kr.baseline?.value, kr.sentence.to, kr.sentence.from]) {
    if (q && valid.test(q.raw)) return q.raw;
  }
  const by = kr.sentence.by;
  if (by && by.unit && by.unit !== '%' && valid.test(by.raw)) return by.raw;
  if (SHARE_WORDS.test(kr.text)) return '62%';
  return undefined;
}

/** A question whose answer is a value (`baseline`, `target`), with an example in the KR's unit. */
export function valueQuestion(name: string, prompt: string, kr: KeyResult, preferred?: Quantity): FixInput {
  const example = valueExample(kr, preferred);
  return { name, prompt, placeholder: example ? `like ${example}` : GENERIC, pattern: VALUE_PATTERN };
}

/**
 * The baseline date: the day before the period starts is the usual answer, so it is prefilled,
 * and the prompt says so (a date before the period is not a slip). Prompts never end with their
 * own parentheses: VS Code puts "(Press 'Enter' …)" after them.
 */
export function baselineDateQuestion(doc: OkrDocument, prompt = 'On what date was the baseline measured? YYYY-MM-DD.'): FixInput {
  const start = doc.period?.start;
  const value = start && isValidIsoDate(start) ? addDays(start, -1) : undefined;
  const said = value ? `${prompt} Filled in: ${value}, the day before the period starts; change it if you measured later.` : prompt;
  return { name: 'baselineDate', prompt: said, placeholder: 'YYYY-MM-DD', pattern: DATE_PATTERN, ...(value ? { value } : {}) };
}

/** The target date, for a KR whose sentence has none: the period's end is prefilled. */
export function targetDateQuestion(doc: OkrDocument): FixInput {
  const end = doc.period?.end;
  const value = end && isValidIsoDate(end) ? end : undefined;
  const prompt = `By what date should it get there? YYYY-MM-DD.${value ? ` Filled in: ${value}, the end of the period.` : ''}`;
  return { name: 'targetDate', prompt, placeholder: 'YYYY-MM-DD', pattern: DATE_PATTERN, ...(value ? { value } : {}) };
}

/**
 * "by 15%" on a percentage baseline: points or percent of the baseline? With the baseline known
 * the choices show both targets; asked only when a baseline answer is a percentage.
 */
export function percentMeaningQuestion(byRaw: string, targets?: { points: Quantity; percent: Quantity; baseline: Quantity }, askIfBaselineAnswer = false): FixInput {
  const points = byRaw.replace('%', ' percentage points');
  const percent = `${byRaw} of the baseline`;
  const to = (q: Quantity | undefined, baseline: Quantity | undefined) => (q && baseline ? ` (${baseline.raw} → ${formatQuantityLike(q.amount, baseline)})` : '');
  return {
    name: 'meaning',
    prompt: `Does "${byRaw}" mean percentage points or percent of the baseline?`,
    choices: [
      { value: 'points', label: `${points}${to(targets?.points, targets?.baseline)}` },
      { value: 'percent', label: `${percent}${to(targets?.percent, targets?.baseline)}` },
    ],
    ...(askIfBaselineAnswer ? { askIf: { name: 'baseline', pattern: String.raw`%\s*$` } } : {}),
  };
}

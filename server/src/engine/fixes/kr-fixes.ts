// Fixes that rewrite a KR: convert it to a task, split it into a KR and a task, and the
// explicit rewrite ("Reduce AR>60 days by 50%" → "Reduce total dollars invoiced 60+ days past
// due from $24M to $12M by 2026-08-30" with baseline and target lines).
import type { Diagnostic, KeyResult, Quantity } from '../model/types';
import { currencyAdjective, currencyWord, lookupAbbreviation } from '../glossary';
import { isValidIsoDate } from '../dates';
import { effectiveBaseline, krOf, readingOf, type KrRef } from '../kr-refs';
import type { Fix, RuleContext, TextEdit } from './types';
import { formatQuantityLike, makeQuantity, sameUnit } from '../values';
import { impliedTarget, percentOfPercent, type PercentMeaning } from '../progress/implied-target';
import { baselineDateQuestion, percentMeaningQuestion, VALUE_PATTERN, valueQuestion } from './questions';
import { indentOf, indentStep, insertLinesAfter, lineBreakOf, replaceRange } from './edits';

/** "Convert to task": the `kr` keyword becomes `task`, under the KR before it or the objective. */
export function convertToTask(ctx: RuleContext, ref: KrRef): Fix | undefined {
  const { kr } = ref;
  // A KR with numbers of its own would lose their meaning as a task: leave it to a person.
  if (kr.baseline || kr.target || kr.checkins.length || kr.weight) return undefined;
  const line = kr.range.start.line;
  // Any other child line (even a broken one) would lose its KR: only tasks, comments and blanks may follow.
  for (let l = line + 1; l < ctx.lines.length; l++) {
    const text = ctx.lines[l];
    // Only a new KR or objective ends this KR's lines (a stray `period` line in between does not).
    if (/^\s*(kr|objective)\b/i.test(text)) break;
    if (!/^\s*(task\b|#|$)/i.test(text)) return undefined;
  }
  const m = /^([ \t]*)kr\b/.exec(ctx.lines[line] ?? '');
  if (!m) return undefined;
  // In a batch, a KR that becomes a task too is no home for this one: go to the nearest KR that stays.
  let previousIndex = ref.krIndex - 1;
  while (previousIndex >= 0 && ctx.becomingTasks?.has(ref.objective.keyResults[previousIndex])) previousIndex--;
  const previous = previousIndex >= 0 ? ref.objective.keyResults[previousIndex] : undefined;
  const indent = previous ? indentOf(ctx.lines[previous.range.start.line]) + indentStep(ctx.lines) : m[1];
  const where = previous ? `under the KR '${shorten(previous.text)}'` : 'of the objective';
  return {
    title: `Convert to task (${where})`,
    dependsOnNeighbours: true,
    edits: [replaceRange({ start: { line, character: 0 }, end: { line, character: m[0].length } }, `${indent}task`)],
  };
}

/**
 * "Keep it as a task under a KR for its outcome": the person names the outcome the deliverable
 * should move (a KR sentence); the KR line takes it and the deliverable becomes its first task.
 */
export function taskUnderOutcomeKr(ctx: RuleContext, ref: KrRef, answers?: Record<string, string>): Fix | undefined {
  const { kr } = ref;
  // The KR's own numbers would then describe the new outcome: leave such a KR to a person.
  if (kr.baseline || kr.target || kr.checkins.length) return undefined;
  const title = `Keep '${shorten(kr.text)}' as a task under a KR for the outcome it should move`;
  const inputTitle = 'Keep as a Task Under an Outcome KR';
  const outcome = answers?.outcome?.replace(/[\r\n]+/g, ' ').trim();
  if (!outcome) {
    return {
      title, inputTitle, edits: [], needsInput: [{
        name: 'outcome',
        prompt: `What should change once '${shorten(kr.text)}' is done? Write it as a KR, from a baseline to a target.`,
        placeholder: 'Increase weekly active teams from 40 to 60',
        warn: 'outcome-kr',
      }],
    };
  }
  const indent = indentOf(ctx.lines[kr.range.start.line]) + indentStep(ctx.lines);
  return {
    title,
    inputTitle,
    edits: [
      replaceRange(kr.textRange, outcome),
      insertLinesAfter(ctx.lines, kr.range.start.line, [`${indent}task ${kr.text}`], lineBreakOf(ctx.text)),
    ],
  };
}

/** "Split into KR and task": the outcome stays a KR, the activity becomes its task. */
export function splitIntoKrAndTask(ctx: RuleContext, ref: KrRef, split: { kr: string; task: string }): Fix {
  const { kr } = ref;
  const indent = indentOf(ctx.lines[kr.range.start.line]) + indentStep(ctx.lines);
  return {
    title: `Split into KR and task: 'kr ${shorten(split.kr)}' + 'task ${shorten(split.task)}'`,
    isPreferred: true,
    edits: [
      replaceRange(kr.textRange, split.kr),
      insertLinesAfter(ctx.lines, kr.blockRange.end.line, [`${indent}task ${split.task}`], lineBreakOf(ctx.text)),
    ],
  };
}

export { VALUE_PATTERN } from './questions';

/** Reads a value typed by a person: `$24M`, `45 days`, `40`. */
export function parseAnswerQuantity(answer: string): Quantity | undefined {
  if (!new RegExp(VALUE_PATTERN).test(answer)) return undefined;
  const m = /^\s*(\S+)(?:\s+([A-Za-z][A-Za-z-]*))?\s*$/.exec(answer);
  if (!m) return undefined;
  const raw = answer.trim();
  return makeQuantity(m[1], m[2], raw, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
}

/**
 * The explicit rewrite: says what is counted (from the glossary, in the baseline's unit), turns
 * `by N%` into `from X to Y`, and adds the baseline and target lines. Without a baseline it asks
 * for one (`needsInput`); given `answers`, it computes the rest.
 */
export function explicitRewrite(ctx: RuleContext, ref: KrRef, answers?: Record<string, string>): Fix | undefined {
  const { kr } = ref;
  let baseline = effectiveBaseline(kr);
  let baselineDate = kr.baseline?.date?.iso;
  const fromAnswers = !baseline;
  const byRaw = kr.sentence.by?.raw ?? readingOf(kr).relative?.text ?? '';
  if (!baseline) {
    const value = answers?.baseline !== undefined ? parseAnswerQuantity(answers.baseline) : undefined;
    const date = answers?.baselineDate?.trim();
    const undecided = value && percentOfPercent(kr, value) && !kr.target?.value && !kr.sentence.to && !isMeaning(answers?.meaning);
    if (!value || !date || !isValidIsoDate(date) || undecided) {
      const inputs = [
        valueQuestion('baseline', 'Where does the metric stand now (the baseline)?', kr),
        baselineDateQuestion(ctx.doc),
        // Only for a percentage baseline: "by 15%" on 62% is 77% or 71.3%.
        ...(kr.sentence.by?.unit === '%' || readingOf(kr).relative?.text.endsWith('%') ? [percentMeaningQuestion(byRaw, undefined, true)] : []),
      ];
      return { title: 'Add a baseline and write the KR from baseline to target', inputTitle: 'Add a Baseline', edits: [], needsInput: inputs };
    }
    baseline = value;
    baselineDate = date;
  } else if (percentOfPercent(kr, baseline) && !kr.target?.value && !kr.sentence.to && !isMeaning(answers?.meaning)) {
    // A guess either way would write a target nobody set: ask.
    const points = impliedTarget(kr, baseline, 'points');
    const percent = impliedTarget(kr, baseline, 'percent');
    if (points && percent) {
      return { title: 'Rewrite as explicit KR: percentage points or percent?', edits: [], needsInput: [percentMeaningQuestion(byRaw, { points, percent, baseline })] };
    }
  }

  const meaning = isMeaning(answers?.meaning) ? answers.meaning : 'percent';
  const target = kr.target?.value ?? kr.sentence.to ?? impliedTarget(kr, baseline, meaning);
  // A target in another unit than the baseline (80% against $24M) cannot be written in the baseline's terms.
  if (target?.unit && baseline.unit && !sameUnit(target.unit, baseline.unit)) return undefined;
  const replacements: { start: number; end: number; text: string }[] = [];

  const metric = explicitMetric(kr, baseline);
  if (metric) replacements.push(metric);

  const relative = relativeInSentence(kr);
  if (relative && target && !kr.sentence.to) {
    const from = kr.sentence.from ? '' : `from ${baseline.raw} `;
    replacements.push({ start: relative.start, end: relative.end, text: `${from}to ${formatQuantityLike(target.amount, baseline)}` });
  } else if (kr.sentence.to && !kr.sentence.from) {
    // "… to $12M" says where to, not where from: the rewrite writes both, as its title says.
    const at = beforeTo(kr);
    if (at !== undefined) replacements.push({ start: at, end: at, text: `from ${baseline.raw} ` });
  }
  if (!replacements.length && !fromAnswers && (kr.target || !target)) return undefined;

  replacements.sort((a, b) => b.start - a.start);
  let sentence = kr.text;
  for (const r of replacements) sentence = sentence.slice(0, r.start) + r.text + sentence.slice(r.end);

  const edits: TextEdit[] = [];
  if (sentence !== kr.text) edits.push(replaceRange(kr.textRange, sentence));
  const indent = kr.baseline ? indentOf(ctx.lines[kr.baseline.range.start.line]) : indentOf(ctx.lines[kr.range.start.line]) + indentStep(ctx.lines);
  const newLines: string[] = [];
  if (fromAnswers) newLines.push(`${indent}baseline ${baseline.raw}${baselineDate ? ` on ${baselineDate}` : ''}`);
  if (!kr.target && target) {
    const date = sentenceDate(kr);
    newLines.push(`${indent}target ${formatQuantityLike(target.amount, baseline)}${date ? ` by ${date}` : ''}`);
  }
  if (newLines.length) {
    const after = kr.baseline ? kr.baseline.range.end.line : kr.range.start.line;
    edits.push(insertLinesAfter(ctx.lines, after, newLines, lineBreakOf(ctx.text)));
  }
  if (!edits.length) return undefined;
  const adjective = currencyAdjective(baseline.unit);
  const span = target ? ` (from ${baseline.raw} to ${formatQuantityLike(target.amount, baseline)})` : '';
  return {
    title: adjective ? `Rewrite as explicit ${adjective} KR${span}` : `Rewrite as explicit KR${span}`,
    isPreferred: true,
    edits,
  };
}

/** Offset (in the KR text) of the "to" before the sentence's `to` value. */
function beforeTo(kr: KeyResult): number | undefined {
  const to = kr.sentence.to;
  if (!to) return undefined;
  const start = to.range.start.character - kr.textRange.start.character;
  const word = /\bto\s+$/i.exec(kr.text.slice(0, start));
  return word ? word.index : undefined;
}

function isMeaning(answer: string | undefined): answer is PercentMeaning {
  return answer === 'points' || answer === 'percent';
}

/** Offsets (in the KR text) of "by 50%", the relative change to replace. */
function relativeInSentence(kr: KeyResult): { start: number; end: number } | undefined {
  const by = kr.sentence.by;
  if (!by) return undefined;
  const origin = kr.textRange.start.character;
  const end = by.range.end.character - origin;
  const start = by.range.start.character - origin;
  const before = /\bby\s+$/i.exec(kr.text.slice(0, start));
  return before ? { start: before.index, end } : undefined;
}

/** "AR>60 days" with a baseline in dollars → "total dollars invoiced 60+ days past due". */
function explicitMetric(kr: KeyResult, baseline: Quantity): { start: number; end: number; text: string } | undefined {
  const reading = readingOf(kr);
  const ambiguous = reading.ambiguous;
  if (!ambiguous?.abbreviation) return undefined;
  const entry = lookupAbbreviation(ambiguous.abbreviation);
  if (!entry || entry.kind !== 'stock') return undefined;
  const money = currencyWord(baseline.unit);
  const phrase = money ? entry.moneyPhrase?.replace('{money}', money) : baseline.unit === '%' ? undefined : entry.countPhrase;
  if (!phrase) return undefined;
  const rest = ambiguous.span.text.slice(ambiguous.span.text.toUpperCase().indexOf(entry.abbreviation.toUpperCase()) + entry.abbreviation.length);
  const aging = /^\s*(?:>=?|over|past|above|older than|aged)\s*(\d+)\s*\+?\s*(days?)?/i.exec(rest);
  const qualifier = aging ? ` ${aging[1]}+ days past due` : rest.trim() ? ` ${rest.trim()}` : '';
  return { start: ambiguous.span.start, end: ambiguous.span.end, text: phrase + qualifier };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The sentence's date when it is a real calendar date (a broken one stays out of new lines). */
export function sentenceDate(kr: KeyResult): string | undefined {
  const iso = kr.sentence.date?.iso;
  return iso && isValidIsoDate(iso) ? iso : undefined;
}

/** The fixes of a rule whose only way out is the explicit from-to rewrite. */
export const explicitRewriteFixes = (ctx: RuleContext, diagnostic: Diagnostic, answers?: Record<string, string>): Fix[] => {
  const ref = krOf(ctx.doc, diagnostic);
  if (!ref) return [];
  const fix = explicitRewrite(ctx, ref, answers);
  return fix ? [fix] : [];
};

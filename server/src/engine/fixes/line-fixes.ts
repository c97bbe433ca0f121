// Fixes that add a missing line (baseline, target, why) from a person's answer.
import type { KeyResult, Objective, Quantity } from '../model/types';
import { formatQuantityLike } from '../values';
import { isValidIsoDate } from '../dates';
import type { Fix, RuleContext } from './types';
import { indentOf, indentStep, insertLinesAfter, lineBreakOf } from './edits';
import { parseAnswerQuantity, sentenceDate } from './kr-fixes';
import { baselineDateQuestion, targetDateQuestion, VALUE_PATTERN, valueQuestion } from './questions';

/** A bare number answered for a KR measured in a unit takes that unit (40 → $40 when the target is $100). */
function inUnitOf(value: Quantity, reference: Quantity | undefined): string {
  if (value.unit === '' && reference && reference.unit !== '') {
    const valid = new RegExp(VALUE_PATTERN);
    const formatted = formatQuantityLike(value.amount, reference);
    if (valid.test(formatted)) return formatted;
    // "0.00% dollars" as the example: keep the number with its sign, drop the stray word.
    const first = formatted.split(' ')[0];
    if (valid.test(first)) return first;
  }
  return value.raw;
}

function childIndent(ctx: RuleContext, kr: KeyResult): string {
  return indentOf(ctx.lines[kr.range.start.line]) + indentStep(ctx.lines);
}

export function addBaselineLine(ctx: RuleContext, kr: KeyResult, answers?: Record<string, string>): Fix {
  const value = answers?.baseline !== undefined ? parseAnswerQuantity(answers.baseline) : undefined;
  const date = answers?.baselineDate?.trim();
  const title = 'Add the baseline';
  if (!value || !date || !isValidIsoDate(date)) {
    return {
      title, edits: [], needsInput: [
        valueQuestion('baseline', 'Where does the metric stand now (the baseline)?', kr),
        baselineDateQuestion(ctx.doc, 'On what date was it measured? YYYY-MM-DD.'),
      ],
    };
  }
  const written = inUnitOf(value, kr.target?.value ?? kr.sentence.to);
  return { title, edits: [insertLinesAfter(ctx.lines, kr.range.start.line, [`${childIndent(ctx, kr)}baseline ${written} on ${date}`], lineBreakOf(ctx.text))] };
}

export function addTargetLine(ctx: RuleContext, kr: KeyResult, answers?: Record<string, string>): Fix {
  const value = answers?.target !== undefined ? parseAnswerQuantity(answers.target) : undefined;
  const title = 'Add the target';
  if (!value) {
    return { title, edits: [], needsInput: [valueQuestion('target', 'What value should the metric reach (the target)?', kr, kr.baseline?.value)] };
  }
  const date = sentenceDate(kr);
  const after = kr.baseline ? kr.baseline.range.end.line : kr.range.start.line;
  const indent = kr.baseline ? indentOf(ctx.lines[kr.baseline.range.start.line]) : childIndent(ctx, kr);
  const written = inUnitOf(value, kr.baseline?.value ?? kr.sentence.from);
  return { title, edits: [insertLinesAfter(ctx.lines, after, [`${indent}target ${written}${date ? ` by ${date}` : ''}`], lineBreakOf(ctx.text))] };
}

export function addWhyLine(ctx: RuleContext, objective: Objective, answers?: Record<string, string>): Fix {
  const why = answers?.why?.trim();
  const title = 'Add why this objective matters now';
  if (!why) return { title, edits: [], needsInput: [{ name: 'why', prompt: 'Why does this objective matter, and why now?', placeholder: 'what changes for customers or the business, and why this quarter' }] };
  const indent = indentOf(ctx.lines[objective.range.start.line]) + indentStep(ctx.lines);
  return { title, edits: [insertLinesAfter(ctx.lines, objective.range.start.line, [`${indent}why ${why.replace(/[\r\n]+/g, ' ')}`], lineBreakOf(ctx.text))] };
}

/** "Measure it": a baseline and a target line together, from a person's answers. */
export function addBaselineAndTarget(ctx: RuleContext, kr: KeyResult, answers?: Record<string, string>): Fix {
  const baseline = answers?.baseline !== undefined ? parseAnswerQuantity(answers.baseline) : undefined;
  const target = answers?.target !== undefined ? parseAnswerQuantity(answers.target) : undefined;
  const date = answers?.baselineDate?.trim();
  const title = 'Measure it: add a baseline and a target';
  // A target needs its date: the sentence's, else asked (the period's end prefilled).
  const sentenceDue = sentenceDate(kr);
  const askedDue = answers?.targetDate?.trim();
  const due = sentenceDue ?? (askedDue && isValidIsoDate(askedDue) ? askedDue : undefined);
  if (!baseline || !target || !date || !isValidIsoDate(date) || !due) {
    return {
      title, inputTitle: 'Measure It', edits: [], needsInput: [
        valueQuestion('baseline', 'What number shows where this stands today, the baseline?', kr),
        baselineDateQuestion(ctx.doc, 'On what date was it measured? YYYY-MM-DD.'),
        valueQuestion('target', 'What value should it reach, the target?', kr),
        ...(sentenceDue ? [] : [targetDateQuestion(ctx.doc)]),
      ],
    };
  }
  const targetText = inUnitOf(target, baseline);
  const baselineText = inUnitOf(baseline, target);
  const indent = childIndent(ctx, kr);
  return {
    title,
    inputTitle: 'Measure It',
    edits: [insertLinesAfter(ctx.lines, kr.range.start.line, [`${indent}baseline ${baselineText} on ${date}`, `${indent}target ${targetText} by ${due}`], lineBreakOf(ctx.text))],
  };
}

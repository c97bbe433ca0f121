// `OKR: Check In…`: where the new check-in line goes and what it says.
import { checkInDateProblem, checkInFacts, checkInStatement, checkInValueProblem } from '../../engine/checkin';
import { parseDocument } from '../../engine/parser';
import type { Position } from '../../engine/model/types';
import type { CheckInContextResult, CheckInEditParams, CheckInEditResult } from '../protocol';
import type { Analyzed } from '../state';
import { locate } from './locate';

export function checkInContext(state: Analyzed, position: Position): CheckInContextResult | null {
  const { kr } = locate(state.analysis, position.line);
  if (!kr) return null;
  const example = kr.current?.raw ?? kr.baseline?.raw ?? kr.target?.raw ?? null;
  const facts = checkInFacts(kr, state.analysis.doc.period);
  return { title: kr.kr.text, range: kr.kr.range, example, today: state.analysis.asOf, milestone: kr.kind === 'milestone', facts };
}

export function checkInEdit(state: Analyzed, params: CheckInEditParams, eolOf: (line: number) => string): CheckInEditResult {
  const { kr } = locate(state.analysis, params.position.line);
  if (!kr) return { error: 'Put the cursor on a key result (its kr line or the lines under it).' };
  const value = params.value.trim().replace(/\s+/g, ' ');
  const facts = checkInFacts(kr, state.analysis.doc.period);
  const valueProblem = checkInValueProblem(value, facts);
  if (valueProblem) return { error: valueProblem };
  const date = params.date === undefined ? state.analysis.asOf : String(params.date).trim();
  const dateProblem = checkInDateProblem(date, facts, state.analysis.asOf).error;
  if (dateProblem) return { error: dateProblem };
  const statement = checkInStatement(date, value, params.status ?? undefined, typeof params.note === 'string' ? params.note : undefined);
  if (typeof statement !== 'string') return statement;
  // Let the real parser judge the value.
  const probe = parseDocument(`objective o\nkr k\n${statement}\n`);
  const problem = probe.errors.find((e) => e.range.start.line === 2);
  if (problem) return { error: `'${value}' is not a value a check-in can carry: ${problem.message}` };

  const kr_ = kr.kr;
  const valueLines = [kr_.baseline?.range, kr_.target?.range, kr_.weight?.range, ...kr_.checkins.map((c) => c.range)].filter(Boolean);
  const after = valueLines.reduce((max, r) => Math.max(max, r!.end.line), kr_.range.start.line);
  const lineText = state.lines[after] ?? '';
  const lastCheckin = kr_.checkins[kr_.checkins.length - 1];
  const indentSource = lastCheckin ? state.lines[lastCheckin.range.start.line] : undefined;
  const indent = indentSource !== undefined
    ? /^[ \t]*/.exec(indentSource)![0]
    : /^[ \t]*/.exec(state.lines[kr_.range.start.line] ?? '')![0] + '  ';
  const eol = eolOf(after) || '\n';
  return {
    edit: { range: { start: { line: after, character: lineText.length }, end: { line: after, character: lineText.length } }, newText: `${eol}${indent}${statement}` },
    line: after + 1,
  };
}

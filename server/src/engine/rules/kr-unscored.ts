import { insertLinesAfter, indentOf, lineBreakOf } from '../fixes/edits';
import { formatScore } from '../progress/score';
import { exampleDoc } from './example';
import { allKrs, krData, krOf } from './helpers';
import type { Rule } from './types';

const kr = [
  '  kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30',
  '    baseline 52 days on 2026-04-01',
  '    checkin 2026-06-26 43 days on-track',
];

export const krUnscored: Rule = {
  id: 'kr-unscored',
  defaultSeverity: 'info',
  description: 'The period has ended and the KR has no score yet.',
  rationale:
    'At the end of a period each KR gets a grade from 0.0 to 1.0 (Google\'s practice, in re:Work and Doerr\'s "Measure What ' +
    'Matters"; 0.6–0.7 is a good result on an ambitious KR). Scoring closes the loop: the team sees what it learnt before ' +
    'it writes the next OKRs, and a grade written in the file stays beside the figures it came from.',
  howToFix: "Add a 'score 0.0–1.0 [\"note\"]' line under the KR; the quick fix writes the grade the figures suggest.",
  examples: [
    { bad: exampleDoc(...kr), good: exampleDoc(...kr, '    score 0.8 "Two big accounts paid early"'), asOf: '2026-07-03' },
  ],
  check(ctx, report) {
    const period = ctx.doc.period;
    if (!period || ctx.asOf <= period.end) return;
    for (const ref of allKrs(ctx.doc)) {
      if (ref.kr.score) continue;
      const progress = ctx.progress.objectives[ref.objectiveIndex]?.keyResults[ref.krIndex];
      const suggested = progress?.suggestedScore ?? null;
      const hint = suggested === null ? 'grade it from 0.0 to 1.0' : `the figures suggest ${formatScore(suggested)}`;
      report({
        message: `The period ended on ${period.end} and this KR has no score: ${hint} (a 'score' line under the KR).`,
        range: ref.kr.textRange,
        data: krData(ref, { suggested }),
      });
    }
  },
  fixes(ctx, diagnostic) {
    const ref = krOf(ctx.doc, diagnostic);
    if (!ref || ref.kr.score) return [];
    const suggested = ctx.progress.objectives[ref.objectiveIndex]?.keyResults[ref.krIndex]?.suggestedScore ?? null;
    if (suggested === null) return [];
    const lines = ctx.lines;
    const indent = `${indentOf(lines[ref.kr.range.start.line] ?? '')}  `;
    const edit = insertLinesAfter(lines, ref.kr.blockRange.end.line, [`${indent}score ${formatScore(suggested)}`], lineBreakOf(ctx.text));
    // A grade is the owner's call: offered in the editor, never written by `okr fix` (`okr close` writes them on purpose).
    return [{ title: `Score this KR ${formatScore(suggested)}, as its progress suggests`, isPreferred: true, edits: [edit], onRequestOnly: true }];
  },
};

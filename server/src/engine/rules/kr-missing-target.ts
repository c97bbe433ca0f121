import { addTargetLine } from '../fixes/line-fixes';
import { allKrs, effectiveBaseline, krData, krOf, readingOf, relativeChange, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krMissingTarget: Rule = {
  id: 'kr-missing-target',
  defaultSeverity: 'warning',
  description: 'The KR has a baseline but no target: where should the metric be at the end?',
  rationale:
    'A key result is a commitment to a number by a date (Doerr, Measure What Matters; Lamorte\'s "from X to Y"). A ' +
    'baseline without a target measures but does not commit, and progress cannot be computed.',
  howToFix: 'Add `target VALUE [by DATE]` under the KR or write "to Y" in the sentence; the quick fix asks for the value.',
  examples: [
    {
      bad: exampleDoc('  kr Increase monthly recurring revenue', '    baseline $80k on 2026-03-31'),
      good: exampleDoc('  kr Increase monthly recurring revenue', '    baseline $80k on 2026-03-31', '    target $100k by 2026-06-30'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      const baseline = effectiveBaseline(kr);
      if (!baseline || statedTarget(kr) || kr.target || relativeChange(kr) || readingOf(kr).shape === 'task') continue;
      report({
        message: `This KR has a baseline (${baseline.raw}) but no target: where should it be by the end? Add 'target VALUE by DATE' or write 'from ${baseline.raw} to Y'.`,
        range: kr.textRange,
        data: krData(ref),
      });
    }
  },
  fixes(ctx, diagnostic, answers) {
    const ref = krOf(ctx.doc, diagnostic);
    return ref ? [addTargetLine(ctx, ref.kr, answers)] : [];
  },
};

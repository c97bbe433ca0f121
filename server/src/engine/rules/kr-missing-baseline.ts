import { addBaselineLine } from '../fixes/line-fixes';
import { allKrs, effectiveBaseline, isThresholdOrMilestone, krData, krOf, readingOf, relativeChange, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krMissingBaseline: Rule = {
  id: 'kr-missing-baseline',
  defaultSeverity: 'warning',
  description: 'The KR has a target but no baseline: where does the metric stand today?',
  rationale:
    'A target alone hides how ambitious it is: going to 85% from 80% is not going to 85% from 40%. Lamorte and Niven ' +
    'write KRs "from X to Y"; progress is (current − baseline) / (target − baseline), the formula every OKR tool uses ' +
    '(Quantive, Perdoo, Lattice), so without a baseline there is no progress to show.',
  howToFix: 'Add `baseline VALUE on DATE` under the KR, or write "from X to Y" in the sentence. The quick fix asks for both.',
  examples: [
    {
      bad: exampleDoc('  kr Increase the share of invoices paid within 30 days to 85%'),
      good: exampleDoc('  kr Increase the share of invoices paid within 30 days to 85%', '    baseline 62% on 2026-03-31'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      if (effectiveBaseline(kr) || isThresholdOrMilestone(kr) || readingOf(kr).shape !== 'outcome' || relativeChange(kr)) continue;
      const target = statedTarget(kr);
      if (!target) continue;
      report({
        message: `This KR has a target (${target.raw}) but no baseline: where does it stand today? Add 'baseline VALUE on DATE' or write 'from X to ${target.raw}'.`,
        range: kr.textRange,
        data: krData(ref),
      });
    }
  },
  fixes(ctx, diagnostic, answers) {
    const ref = krOf(ctx.doc, diagnostic);
    return ref ? [addBaselineLine(ctx, ref.kr, answers)] : [];
  },
};

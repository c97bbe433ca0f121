import { explicitRewriteFixes } from '../fixes/kr-fixes';
import { allKrs, effectiveBaseline, krData, readingOf, relativeChange } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krRelativeWithoutBaseline: Rule = {
  id: 'kr-relative-without-baseline',
  defaultSeverity: 'warning',
  description: 'A relative change ("by 50%", "10 days faster") with no baseline to apply it to.',
  rationale:
    '"Reduce by 50%" means nothing until you know 50% of what: Ben Lamorte asks teams to "specify the baseline", and the ' +
    'AR workshop only became measurable once Mary said "we were at $24 million as of March 31". Without a ' +
    'baseline nobody can compute the target or the progress.',
  howToFix:
    'Add a `baseline VALUE on DATE` line (where the metric stands and when it was measured). The quick fix asks for the ' +
    'baseline and its date, then computes the target and writes the KR from baseline to target.',
  examples: [
    {
      bad: exampleDoc('  kr Increase NPS by 20% by 2026-06-30'),
      good: exampleDoc('  kr Increase NPS from 40 to 48 by 2026-06-30', '    baseline 40 on 2026-03-31', '    target 48 by 2026-06-30'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const reading = readingOf(ref.kr);
      if (reading.shape !== 'outcome' || effectiveBaseline(ref.kr)) continue;
      const relative = relativeChange(ref.kr);
      if (!relative) continue;
      report({
        message: `'${relative.raw}' is a relative change but this KR has no baseline: ${relative.raw} of what? Add a 'baseline VALUE on DATE' line so the target can be computed.`,
        range: relative.range,
        data: krData(ref),
      });
    }
  },
  fixes: explicitRewriteFixes,
};

import { allKrs, effectiveBaseline, isThresholdOrMilestone, krData, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';
import { sameUnit } from '../values';

export const krBaselineEqualsTarget: Rule = {
  id: 'kr-baseline-equals-target',
  defaultSeverity: 'warning',
  description: 'The target is the baseline: nothing is meant to change, and progress cannot be computed.',
  rationale:
    'Progress is (current − baseline) / (target − baseline); with equal values it is undefined (Cascade documents this ' +
    'as a modelling error, and OKR tools show it stuck at 0%: operately #4427). A KR that keeps a level is a health ' +
    'metric (Radical Focus) or a threshold KR.',
  howToFix: "Set the target you want to reach, or make it a threshold KR ('target >= 99.5%') if the level only has to hold.",
  examples: [
    {
      bad: exampleDoc('  kr Keep uptime of the payment portal at 99.5%', '    baseline 99.5% on 2026-03-31', '    target 99.5%'),
      good: exampleDoc('  kr Keep uptime of the payment portal at 99.5%', '    baseline 99.5% on 2026-03-31', '    target >= 99.5%'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      const baseline = effectiveBaseline(kr);
      const target = statedTarget(kr);
      if (!baseline || !target || isThresholdOrMilestone(kr)) continue;
      if (baseline.amount !== target.amount || !(baseline.unit === '' || target.unit === '' || sameUnit(baseline.unit, target.unit))) continue;
      report({
        message: `The target (${target.raw}) equals the baseline (${baseline.raw}): nothing is meant to change and progress cannot be computed. Set the value to reach, or use 'target >= ${target.raw}' if it only has to hold.`,
        range: target.range,
        data: krData(ref),
        related: [{ range: baseline.range, message: 'the baseline' }],
      });
    }
  },
};

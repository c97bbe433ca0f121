import { allKrs, effectiveBaseline, isThresholdOrMilestone, krData, readingOf, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krDirectionMismatch: Rule = {
  id: 'kr-direction-mismatch',
  defaultSeverity: 'error',
  description: 'The verb says one direction ("reduce") and the numbers the other (the target is above the baseline).',
  rationale:
    'Decreasing KRs are where OKR tools most often get progress wrong (steedos okr-management-app #17 and #18, akvo-rsr ' +
    '#4098): the direction comes from baseline to target. When the sentence says "reduce" but the target is higher, ' +
    'either the words or the numbers are wrong, and the progress shown will mislead.',
  howToFix: 'Check which is right: change the verb (reduce ↔ increase) or swap the baseline and target.',
  examples: [
    {
      bad: exampleDoc('  kr Reduce days sales outstanding from 40 to 52 days'),
      good: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      const reading = readingOf(kr);
      const baseline = effectiveBaseline(kr);
      const target = statedTarget(kr);
      if (!reading.direction || !baseline || !target || isThresholdOrMilestone(kr) || baseline.amount === target.amount) continue;
      const goesUp = target.amount > baseline.amount;
      if (goesUp === (reading.direction === 'increase')) continue;
      const verb = reading.verbs[0]?.text.toLowerCase() ?? reading.direction;
      report({
        message: `The KR says '${verb}' but its target (${target.raw}) is ${goesUp ? 'above' : 'below'} its baseline (${baseline.raw}). Fix the verb or the numbers.`,
        range: target.range,
        data: krData(ref),
        related: [{ range: baseline.range, message: 'the baseline' }],
      });
    }
  },
};

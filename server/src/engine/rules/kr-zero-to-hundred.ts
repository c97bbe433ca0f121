import { allKrs, effectiveBaseline, krData, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krZeroToHundred: Rule = {
  id: 'kr-zero-to-hundred',
  defaultSeverity: 'warning',
  description: 'A KR from 0% to 100% is usually an initiative being tracked as done / not done.',
  rationale:
    'Perdoo warns that a key result running from 0 to 100% is probably an initiative: it measures completion of work, ' +
    'not the outcome the work is for ("Train 90% of customers" in Tability\'s accounts-team examples is a task).',
  howToFix: 'Measure what the work changes (adoption, time saved, errors avoided) and keep the work as a task.',
  examples: [
    {
      bad: exampleDoc('  kr Roll out the online payment portal to customers from 0% to 100%'),
      good: exampleDoc('  kr Increase the share of invoices paid through the portal from 0% to 40%', '    task Roll out the online payment portal to customers'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const baseline = effectiveBaseline(ref.kr);
      const target = statedTarget(ref.kr);
      if (!baseline || !target || baseline.amount !== 0 || target.amount !== 100) continue;
      if (target.unit !== '%' && baseline.unit !== '%') continue;
      report({
        message: 'From 0% to 100% usually tracks the completion of an initiative, not an outcome: measure what it changes and keep the work as a task.',
        range: target.range,
        data: krData(ref),
      });
    }
  },
};

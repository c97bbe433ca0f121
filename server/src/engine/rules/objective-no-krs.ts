import { bareDoc } from './example';
import type { Rule } from './types';

export const objectiveNoKrs: Rule = {
  id: 'objective-no-krs',
  defaultSeverity: 'warning',
  description: 'The objective has no key results: nothing says when it is met.',
  rationale:
    'The key results are how you know the objective is achieved (Doerr; Wodtke). An objective alone is a wish; tasks ' +
    'under it are work, not evidence of the outcome.',
  howToFix: 'Add two to five measurable KRs: "kr <verb> <metric> from X to Y by DATE".',
  examples: [
    {
      bad: bareDoc('objective Get paid faster by our customers', '  why Late payments squeeze our cash this year'),
      good: bareDoc('objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days'),
    },
  ],
  check(ctx, report) {
    ctx.doc.objectives.forEach((objective, index) => {
      if (objective.keyResults.length) return;
      report({ message: "This objective has no key results: add measurable KRs ('kr Reduce X from A to B by DATE') that show when it is met.", range: objective.titleRange, data: { objective: index } });
    });
  },
};

import { exampleDoc } from './example';
import type { Rule } from './types';

const five = [
  '  kr Reduce days sales outstanding from 52 to 40 days',
  '  kr Increase the share of invoices paid on time from 70% to 90%',
  '  kr Reduce invoices disputed from 40 to 20',
  '  kr Increase card payments from 30% to 50% of invoices',
  '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M',
];

export const objectiveMaxKrs: Rule = {
  id: 'objective-max-krs',
  defaultSeverity: 'warning',
  description: 'The objective has more key results than the maximum (5 by default).',
  rationale:
    'John Doerr (Measure What Matters) advises at most five KRs per objective; Radical Focus uses three, Tability three ' +
    'to four. More KRs dilute focus: "communication with OKRs is negatively correlated to the number of OKRs" (Ben Lamorte).',
  howToFix: 'Keep the KRs that best show the objective is met; move the rest to tasks, health metrics or another cycle.',
  defaultOptions: { max: 5 },
  optionsDoc: { max: 'Most key results an objective may have (default 5).' },
  examples: [
    { bad: exampleDoc(...five, '  kr Reduce write-offs from $200k to $120k'), good: exampleDoc(...five) },
  ],
  check(ctx, report) {
    const max = typeof ctx.options.max === 'number' ? ctx.options.max : 5;
    ctx.doc.objectives.forEach((objective, index) => {
      const count = objective.keyResults.length;
      if (count <= max) return;
      report({
        message: `This objective has ${count} key results; keep at most ${max} so that people remember and act on them.`,
        range: objective.titleRange,
        data: { objective: index },
        related: objective.keyResults.slice(max).map((kr) => ({ range: kr.textRange, message: 'beyond the maximum' })),
      });
    });
  },
};

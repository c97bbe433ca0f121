import { bareDoc } from './example';
import type { Rule } from './types';

export const objectiveHasNumber: Rule = {
  id: 'objective-has-number',
  defaultSeverity: 'off',
  description: 'The objective contains a number (off by default; turn it on as "info").',
  rationale:
    'Objectives are qualitative and inspiring; the numbers belong in the key results (Lamorte; Doerr). Some teams do ' +
    'write "Close the books in 10 days" as an objective (a published finance OKR guide recommends it), so this rule is off unless you want it.',
  howToFix: 'Move the number into a key result and keep the objective as the qualitative why.',
  examples: [
    {
      bad: bareDoc('objective Grow revenue by 25%', '  why Cash for the next hires', '  kr Increase monthly recurring revenue from $80k to $100k'),
      good: bareDoc('objective Become the easy choice for small finance teams', '  why Cash for the next hires', '  kr Increase monthly recurring revenue from $80k to $100k'),
    },
  ],
  check(ctx, report) {
    ctx.doc.objectives.forEach((objective, index) => {
      const m = /\d/.exec(objective.title);
      if (!m) return;
      report({ message: 'This objective has a number: keep objectives qualitative and put the number in a key result.', range: objective.titleRange, data: { objective: index } });
    });
  },
};

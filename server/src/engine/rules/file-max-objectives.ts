import { bareDoc } from './example';
import type { Rule } from './types';

const objective = (n: number) => [`objective Objective number ${n}`, '  why It matters now', `  kr Increase metric ${n} from 10 to 20`];
const five = [1, 2, 3, 4, 5].flatMap(objective);

export const fileMaxObjectives: Rule = {
  id: 'file-max-objectives',
  defaultSeverity: 'warning',
  description: 'The file has more objectives than the maximum (5 by default).',
  rationale:
    'Three to five objectives per cycle at most (Doerr); one to three per team (Lamorte); Radical Focus sets one. ' +
    '"The fewer OKRs you have, the better the communication" (Ben Lamorte).',
  howToFix: 'Choose the objectives that matter most this cycle; park the others.',
  defaultOptions: { max: 5 },
  optionsDoc: { max: 'Most objectives a file may have (default 5).' },
  examples: [{ bad: bareDoc(...five, ...objective(6)), good: bareDoc(...five) }],
  check(ctx, report) {
    const max = typeof ctx.options.max === 'number' ? ctx.options.max : 5;
    const objectives = ctx.doc.objectives;
    if (objectives.length <= max) return;
    report({
      message: `This file has ${objectives.length} objectives; keep at most ${max} per cycle so that each gets attention. This is number ${max + 1}.`,
      range: objectives[max].titleRange,
      data: { objective: max },
    });
  },
};

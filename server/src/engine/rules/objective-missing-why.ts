import { addWhyLine } from '../fixes/line-fixes';
import { bareDoc } from './example';
import type { Rule } from './types';

export const objectiveMissingWhy: Rule = {
  id: 'objective-missing-why',
  defaultSeverity: 'warning',
  description: 'The objective does not say why it matters now.',
  rationale:
    'An objective is qualitative and says why it matters (Ben Lamorte, answering a reader of his Accounts Receivable OKR post: "consider adding an ' +
    'objective description that answers the question why"; Perdoo\'s objective form asks "why is it important?" and ' +
    '"why is it urgent?"). The why is what lets people choose between competing work.',
  howToFix: "Add a 'why' line under the objective: why it matters, and why now.",
  examples: [
    {
      bad: bareDoc('objective Get paid faster by our customers', '  kr Reduce days sales outstanding from 52 to 40 days'),
      good: bareDoc('objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days'),
    },
  ],
  check(ctx, report) {
    ctx.doc.objectives.forEach((objective, index) => {
      if (objective.why?.text.trim()) return;
      report({
        message: "This objective does not say why it matters: add a 'why' line (why it is important, and why now).",
        range: objective.titleRange,
        data: { objective: index },
      });
    });
  },
  fixes(ctx, diagnostic, answers) {
    // By line, not by the index in the data: the data may come from an older version of the text.
    const objective = ctx.doc.objectives.find((o) => o.titleRange.start.line === diagnostic.range.start.line);
    return objective ? [addWhyLine(ctx, objective, answers)] : [];
  },
};

import { readingOf } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const objectiveAllTasks: Rule = {
  id: 'objective-all-tasks',
  defaultSeverity: 'warning',
  description: 'Every key result of the objective is a task: the build trap.',
  rationale:
    'When every KR is something to do, the objective measures output, not outcome: "shifting your focus from projects ' +
    'to outcomes is key" (Tability); Wodtke: "doing a thing is not a KR". Melissa Perri calls this the build trap.',
  howToFix: 'Write at least one KR that measures what the work changes; keep the activities as tasks under it.',
  examples: [
    {
      bad: exampleDoc('  kr Implement automated payment reminders', '  kr Train staff on collection strategies'),
      good: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days', '    task Implement automated payment reminders', '    task Train staff on collection strategies'),
    },
  ],
  check(ctx, report) {
    ctx.doc.objectives.forEach((objective, index) => {
      const krs = objective.keyResults;
      if (!krs.length || !krs.every((kr) => readingOf(kr).shape === 'task')) return;
      report({
        message: `Every key result of this objective is a task (${krs.length === 1 ? 'its only KR' : `all ${krs.length}`}): add a KR that measures the outcome the work is for, and keep the work as tasks.`,
        range: objective.titleRange,
        data: { objective: index },
      });
    });
  },
};

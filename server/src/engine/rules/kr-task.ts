import { convertToTask, splitIntoKrAndTask, taskUnderOutcomeKr } from '../fixes/kr-fixes';
import { allKrs, endSentence, krData, krOf, readingOf, sentenceRange } from './helpers';
import { exampleDoc } from './example';
import type { Fix, Rule } from './types';

export const krTask: Rule = {
  id: 'kr-task',
  defaultSeverity: 'warning',
  description: 'The KR is an activity or a deliverable, not a measured outcome.',
  rationale:
    'Key results measure outcomes, not outputs: "doing a thing is not a KR" (Christina Wodtke, Radical Focus). ' +
    "Felipe Castro calls these activity-based KRs and asks for value-based ones instead (\"Develop 3 new landing pages\" → " +
    '"Increase lead conversion from X to Y"). The finance examples in our sources list "Implement automated invoice processing ' +
    'software" and "Train staff on collection strategies" as tasks that serve a KR, not as KRs.',
  howToFix:
    'Ask "what will be different when this is done?" and measure that, from a baseline to a target. Keep the activity ' +
    'as a `task` under that KR. When the sentence already names its outcome ("Implement X to increase Y by 15%"), ' +
    'the quick fix "Split into KR and task" does it for you; otherwise "Convert to task" moves it under the KR before it.',
  examples: [
    {
      bad: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days', '  kr Implement new inventory management software'),
      good: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days', '    task Implement new inventory management software'),
    },
    {
      bad: exampleDoc('  kr Implement an automated reminder system to increase on-time payments by 15%'),
      good: exampleDoc('  kr Increase on-time payments by 15%', '    task Implement an automated reminder system'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const reading = readingOf(ref.kr);
      if (!reading.task) continue;
      const split = reading.task.split;
      const kept = reading.task.pattern && !['own-output-change', 'output-count'].includes(reading.task.pattern) ? 'the deliverable' : 'the activity';
      const way = split
        ? `measure the outcome as the KR ('${split.kr}') and keep '${split.task}' as its task`
        : `say what it changes, from a baseline to a target, and keep ${kept} as a task under that KR`;
      const milestone = ref.kr.target?.done ? " Its 'target done' tracks delivery, not what the delivery changes." : '';
      report({
        message: `This KR is a task: it ${endSentence(reading.task.reason)}${milestone} ${capitalise(way)}.`,
        range: sentenceRange(ref.kr, reading.task.span),
        data: krData(ref, split ? { split } : {}),
      });
    }
  },
  fixes(ctx, diagnostic, answers) {
    const ref = krOf(ctx.doc, diagnostic);
    if (!ref) return [];
    const fixes: Fix[] = [];
    const split = readingOf(ref.kr).task?.split;
    if (split) fixes.push(splitIntoKrAndTask(ctx, ref, split));
    const convert = convertToTask(ctx, ref);
    if (convert) fixes.push(convert);
    const underOutcome = split ? undefined : taskUnderOutcomeKr(ctx, ref, answers);
    if (underOutcome) fixes.push(underOutcome);
    return fixes;
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

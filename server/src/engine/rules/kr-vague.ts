import { addBaselineAndTarget } from '../fixes/line-fixes';
import { allKrs, endSentence, hasMeasuredLines, krData, krOf, readingOf, sentenceRange } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krVague: Rule = {
  id: 'kr-vague',
  defaultSeverity: 'warning',
  description: 'The KR has nothing measurable: no number, no baseline, no target.',
  rationale:
    '"If it doesn\'t have a number, it\'s not a key result" (Marissa Mayer, quoted by John Doerr in Measure What Matters; ' +
    'Perdoo: "without a metric, it\'s not a Key Result"). Published examples such as "Control a budget" or "All budgets ' +
    'controlled with X% margin of error" leave nobody able to say at the end of the quarter whether they were met.',
  howToFix:
    'Name the metric and give it numbers: verb + what you measure + from baseline X to target Y + by date ' +
    '(Ben Lamorte\'s formula), e.g. "Increase customer satisfaction (CSAT) from 72% to 85% by 2026-06-30". ' +
    'Replace placeholders such as X% with the real figure. A `baseline` and `target` line also make it measurable.',
  examples: [
    { bad: exampleDoc('  kr Improve customer satisfaction'), good: exampleDoc('  kr Increase customer satisfaction (CSAT) from 72% to 85% by 2026-06-30') },
    { bad: exampleDoc('  kr All budgets controlled with X% margin of error'), good: exampleDoc('  kr Keep every budget within a 5% margin of error') },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const reading = readingOf(ref.kr);
      if (!reading.vague || hasMeasuredLines(ref.kr)) continue;
      report({
        message: `This KR is vague: it ${endSentence(reading.vague.reason)} Name what you measure and write it from a baseline to a target (or add 'baseline' and 'target' lines).`,
        range: sentenceRange(ref.kr, reading.vague.span),
        data: krData(ref),
      });
    }
  },
  fixes(ctx, diagnostic, answers) {
    const ref = krOf(ctx.doc, diagnostic);
    return ref && !ref.kr.baseline && !ref.kr.target ? [addBaselineAndTarget(ctx, ref.kr, answers)] : [];
  },
};

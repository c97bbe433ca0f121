import { allKrs, krData } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

const kr = ['  kr Reduce days sales outstanding from 52 to 40 days', '    baseline 52 days on 2026-04-01'];

export const checkinBeforeBaseline: Rule = {
  id: 'checkin-before-baseline',
  defaultSeverity: 'warning',
  description: 'A check-in is dated before the baseline was measured.',
  rationale:
    'Progress runs from the baseline (Quantive, Perdoo: (current − start) / (target − start)); a check-in before it ' +
    'belongs to another cycle or has a wrong date, and it distorts the progress line.',
  howToFix: 'Fix the check-in date, or the baseline date if the baseline was measured earlier.',
  examples: [
    { bad: exampleDoc(...kr, '    checkin 2026-03-20 50 days'), good: exampleDoc(...kr, '    checkin 2026-04-20 50 days'), asOf: '2026-05-01' },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const baselineDate = ref.kr.baseline?.date;
      if (!baselineDate) continue;
      for (const checkin of ref.kr.checkins) {
        if (checkin.date.iso >= baselineDate.iso) continue;
        report({
          message: `This check-in (${checkin.date.iso}) is before the baseline date (${baselineDate.iso}): fix one of the dates.`,
          range: checkin.date.range,
          data: krData(ref),
          related: [{ range: baselineDate.range, message: 'the baseline date' }],
        });
      }
    }
  },
};

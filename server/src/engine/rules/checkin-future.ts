import { allKrs, krData } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

const kr = ['  kr Reduce days sales outstanding from 52 to 40 days', '    baseline 52 days on 2026-04-01'];

export const checkinFuture: Rule = {
  id: 'checkin-future',
  defaultSeverity: 'warning',
  description: 'A check-in is dated after today.',
  rationale:
    'A check-in records where the metric stood on a day that has passed; a future date is a typo or a forecast, and it ' +
    'is left out of progress until that day comes, so the KR looks older than it is.',
  howToFix: 'Fix the date (often a wrong month or year).',
  examples: [
    { bad: exampleDoc(...kr, '    checkin 2026-05-20 50 days'), good: exampleDoc(...kr, '    checkin 2026-04-20 50 days'), asOf: '2026-05-01' },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      for (const checkin of ref.kr.checkins) {
        if (checkin.date.iso <= ctx.asOf) continue;
        report({ message: `This check-in is dated ${checkin.date.iso}, after today (${ctx.asOf}): fix the date.`, range: checkin.date.range, data: krData(ref) });
      }
    }
  },
};

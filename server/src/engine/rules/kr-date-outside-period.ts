import { allKrs, krData } from './helpers';
import { bareDoc } from './example';
import type { Rule } from './types';

export const krDateOutsidePeriod: Rule = {
  id: 'kr-date-outside-period',
  defaultSeverity: 'warning',
  description: "The KR's date falls outside the file's period.",
  rationale:
    'OKRs are set for a cycle (a quarter for most teams: Doerr, Wodtke) and graded at its end. A KR due after the period ' +
    'cannot be graded with it; one due before it is already over when the cycle starts.',
  howToFix: 'Move the date inside the period, or move the KR to the file of the period it belongs to.',
  examples: [
    {
      bad: bareDoc('objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days by 2026-09-30'),
      good: bareDoc('objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30'),
    },
  ],
  check(ctx, report) {
    const period = ctx.doc.period;
    if (!period) return;
    for (const ref of allKrs(ctx.doc)) {
      const dates = [ref.kr.sentence.date, ref.kr.target?.date].filter((d) => d !== undefined);
      for (const date of dates) {
        if (date.iso >= period.start && date.iso <= period.end) continue;
        report({
          message: `${date.iso} is outside the period ${period.label.includes(' to ') ? period.label : `${period.label} (${period.start} to ${period.end})`}: move the date inside it or the KR to its own period.`,
          range: date.range,
          data: krData(ref),
          related: [{ range: period.range, message: 'the period' }],
        });
        break;
      }
    }
  },
};

import { allKrs, krData, readingOf } from './helpers';
import type { Rule } from './types';

export const krMissingDate: Rule = {
  id: 'kr-missing-date',
  defaultSeverity: 'warning',
  description: 'Neither the KR, its target nor the file says by when.',
  rationale:
    'A KR is time-bound: verb + metric + from X to Y + by date (Lamorte; Doerr). Without a date or a period there is ' +
    'no expected progress, so nobody can tell whether it is on track.',
  howToFix: "Add 'by YYYY-MM-DD' to the KR or its target line, or a 'period' line (2026-Q2) at the top of the file.",
  examples: [
    {
      bad: ['objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days', ''].join('\n'),
      good: ['objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', '  kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30', ''].join('\n'),
    },
  ],
  check(ctx, report) {
    if (ctx.doc.period) return;
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      if (kr.sentence.date || kr.target?.date || readingOf(kr).shape === 'task') continue;
      report({
        message: "By when? This KR has no date and the file has no period: add 'by YYYY-MM-DD' to it or a 'period' line to the file.",
        range: kr.textRange,
        data: krData(ref),
      });
    }
  },
};

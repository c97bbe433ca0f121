import { dayNumber } from '../dates';
import { allKrs, krData, plural } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

const kr = ['  kr Reduce days sales outstanding from 52 to 40 days', '    baseline 52 days on 2026-04-01'];

export const checkinStale: Rule = {
  id: 'checkin-stale',
  defaultSeverity: 'warning',
  description: 'No check-in for more than 14 days inside the period (as of today).',
  rationale:
    'Quarterly OKRs are checked in weekly (Wodtke\'s Monday commitments, Radical Focus). A KR without fresh check-ins shows ' +
    'stale progress and problems surface too late to act on.',
  howToFix: "Add a 'checkin DATE VALUE [status]' line with where the metric stands today.",
  defaultOptions: { days: 14 },
  optionsDoc: { days: 'Days without a check-in after which a KR is stale (default 14).' },
  examples: [
    {
      bad: exampleDoc(...kr, '    checkin 2026-04-10 51 days on-track'),
      good: exampleDoc(...kr, '    checkin 2026-04-10 51 days on-track', '    checkin 2026-04-24 49 days on-track'),
      asOf: '2026-05-01',
    },
  ],
  check(ctx, report) {
    const period = ctx.doc.period;
    if (!period || ctx.asOf < period.start || ctx.asOf > period.end) return;
    const limit = typeof ctx.options.days === 'number' ? ctx.options.days : 14;
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      if (kr.checkins.some((c) => c.done)) continue;
      if (kr.target?.date && kr.target.date.iso < ctx.asOf) continue;
      // A KR with neither a baseline nor a check-in is still being drafted: kr-missing-baseline coaches it.
      if (!kr.baseline && kr.checkins.length === 0) continue;
      const past = kr.checkins.filter((c) => c.date.iso <= ctx.asOf);
      const last = past[past.length - 1]?.date.iso;
      const since = last ?? (kr.baseline?.date && kr.baseline.date.iso > period.start ? kr.baseline.date.iso : period.start);
      const days = dayNumber(ctx.asOf) - dayNumber(since);
      if (days <= limit) continue;
      const what = last ? `No check-in since ${last}` : `No check-in yet; the period started ${period.start}`;
      report({
        message: `${what} (${plural(days, 'day')} ago as of ${ctx.asOf}): check in at least every ${plural(limit, 'day')}.`,
        range: kr.textRange,
        data: krData(ref),
      });
    }
  },
};

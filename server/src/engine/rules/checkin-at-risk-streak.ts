import { krProgress } from '../progress';
import { DEFAULT_THRESHOLDS } from '../progress/types';
import { allKrs, krData } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

const kr = ['  kr Reduce days sales outstanding from 52 to 40 days', '    baseline 52 days on 2026-04-01', '    target 40 days by 2026-06-30'];

export const checkinAtRiskStreak: Rule = {
  id: 'checkin-at-risk-streak',
  defaultSeverity: 'warning',
  description: 'A third at-risk check-in in a row: make a call, back on track or off track.',
  rationale:
    'Tability suggests no more than two yellow statuses in a row: on the third, decide whether the KR is ' +
    'back on track or off track, and act on it. A KR that stays "at risk" for weeks hides a decision nobody made.',
  howToFix:
    'Decide: either say what changes so the KR is back on track, or mark it off-track and adjust the plan (scope, ' +
    'tasks, people). The status of a check-in is the owner\'s call when written, else the computed status at that date.',
  examples: [
    {
      bad: exampleDoc(...kr, '    checkin 2026-04-15 51 days at-risk', '    checkin 2026-04-22 50 days at-risk', '    checkin 2026-04-29 50 days at-risk'),
      good: exampleDoc(...kr, '    checkin 2026-04-15 51 days at-risk', '    checkin 2026-04-22 50 days at-risk', '    checkin 2026-04-29 47 days off-track "Escalated to the CFO"'),
      asOf: '2026-05-01',
    },
  ],
  check(ctx, report) {
    const thresholds = ctx.thresholds ?? DEFAULT_THRESHOLDS;
    for (const ref of allKrs(ctx.doc)) {
      let streak = 0;
      for (const checkin of ref.kr.checkins) {
        if (checkin.date.iso > ctx.asOf) break;
        const status = checkin.status ?? krProgress(ref.kr, ctx.doc, { asOf: checkin.date.iso, thresholds }).status;
        streak = status === 'at-risk' ? streak + 1 : 0;
        if (streak !== 3) continue;
        report({
          message: `Third at-risk check-in in a row (${checkin.date.iso}): make a call, back on track (say what changes) or off track.`,
          range: checkin.range,
          data: krData(ref),
        });
      }
    }
  },
};

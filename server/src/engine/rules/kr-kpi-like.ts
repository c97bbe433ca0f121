import { allKrs, effectiveBaseline, krData, readingOf, sentenceRange, statedTarget } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krKpiLike: Rule = {
  id: 'kr-kpi-like',
  defaultSeverity: 'info',
  description: 'The KR keeps a level ("maintain", "keep", "ensure zero"): business as usual, a health metric.',
  rationale:
    'KPIs measure how the business runs; OKRs are for what must change. The "Dear Andy" column of What Matters (Doerr\'s site): keep a ' +
    'KPI as a KR only while it has slipped and must change, then "demote it to a KPI". Google\'s OKR playbook calls ' +
    'business-as-usual KRs a trap; Radical Focus keeps them as health metrics beside the OKRs.',
  howToFix:
    'If the level has slipped, write the change ("Increase on-time contract submission from 70% to 95%"). If it only ' +
    'has to hold, make it a threshold KR (`target >= 99.5%`) or track it outside the OKRs as a health metric.',
  examples: [
    {
      bad: exampleDoc('  kr Maintain 99.5% uptime of the payment portal'),
      good: exampleDoc('  kr Maintain 99.5% uptime of the payment portal', '    baseline 97.2% on 2026-03-31', '    target 99.5% by 2026-06-30'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      const kpi = readingOf(kr).kpiLike;
      if (!kpi) continue;
      const baseline = effectiveBaseline(kr);
      const target = statedTarget(kr);
      // "Unless it must change": a real move from baseline to target is a fair KR.
      if (baseline && target && baseline.amount !== target.amount && !kr.target?.comparator) continue;
      // A threshold KR has already taken the advice below; it only needs the reminder that it is a health metric.
      const advice = kr.target?.comparator
        ? 'as a threshold KR it is a health metric: keep it among the KRs only if holding the line is this cycle\'s focus'
        : 'Keep it as a KR only if it must change (write from where to where); otherwise make it a threshold KR or a health metric';
      report({
        message: `This reads like a KPI (business as usual): ${kpi.reason}. ${advice.charAt(0).toUpperCase()}${advice.slice(1)}.`,
        range: sentenceRange(kr, kpi.span),
        data: krData(ref),
      });
    }
  },
};

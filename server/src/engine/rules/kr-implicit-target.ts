import { explicitRewriteFixes } from '../fixes/kr-fixes';
import { impliedTarget, percentOfPercent } from '../progress/implied-target';
import { allKrs, effectiveBaseline, krData, readingOf, relativeChange } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';
import { formatQuantityLike } from '../values';

export const krImplicitTarget: Rule = {
  id: 'kr-implicit-target',
  defaultSeverity: 'info',
  description: 'A relative change with a known baseline: say the target itself.',
  rationale:
    'The KR formula is verb + what you measure + from baseline X to target Y + by date (Lamorte; Niven; Lamorte\'s accounts-receivable ' +
    'rewrite "we were at $24 million as of March 31 and we want it to be down to $12 million by August 30"). A stated ' +
    'target is what people remember and check in against; "50%" makes everyone do the arithmetic.',
  howToFix: 'Write the KR from baseline to target and add a `target` line; the quick fix computes the target for you.',
  examples: [
    {
      bad: exampleDoc('  kr Increase NPS by 20% by 2026-06-30', '    baseline 40 on 2026-03-31'),
      good: exampleDoc('  kr Increase NPS from 40 to 48 by 2026-06-30', '    baseline 40 on 2026-03-31', '    target 48 by 2026-06-30'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const { kr } = ref;
      const baseline = effectiveBaseline(kr);
      if (!baseline || kr.target || kr.sentence.to || readingOf(kr).shape !== 'outcome') continue;
      const relative = relativeChange(kr);
      if (!relative) continue;
      const target = impliedTarget(kr, baseline);
      // "by 5%" on 20% reads two ways; progress counts 5% of 20% (21%), a person may mean 5 points (25%).
      const points = target && percentOfPercent(kr, baseline) ? impliedTarget(kr, baseline, 'points') : undefined;
      const reading = points
        ? `: from ${baseline.raw} that is ${formatQuantityLike(target!.amount, baseline)} (${relative.raw} of ${baseline.raw}), or ${formatQuantityLike(points.amount, baseline)} if '${relative.raw}' means percentage points`
        : target ? `: from ${baseline.raw} that is ${formatQuantityLike(target.amount, baseline)}` : '';
      const say = `${reading}. Write the target itself`;
      report({
        message: `'${relative.raw}' leaves the target implicit${say} ('from ${baseline.raw} to …') and add a 'target' line.`,
        range: relative.range,
        data: krData(ref),
      });
    }
  },
  fixes: explicitRewriteFixes,
};

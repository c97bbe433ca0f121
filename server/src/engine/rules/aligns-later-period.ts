import { fileLabel } from '../workspace/model';
import type { Rule } from './types';

const company = ['period 2026-Q3', 'team Company', 'objective Become the default choice for mid-sized teams', '  id default-choice', ''].join('\n');
const bad = [
  'period 2026-Q2',
  'team Sales',
  'objective Win the mid-sized teams our rivals serve',
  '  aligns default-choice',
  '',
].join('\n');

export const alignsLaterPeriod: Rule = {
  id: 'aligns-later-period',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description: 'An objective or KR aligns to one whose period starts after its own period ends.',
  rationale:
    'Contributing objectives are set for the same period as the objective they serve, or a part of it (a team\'s ' +
    'quarter under the company\'s year). Work that ends before the parent\'s period starts is usually aligned to the ' +
    'wrong period\'s file, e.g. last quarter\'s team file pointing at next quarter\'s company OKRs.',
  howToFix: "Align to the objective of your own period, or move the objective to the later period's file.",
  examples: [{ bad, good: bad.replace('2026-Q2', '2026-Q3'), others: [company] }],
  check(ctx, report) {
    const ws = ctx.workspace!;
    const own = ctx.doc.period;
    if (!own) return;
    for (const node of ws.nodesOf(ctx.uri!)) {
      for (const ref of node.aligns) {
        const target = ws.target(ref.slug);
        const period = target?.doc.period;
        if (!target || !period || period.start <= own.end) continue;
        report({
          message: `'${ref.slug}' is in ${period.label} (${fileLabel(target.uri)}), which starts after this file's period ${own.label} ends: align to an objective of your own period.`,
          range: ref.range,
          data: { slug: ref.slug },
        });
      }
    }
  },
};

import { fileLabel } from '../workspace/model';
import type { Rule } from './types';

const bad = [
  'period 2026-Q2',
  'objective Grow revenue in new markets',
  '  why New markets are where our growth is this year.',
  '  id growth',
  'objective Grow revenue with the customers we have',
  '  why Renewals cost less than new sales.',
  '  id growth',
  '',
].join('\n');

export const idDuplicate: Rule = {
  id: 'id-duplicate',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'Two objectives or KRs in the workspace have the same id.',
  rationale:
    'An id is how other teams say what they contribute to (`aligns SLUG`); with two owners of one id, a team ' +
    'cannot tell which objective its work rolls up into, and the roll-up would count it twice. Alignment is the ' +
    'cross-file link that OKRs kept in plain documents lose, so it has to be unambiguous.',
  howToFix: 'Rename one of the two ids (in the editor, Rename Symbol also updates every `aligns` that uses it).',
  examples: [{ bad, good: bad.replace(/id growth\n$/, 'id retention\n') }],
  check(ctx, report) {
    const ws = ctx.workspace!;
    for (const node of ws.nodesOf(ctx.uri!)) {
      if (!node.id) continue;
      const others = ws.definitionsOf(node.id.slug).filter((other) => other !== node);
      if (others.length === 0) continue;
      const where = others.map((o) => (o.uri === node.uri ? `line ${o.range.start.line + 1}` : `${fileLabel(o.uri)}:${o.range.start.line + 1}`));
      report({
        message: `The id '${node.id.slug}' is also used on ${where.join(', ')}: ids are unique in the workspace, so rename one of them.`,
        range: node.id.range,
        data: { slug: node.id.slug },
        related: others.filter((o) => o.uri === node.uri && o.id).map((o) => ({ range: o.id!.range, message: 'the same id' })),
      });
    }
  },
};

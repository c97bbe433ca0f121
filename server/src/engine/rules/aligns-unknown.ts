import { closestWord } from '../edit-distance';
import type { Rule } from './types';

const bad = [
  'period 2026-Q2',
  'objective Grow revenue in new markets',
  '  id grow-revenue',
  '  aligns grow-revnue',
  '',
].join('\n');

export const alignsUnknown: Rule = {
  id: 'aligns-unknown',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: '`aligns` names an id that no objective or KR in the workspace has.',
  rationale:
    'Alignment says which company or department objective a team contributes to; a link to nothing is a ' +
    'contribution nobody sees, and the parent objective\'s roll-up silently misses it. OKR tools check the link ' +
    'when it is made; a text file needs the check as you type.',
  howToFix:
    "Correct the id: the message suggests the closest known one, and in the editor the quick fix \"Change to '…'\" writes it " +
    '(never applied by "Fix all" or `okr fix`: it is a guess). Or add `id SLUG` to the objective or KR meant.',
  examples: [{ bad, good: bad.replace('grow-revnue', 'company-growth') + 'objective Be the company customers recommend\n  id company-growth\n' }],
  check(ctx, report) {
    const ws = ctx.workspace!;
    for (const node of ws.nodesOf(ctx.uri!)) {
      for (const ref of node.aligns) {
        if (ws.target(ref.slug)) continue;
        const suggestion = closestWord(ref.slug, ws.ids());
        const hint = suggestion ? ` — did you mean '${suggestion}'?` : ': add `id ' + ref.slug + '` to the objective or KR meant';
        report({
          message: `No objective or KR has the id '${ref.slug}'${hint}`,
          range: ref.range,
          data: suggestion ? { slug: ref.slug, suggestion } : { slug: ref.slug },
        });
      }
    }
  },
};

import { cyclesOf } from '../workspace/cycles';
import type { AlignNode, Workspace } from '../workspace/model';
import type { Rule } from './types';

const bad = [
  'period 2026-Q2',
  'objective Grow revenue in new markets',
  '  id new-markets',
  '  aligns renewals',
  'objective Grow revenue with the customers we have',
  '  id renewals',
  '  aligns new-markets',
  '',
].join('\n');

/** `a → b → a`: the cycle walked from `start` along its alignments. */
function cyclePath(ws: Workspace, start: AlignNode, members: AlignNode[]): string {
  const path = [start];
  let current = start;
  for (let i = 0; i < members.length; i++) {
    const next = ws.targetsOf(current).find((t) => members.includes(t) && (t === start || !path.includes(t)));
    if (!next) break;
    path.push(next);
    if (next === start) break;
    current = next;
  }
  return path.map((n) => n.id?.slug ?? n.title).join(' → ');
}

export const alignsCycle: Rule = {
  id: 'aligns-cycle',
  scope: 'workspace',
  defaultSeverity: 'error',
  description: 'Objectives or KRs align to each other in a circle.',
  rationale:
    'Alignment is a hierarchy: team objectives contribute to department and company objectives above them. ' +
    'In a circle nobody is above anybody, and progress would roll up into itself forever (so the roll-up stops there).',
  howToFix: 'Remove the `aligns` line that points back down the hierarchy.',
  examples: [{ bad, good: bad.replace('  aligns new-markets\n', '') }],
  check(ctx, report) {
    const ws = ctx.workspace!;
    const cycles = cyclesOf(ws);
    for (const node of ws.nodesOf(ctx.uri!)) {
      const members = cycles.get(node);
      if (!members) continue;
      for (const ref of node.aligns) {
        const target = ws.target(ref.slug);
        if (!target || !members.includes(target)) continue;
        report({
          message: `Aligning to '${ref.slug}' closes a circle (${cyclePath(ws, node, members)}): alignment must lead up, never back.`,
          range: ref.range,
          data: { slug: ref.slug },
        });
      }
    }
  },
};

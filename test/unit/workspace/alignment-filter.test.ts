// The status filter in the progress view's Alignment mode: the alignment tree keeps the items and
// KRs in the picked statuses and the ancestors that lead to them, and never changes a roll-up.
import { strict as assert } from 'node:assert';
import { parseDocument } from '../../../server/src/engine/parser';
import type { ComputedStatus } from '../../../server/src/engine/progress/types';
import { filterAlignmentTree } from '../../../server/src/engine/workspace/alignment-filter';
import { buildAlignmentTree, type AlignmentItem, type AlignmentTree } from '../../../server/src/engine/workspace/alignment-tree';
import { Workspace } from '../../../server/src/engine/workspace/model';
import { okr } from '../../helpers/markers';

const AS_OF = '2026-05-20';

const COMPANY = okr`
  period 2026
  team Company
  objective Become the default choice for mid-sized teams
    id default-choice
    kr Grow annual recurring revenue from $10M to $20M by 2026-12-31
      id arr
      baseline $10M on 2026-01-01
      target $20M by 2026-12-31
      checkin 2026-05-01 $14M
`;

// One KR on track, one off track (nothing hired half-way through the quarter).
const SALES = okr`
  period 2026-Q2
  team Sales
  objective Win the mid-sized teams our rivals serve
    aligns default-choice
    kr Sign 40 new mid-sized customers from 0 to 40 customers by 2026-06-30
      baseline 0 customers on 2026-04-01
      target 40 customers by 2026-06-30
      checkin 2026-05-15 30 customers
    kr Hire account executives from 0 to 5 people by 2026-06-30
      baseline 0 people on 2026-04-01
      target 5 people by 2026-06-30
      checkin 2026-05-15 0 people
`;

// Its objective aligns to the company objective, its KR to the company's KR: both on track.
const SUPPORT = okr`
  period 2026-Q2
  team Support
  objective Keep the customers we win
    aligns default-choice
    kr Raise renewals from 80% to 90% by 2026-06-30
      aligns arr
      baseline 80% on 2026-04-01
      target 90% by 2026-06-30
      checkin 2026-05-15 85%
`;

// Aligned to nothing: one objective off track, one on track.
const OPS = okr`
  period 2026-Q2
  team Ops
  objective Close the books faster
    kr Reduce month-end close from 12 days to 4 days by 2026-06-30
      baseline 12 days on 2026-04-01
      target 4 days by 2026-06-30
      checkin 2026-05-15 12 days
  objective Keep the wiki tidy
    kr Reduce stale pages from 100 pages to 20 pages by 2026-06-30
      baseline 100 pages on 2026-04-01
      target 20 pages by 2026-06-30
      checkin 2026-05-15 50 pages
`;

function alignmentTree(): AlignmentTree {
  const files = { 'company.okr': COMPANY, 'sales.okr': SALES, 'support.okr': SUPPORT, 'ops.okr': OPS };
  const ws = new Workspace(Object.entries(files).map(([uri, text]) => ({ uri, doc: parseDocument(text) })));
  return buildAlignmentTree(ws, { asOf: AS_OF });
}

/** The tree as a person reads it: one line per row, indented, KRs marked, statuses shown. */
function outline(tree: AlignmentTree): string[] {
  const out: string[] = [];
  const walk = (item: AlignmentItem, depth: number) => {
    out.push(`${'  '.repeat(depth)}${item.kind === 'kr' ? 'kr ' : ''}${item.title} (${item.description})`);
    for (const kr of item.keyResults) out.push(`${'  '.repeat(depth + 1)}kr ${kr.title} (${kr.status})`);
    for (const contributor of item.contributors) walk(contributor, depth + 1);
  };
  for (const root of tree.roots) walk(root, 0);
  if (tree.unaligned.length) out.push('Not aligned');
  for (const item of tree.unaligned) walk(item, 1);
  return out;
}

const filtered = (statuses: ComputedStatus[]) => filterAlignmentTree(alignmentTree(), statuses);

describe('alignment: the status filter', () => {
  it('the fixture has the statuses the tests rely on', () => {
    assert.deepEqual(outline(alignmentTree()), [
      'Become the default choice for mid-sized teams (42% · off track)',
      '  kr Grow annual recurring revenue from $10M to $20M by 2026-12-31 (on-track)',
      '  Win the mid-sized teams our rivals serve (38% · off track)',
      '    kr Sign 40 new mid-sized customers from 0 to 40 customers by 2026-06-30 (on-track)',
      '    kr Hire account executives from 0 to 5 people by 2026-06-30 (off-track)',
      '  Keep the customers we win (50% · on track)',
      '    kr Raise renewals from 80% to 90% by 2026-06-30 (on-track)',
      'kr Grow annual recurring revenue from $10M to $20M by 2026-12-31 (45% · on track)',
      '  kr Raise renewals from 80% to 90% by 2026-06-30 (50% · on track)',
      'Not aligned',
      '  Close the books faster (0% · off track)',
      '    kr Reduce month-end close from 12 days to 4 days by 2026-06-30 (off-track)',
      '  Keep the wiki tidy (63% · on track)',
      '    kr Reduce stale pages from 100 pages to 20 pages by 2026-06-30 (on-track)',
    ]);
  });

  it('keeps the KRs in the picked statuses and the objectives that lead to them; the rest is hidden', () => {
    assert.deepEqual(outline(filtered(['off-track'])), [
      // Kept for its contributor: its own on-track KR is hidden, its rolled-up figure is unchanged.
      'Become the default choice for mid-sized teams (42% · off track)',
      '  Win the mid-sized teams our rivals serve (38% · off track)',
      '    kr Hire account executives from 0 to 5 people by 2026-06-30 (off-track)',
      'Not aligned',
      '  Close the books faster (0% · off track)',
      '    kr Reduce month-end close from 12 days to 4 days by 2026-06-30 (off-track)',
    ]);
  });

  it('keeps an aligned KR in a picked status with what aligns to it, and several statuses at once', () => {
    assert.deepEqual(outline(filtered(['on-track'])), [
      'Become the default choice for mid-sized teams (42% · off track)',
      '  kr Grow annual recurring revenue from $10M to $20M by 2026-12-31 (on-track)',
      '  Win the mid-sized teams our rivals serve (38% · off track)',
      '    kr Sign 40 new mid-sized customers from 0 to 40 customers by 2026-06-30 (on-track)',
      '  Keep the customers we win (50% · on track)',
      '    kr Raise renewals from 80% to 90% by 2026-06-30 (on-track)',
      'kr Grow annual recurring revenue from $10M to $20M by 2026-12-31 (45% · on track)',
      '  kr Raise renewals from 80% to 90% by 2026-06-30 (50% · on track)',
      'Not aligned',
      '  Keep the wiki tidy (63% · on track)',
      '    kr Reduce stale pages from 100 pages to 20 pages by 2026-06-30 (on-track)',
    ]);
    assert.deepEqual(outline(filtered(['off-track', 'on-track'])), outline(alignmentTree()));
  });

  it('says which filter it applied; no filter shows everything; a filter nothing matches leaves nothing', () => {
    assert.deepEqual(alignmentTree().statuses, []);
    assert.deepEqual(filtered(['off-track', 'at-risk']).statuses, ['off-track', 'at-risk']);
    assert.deepEqual(filtered([]), alignmentTree());
    const nothing = filtered(['achieved']);
    assert.deepEqual([nothing.roots, nothing.unaligned], [[], []]);
  });

  it('an objective without KRs counts as no data, as in the per-file tree', () => {
    const files = { 'ops.okr': `${OPS}objective Write the runbook\n` };
    const ws = new Workspace(Object.entries(files).map(([uri, text]) => ({ uri, doc: parseDocument(text) })));
    const tree = filterAlignmentTree(buildAlignmentTree(ws, { asOf: AS_OF }), ['no-data']);
    assert.deepEqual(outline(tree), ['Not aligned', '  Write the runbook (— · no data)']);
  });
});

// The status filter of the progress view in Alignment mode, with the per-file tree's rule
// (progress/status-filter.ts): a KR is shown when its status is picked, an objective or aligned KR
// when it leads to one that is. A filter hides rows, never changes a roll-up: every figure still
// counts what is hidden.
import type { ComputedStatus } from '../progress/types';
import { StatusFilter } from '../progress/status-filter';
import type { AlignmentItem, AlignmentTree } from './alignment-tree';

/** Keeps only what has a KR in one of `statuses`, with the ancestors leading to it (all when empty). */
export function filterAlignmentTree(tree: AlignmentTree, statuses: ComputedStatus[]): AlignmentTree {
  const filter = new StatusFilter(statuses);
  if (!filter.active) return { ...tree, statuses: [] };
  const keep = (items: AlignmentItem[]) => items.map((item) => filterItem(item, filter)).filter((item): item is AlignmentItem => item !== undefined);
  return { ...tree, roots: keep(tree.roots), unaligned: keep(tree.unaligned), statuses: [...statuses] };
}

function filterItem(item: AlignmentItem, filter: StatusFilter): AlignmentItem | undefined {
  const keyResults = item.keyResults.filter((kr) => filter.shows(kr.status));
  const contributors = item.contributors.map((c) => filterItem(c, filter)).filter((c): c is AlignmentItem => c !== undefined);
  // `own` is a KR's own status, or the weakest of an objective's KRs (no data without KRs): it is
  // picked when one of its KRs is, or for an objective without KRs, the way the per-file tree keeps it.
  if (!filter.showsParent(item.own.status, keyResults.length + contributors.length)) return undefined;
  return { ...item, keyResults, contributors };
}

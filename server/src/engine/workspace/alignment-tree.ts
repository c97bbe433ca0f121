// The alignment view of the workspace: objectives nobody's work aligns above (the company's) at the
// top, the objectives and KRs that align to them below, with rolled-up progress. The editor's tree
// ("Alignment" mode) and `okr report --by alignment` draw it.
import type { Range } from '../model/types';
import type { ComputedStatus, ProgressOptions } from '../progress/types';
import { describe, treeKr, type TreeKr } from '../tree';
import type { AlignNode, Workspace } from './model';
import { RollUp, type Part } from './rollup';

export interface AlignmentItem {
  kind: 'objective' | 'kr';
  id: string | null;
  title: string;
  uri: string;
  range: Range;
  team: string | null;
  period: string | null;
  /** The ids this one aligns to, as written. */
  aligns: string[];
  /** The objective's own KRs, or the KR itself. */
  own: Part;
  /** The contributors' part, each contributor counted once; null without contributors. */
  contributed: (Part & { count: number }) | null;
  /** Rolled up: the mean of `own` and `contributed` where known. */
  progress: number | null;
  status: ComputedStatus;
  /** `38% · at risk` (rolled up). */
  description: string;
  /** An objective's own KRs. */
  keyResults: TreeKr[];
  contributors: AlignmentItem[];
}

export interface AlignmentTree {
  asOf: string;
  /** Objectives and KRs with contributors that align to nothing known themselves. */
  roots: AlignmentItem[];
  /** Objectives that align to nothing and that nothing aligns to. */
  unaligned: AlignmentItem[];
  /** The status filter applied (empty: none; alignment-filter.ts); the view shows it. */
  statuses: ComputedStatus[];
}

export function buildAlignmentTree(ws: Workspace, options: Partial<ProgressOptions> & { asOf: string }): AlignmentTree {
  const rollUp = new RollUp(ws, options);
  // Plain comparison, not localeCompare: it sorts thousands of nodes.
  const order = (a: AlignNode, b: AlignNode) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line);
  const roots: AlignNode[] = [];
  const unaligned: AlignNode[] = [];
  for (const node of ws.nodes) {
    if (node.aligns.length > 0 && ws.targetsOf(node).length > 0) continue;
    if (ws.contributors(node).length > 0) roots.push(node);
    else if (node.kind === 'objective') unaligned.push(node);
  }
  const items = (nodes: AlignNode[]) => nodes.sort(order).map((node) => item(node, rollUp, new Set()));
  return { asOf: options.asOf, roots: items(roots), unaligned: items(unaligned), statuses: [] };
}

function item(node: AlignNode, rollUp: RollUp, path: Set<AlignNode>): AlignmentItem {
  const rolled = rollUp.of(node);
  path.add(node);
  const contributors = rolled.contributors.filter((c) => !path.has(c)).map((c) => item(c, rollUp, path));
  path.delete(node);
  const own = node.kind === 'objective' ? rollUp.objectiveProgress(node) : undefined;
  return {
    kind: node.kind,
    id: node.id?.slug ?? null,
    title: node.title,
    uri: node.uri,
    range: node.range,
    team: node.doc.team?.text ?? null,
    period: node.doc.period?.label ?? null,
    aligns: node.aligns.map((a) => a.slug),
    own: rolled.own,
    contributed: rolled.contributed,
    progress: rolled.progress,
    status: rolled.status,
    description: describe(rolled.progress, rolled.status),
    keyResults: own ? own.keyResults.map(treeKr) : [],
    contributors,
  };
}

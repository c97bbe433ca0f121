// The "Alignment" mode of the OKR Progress view: company objectives at the top, the objectives and
// KRs that align to them below (with rolled-up progress), then the objectives aligned to nothing.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../server/src/engine/markdown';
import type { TreeKr } from '../../server/src/engine/tree';
import type { AlignmentItem, AlignmentTree } from '../../server/src/engine/workspace/alignment-tree';
import type { ComputedStatus } from '../../server/src/engine/progress/types';
import { AlignmentTreeRequest, type AlignmentTreeParams, type AlignmentTreeResult } from '../../server/src/lsp/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { percent, safeMarkdown, statusIcon, statusText } from './status';

export type AlignmentNode =
  | { kind: 'aligned'; item: AlignmentItem }
  | { kind: 'unaligned'; items: AlignmentItem[] };

/** What the view shows: `files` (period → file → objective) or `alignment`. */
export type TreeMode = 'files' | 'alignment';

/** The server applies the status filter, as it does for `okr/tree`. */
export function loadAlignment(client: LanguageClient, statuses: ComputedStatus[]): Promise<AlignmentTreeResult | undefined> {
  return client
    .sendRequest<AlignmentTreeResult | null>(AlignmentTreeRequest, { statuses } satisfies AlignmentTreeParams)
    .then((t) => t ?? undefined, () => undefined);
}

export function alignmentRoots(tree: AlignmentTree): AlignmentNode[] {
  const roots: AlignmentNode[] = tree.roots.map((item) => ({ kind: 'aligned', item }));
  if (tree.unaligned.length) roots.push({ kind: 'unaligned', items: tree.unaligned });
  return roots;
}

/** An objective's own KRs first (kept apart from its contributors), then its contributors. */
export function alignmentChildren(node: AlignmentNode): ({ kind: 'kr'; kr: TreeKr; uri: string } | AlignmentNode)[] {
  if (node.kind === 'unaligned') return node.items.map((item) => ({ kind: 'aligned', item }));
  return [
    ...node.item.keyResults.map((kr) => ({ kind: 'kr' as const, kr, uri: node.item.uri })),
    ...node.item.contributors.map((item) => ({ kind: 'aligned' as const, item })),
  ];
}

export function alignmentTreeItem(node: AlignmentNode): vscode.TreeItem {
  const { Expanded, Collapsed, None } = vscode.TreeItemCollapsibleState;
  if (node.kind === 'unaligned') {
    const item = new vscode.TreeItem('Not aligned', Collapsed);
    item.description = `${node.items.length} objective${node.items.length === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = 'unaligned';
    return item;
  }
  const i = node.item;
  const hasChildren = i.keyResults.length > 0 || i.contributors.length > 0;
  const item = new vscode.TreeItem(i.title || '(objective)', hasChildren ? (i.contributors.length ? Expanded : Collapsed) : None);
  const who = [i.team, i.id ? `#${i.id}` : ''].filter(Boolean).join(' · ');
  item.description = `${i.description}${who ? ` · ${who}` : ''}`;
  item.iconPath = statusIcon(i.status);
  const parts = [`- Own key results: ${percent(i.own.progress)} · ${statusText(i.own.status)}`];
  if (i.contributed) parts.push(`- Contributors (${i.contributed.count}): ${percent(i.contributed.progress)} · ${statusText(i.contributed.status)}`);
  const where = [vscode.Uri.parse(i.uri).fsPath, i.team, i.period].filter(Boolean).map((s) => escapeMarkdown(s!)).join(' · ');
  item.tooltip = safeMarkdown(`**${i.kind === 'objective' ? 'Objective' : 'Key result'}** · ${statusText(i.status)} · **${percent(i.progress)}** rolled up\n\n${escapeMarkdown(i.title)}\n\n${parts.join('\n')}\n\n${where}`);
  item.command = { title: 'Reveal', command: 'okr.revealRange', arguments: [i.uri, i.range] };
  item.contextValue = i.kind === 'objective' ? 'alignedObjective' : 'alignedKr';
  return item;
}

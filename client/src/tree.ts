// The "OKR Progress" view: period → team/file → objective → KR → task, from `okr/tree`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { escapeMarkdown } from '../../server/src/engine/markdown';
import type { ComputedStatus } from '../../server/src/engine/progress/types';
import type { OkrTree, TreeFile, TreeKr, TreeObjective, TreePeriod, TreeTask } from '../../server/src/engine/tree';
import { TreeRequest, type AlignmentTreeResult, type TreeParams } from '../../server/src/lsp/protocol';
import { percent, safeMarkdown, statusIcon, statusText } from './status';
import { alignmentChildren, alignmentRoots, alignmentTreeItem, loadAlignment, type AlignmentNode, type TreeMode } from './alignment-tree';
import { declinedChildren, declinedRoots, declinedTreeItem, type DeclinedNode } from './tree-declined';

export type Node =
  | { kind: 'period'; period: TreePeriod }
  | { kind: 'file'; file: TreeFile }
  | { kind: 'objective'; objective: TreeObjective; uri: string }
  | { kind: 'kr'; kr: TreeKr; uri: string }
  | { kind: 'task'; task: TreeTask; uri: string }
  | AlignmentNode
  | DeclinedNode;

export class ProgressTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: Promise<OkrTree | undefined> | undefined;
  statuses: ComputedStatus[] = [];
  /** Per file (period → file → objective) or by alignment across files. */
  mode: TreeMode = 'files';
  private alignment: Promise<AlignmentTreeResult | undefined> | undefined;
  private readonly shownRoots = new vscode.EventEmitter<{ statuses: ComputedStatus[]; nothingShown: boolean; noFiles: boolean }>();
  /** Each time the view reads its top rows: the filter the server applied, and whether it left anything. */
  readonly onDidShowRoots = this.shownRoots.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Loads the new tree first and only then tells the view, once per burst of changes (typing).
   * When a refresh starts while the view is still resolving the previous one, VS Code loses the
   * children of expanded rows ("No tree item with id '0/0:2026-Q3' found"): they show empty.
   */
  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.tree = undefined;
      this.alignment = undefined;
      void (this.mode === 'alignment' ? this.loadAlignment() : this.load()).then(() => this.changed.fire(undefined));
    }, 50);
  }

  private load(): Promise<OkrTree | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) return Promise.resolve(undefined);
    this.tree ??= client
      .sendRequest<OkrTree | null>(TreeRequest, { statuses: this.statuses } satisfies TreeParams)
      .then((t) => t ?? undefined, () => undefined);
    return this.tree;
  }

  private loadAlignment(): Promise<AlignmentTreeResult | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) return Promise.resolve(undefined);
    this.alignment ??= loadAlignment(client, this.statuses);
    return this.alignment;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'period': return node.period.files.map((file) => ({ kind: 'file', file }));
      case 'file': return node.file.objectives.map((objective) => ({ kind: 'objective', objective, uri: node.file.uri }));
      case 'objective': return [
        ...node.objective.keyResults.map((kr) => ({ kind: 'kr' as const, kr, uri: node.uri })),
        ...node.objective.tasks.map((task) => ({ kind: 'task' as const, task, uri: node.uri })),
      ];
      case 'kr': return node.kr.tasks.map((task) => ({ kind: 'task', task, uri: node.uri }));
      case 'aligned':
      case 'unaligned': return alignmentChildren(node);
      case 'notChecked': return declinedChildren(node);
      default: return [];
    }
  }

  /**
   * The top rows of either mode, then the files not checked (no filter hides them: they have no
   * status); tells `onDidShowRoots` whether the filter left any row with a status.
   */
  private async roots(): Promise<Node[]> {
    const loaded = this.mode === 'alignment' ? await this.loadAlignment() : await this.load();
    if (!loaded) return [];
    const roots: Node[] = 'periods' in loaded ? loaded.periods.map((period) => ({ kind: 'period', period })) : alignmentRoots(loaded);
    // No row at all and no filter: the welcome text shows, and the title bar hides what needs files.
    const noFiles = roots.length === 0 && loaded.declined.length === 0 && loaded.statuses.length === 0;
    this.shownRoots.fire({ statuses: loaded.statuses, nothingShown: roots.length === 0, noFiles });
    return [...roots, ...declinedRoots(loaded.declined)];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { Expanded, Collapsed, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'period': {
        const item = new vscode.TreeItem(node.period.label, Expanded);
        item.description = node.period.description;
        item.iconPath = statusIcon(node.period.status);
        item.tooltip = safeMarkdown(`**${escapeMarkdown(node.period.label)}**${node.period.start ? ` · ${node.period.start} to ${node.period.end}` : ''}\n\n${node.period.description}`);
        item.contextValue = 'period';
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.file.label, Expanded);
        item.description = node.file.description + (node.file.unsaved ? ' · unsaved' : '');
        item.iconPath = statusIcon(node.file.status);
        item.tooltip = safeMarkdown(`**${escapeMarkdown(node.file.label)}**\n\n${escapeMarkdown(vscode.Uri.parse(node.file.uri).fsPath)}\n\n${node.file.description}`);
        item.resourceUri = vscode.Uri.parse(node.file.uri);
        item.contextValue = 'file';
        return item;
      }
      case 'objective': {
        const o = node.objective;
        const item = new vscode.TreeItem(o.title || '(objective)', o.keyResults.length || o.tasks.length ? Expanded : None);
        item.description = o.description;
        item.iconPath = statusIcon(o.status);
        item.tooltip = safeMarkdown(`**Objective** · ${statusText(o.status)}\n\n${escapeMarkdown(o.title)}\n\n${bar(o.progress)} **${percent(o.progress)}** · tasks ${o.tasksDone}/${o.tasksTotal}`);
        item.command = reveal(node.uri, o.range);
        item.contextValue = 'objective';
        return item;
      }
      case 'kr': {
        const k = node.kr;
        const item = new vscode.TreeItem(k.title || '(key result)', k.tasks.length ? Collapsed : None);
        item.description = k.description;
        item.iconPath = statusIcon(k.status);
        item.tooltip = safeMarkdown(krTooltip(k));
        item.command = reveal(node.uri, k.range);
        item.contextValue = 'kr';
        return item;
      }
      case 'aligned':
      case 'unaligned':
        return alignmentTreeItem(node);
      case 'notChecked':
      case 'declined':
        return declinedTreeItem(node);
      case 'task': {
        const item = new vscode.TreeItem(node.task.text || '(task)', None);
        item.description = node.task.done ? 'done' : 'to do';
        item.iconPath = new vscode.ThemeIcon(node.task.done ? 'pass' : 'circle-large-outline');
        item.command = reveal(node.uri, node.task.range);
        item.contextValue = 'task';
        return item;
      }
    }
  }
}

function reveal(uri: string, range: TreeKr['range']): vscode.Command {
  return { title: 'Reveal', command: 'okr.revealRange', arguments: [uri, range] };
}

function bar(progress: number | null): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress ?? 0)) * 20);
  return '`' + '█'.repeat(filled) + '░'.repeat(20 - filled) + '`';
}

function krTooltip(k: TreeKr): string {
  const lines = [`**Key result** · ${statusText(k.status)}`, '', escapeMarkdown(k.title), '', `${bar(k.progress)} **${percent(k.progress)}**${k.expected === null ? '' : ` · expected ${percent(k.expected)}`}`, ''];
  lines.push(`- Baseline → target: ${escapeMarkdown(k.baseline ?? '—')} → ${escapeMarkdown(k.target ?? '—')}`);
  lines.push(`- Current: ${k.current ? `${escapeMarkdown(k.current)} on ${k.currentDate}` : 'no check-in yet'}`);
  if (k.reported) lines.push(`- Reported: ${statusText(k.reported)}`);
  return lines.join('\n');
}

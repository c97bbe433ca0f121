// The "Not checked" group at the foot of the OKR Progress view, in either mode: the .okr files the
// CLI declines (not UTF-8, a NUL byte, too large), each with check's message, never left out silently.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../server/src/engine/markdown';
import type { TreeDeclined } from '../../server/src/engine/tree';
import { safeMarkdown } from './status';

export type DeclinedNode =
  | { kind: 'notChecked'; files: TreeDeclined[] }
  | { kind: 'declined'; file: TreeDeclined };

/** The group, or nothing when every file was checked. */
export function declinedRoots(declined: TreeDeclined[] | undefined): DeclinedNode[] {
  return declined?.length ? [{ kind: 'notChecked', files: declined }] : [];
}

export function declinedChildren(node: DeclinedNode): DeclinedNode[] {
  return node.kind === 'notChecked' ? node.files.map((file) => ({ kind: 'declined', file })) : [];
}

export function declinedTreeItem(node: DeclinedNode): vscode.TreeItem {
  const warning = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  if (node.kind === 'notChecked') {
    // Expanded: the point of the group is to be seen.
    const item = new vscode.TreeItem('Not checked', vscode.TreeItemCollapsibleState.Expanded);
    item.description = `${node.files.length} file${node.files.length === 1 ? '' : 's'}`;
    item.iconPath = warning;
    item.tooltip = 'Files okr check declines: their objectives are not in this view. Open one to see why.';
    item.contextValue = 'notChecked';
    return item;
  }
  const { uri, label, message } = node.file;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = message;
  item.iconPath = warning;
  item.tooltip = safeMarkdown(`**${escapeMarkdown(label)}** · not checked\n\n${escapeMarkdown(vscode.Uri.parse(uri).fsPath)}\n\n${escapeMarkdown(message)}`);
  item.resourceUri = vscode.Uri.parse(uri);
  item.command = { title: 'Open', command: 'okr.revealRange', arguments: [uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }] };
  item.contextValue = 'declinedFile';
  return item;
}

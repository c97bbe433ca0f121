// Switching the OKR Progress view between "by file" and "Alignment"; the title bar shows the other mode.
import * as vscode from 'vscode';
import type { TreeMode } from './alignment-tree';
import type { ProgressTree } from './tree';

export function registerTreeModes(context: vscode.ExtensionContext, tree: ProgressTree, view: vscode.TreeView<unknown>): void {
  const show = (mode: TreeMode) => {
    tree.mode = mode;
    void vscode.commands.executeCommand('setContext', 'okr.treeMode', mode);
    tree.refresh();
    // Run from the palette or the walkthrough, the switch would go unseen with the view closed.
    if (!view.visible) void vscode.commands.executeCommand('okr.progress.focus');
  };
  void vscode.commands.executeCommand('setContext', 'okr.treeMode', tree.mode);
  context.subscriptions.push(
    vscode.commands.registerCommand('okr.showAlignment', () => show('alignment')),
    vscode.commands.registerCommand('okr.showByFile', () => show('files')),
  );
}

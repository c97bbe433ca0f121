// The files okr check declines (here one in Latin-1) are named at the foot of the OKR Progress view,
// with check's message, in both modes and under a status filter; a click opens the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringPrompts, waitForDiagnostics, workspaceUri } from './helpers';
import { progressTree, progressView, treeWhere, type Row } from './tree-helpers';

const NAME = 'latin1-from-test.okr';
const MESSAGE = 'This file is not checked: it is not valid UTF-8 (byte 0xE9 at line 2, column 14; Latin-1 or another encoding?). Save it as UTF-8.';
const LATIN1 = new Uint8Array([...Buffer.from('period 2026-Q2\nobjective Caf'), 0xe9, ...Buffer.from('\n  why Because\n')]);

/** The group and the file's row under it, when both are there. */
function notChecked(list: Row[]): { group: Row; file: Row } | undefined {
  const at = list.findIndex((row) => row.depth === 0 && row.label === 'Not checked');
  const file = list.slice(at + 1).find((row) => row.depth === 1 && row.label === NAME);
  return at >= 0 && file ? { group: list[at], file } : undefined;
}

suite('Files the CLI declines, in the progress view', () => {
  const uri = () => workspaceUri(NAME);

  test('a Latin-1 file is a "Not checked" row with check\'s message, in both modes and under a filter, until it is deleted', async () => {
    const tree = await progressTree();
    const view = await progressView();
    await vscode.workspace.fs.writeFile(uri(), LATIN1);
    try {
      const list = await treeWhere(tree, (rows) => !!notChecked(rows), 'the Not checked group');
      const { group, file } = notChecked(list)!;
      assert.equal(list.filter((row) => row.depth === 0).pop(), group, 'the last group');
      assert.deepEqual([group.description, group.icon], ['1 file', 'warning']);
      assert.deepEqual([file.description, file.icon, file.color], [MESSAGE, 'warning', 'list.warningForeground']);
      assert.ok(file.tooltip.includes(MESSAGE), file.tooltip);
      assert.ok(!list.some((row) => row.label.startsWith('Caf')), 'none of its objectives is guessed at');

      // The filter picks key results by status; the file has none to pick, and must not vanish unseen.
      await answeringPrompts(['off track'], () => vscode.commands.executeCommand('okr.filterTree'));
      try {
        const filtered = await treeWhere(tree, (rows) => rows.length < list.length && !!notChecked(rows), 'the filtered tree, the file still named');
        assert.ok(filtered.some((row) => /off track$/.test(row.description)), 'the filter is on');
        assert.equal(view.message, 'Showing key results off track. Totals still count every key result.');
      } finally {
        await vscode.commands.executeCommand('okr.clearTreeFilter');
      }

      await vscode.commands.executeCommand('okr.showAlignment');
      try {
        const alignment = await treeWhere(tree, (rows) => rows.some((row) => row.label === 'Not aligned') && !!notChecked(rows), 'the alignment tree');
        assert.equal(notChecked(alignment)!.file.description, MESSAGE);
      } finally {
        await vscode.commands.executeCommand('okr.showByFile');
      }
    } finally {
      await vscode.workspace.fs.delete(uri());
    }
    await treeWhere(tree, (rows) => !rows.some((row) => row.label === 'Not checked'), 'the group gone with the file');
  });

  // Last in the run: VS Code keeps a document an extension opened for a while after its tab
  // closes, and the view follows open documents, so the row may outlive the file for that while.
  test('a click on the row opens the file, where check\'s message shows as its problem', async () => {
    const tree = await progressTree();
    await vscode.workspace.fs.writeFile(uri(), LATIN1);
    try {
      const { command } = notChecked(await treeWhere(tree, (rows) => !!notChecked(rows), 'the Not checked row'))!.file;
      assert.ok(command, 'a click runs a command');
      const problems = waitForDiagnostics(uri(), (ds) => ds.some((d) => d.message === MESSAGE), 'check\'s message on the opened file');
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri().toString());
      await problems;
    } finally {
      for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri().toString()) await vscode.window.tabGroups.close(tab);
      }
      await vscode.workspace.fs.delete(uri());
    }
  });
});

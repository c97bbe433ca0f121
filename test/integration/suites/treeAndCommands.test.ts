import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AS_OF, answeringPrompts, diagnosticsAfter, lineOf, openSample, positionOf, setText } from './helpers';
import { progressTree, treeWhere, type Row } from './tree-helpers';

const kr = (list: Row[], start: string) => list.find((row) => row.label.startsWith(start));

suite('Tree, check-in and export', () => {
  test('the tree shows objectives and KRs with percentages and status icons, and follows an unsaved edit', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const original = doc.getText();
    const tree = await progressTree();
    const before = await treeWhere(tree, (list) => !!kr(list, 'Reduce total dollars'), 'the AR file in the tree');
    assert.ok(before.some((row) => row.label.startsWith('Strategically reduce dollars')), 'the objective');
    assert.ok(before.some((row) => row.label.startsWith('Make onboarding so smooth')), 'objectives of the other samples too');
    const first = kr(before, 'Reduce total dollars')!;
    assert.match(first.description, /^38% · /);
    assert.ok(first.icon, 'a status icon');
    assert.ok(first.color, 'in a theme colour');
    assert.match(kr(before, 'Increase the share of invoices')!.description, /^28% · /);

    // An unsaved check-in at $17M: (24 − 17) / (24 − 12) = 58%.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(lineOf(doc, 'checkin 2026-05-01 $19.4M') + 1, 0), `    checkin ${AS_OF} $17M on-track\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty);
    const after = await treeWhere(tree, (list) => /^58% · /.test(kr(list, 'Reduce total dollars')?.description ?? ''), 'the KR at 58%');
    assert.match(kr(after, 'Reduce total dollars')!.description, /^58% · /);
    await setText(doc, original);
  });

  test('OKR: Check In… asks value, status and note and appends the check-in under the KR', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const original = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    const cursor = positionOf(doc, 'kr Reduce total dollars', 6);
    editor.selection = new vscode.Selection(cursor, cursor);
    const { prompts } = await answeringPrompts(['$17M', 'on-track', 'Three more accounts paid'],
      () => diagnosticsAfter(doc.uri, () => vscode.commands.executeCommand('okr.checkIn')));
    assert.equal(prompts.length, 3, `value, status, note: ${JSON.stringify(prompts)}`);
    const last = lineOf(doc, 'checkin 2026-05-01 $19.4M at-risk');
    assert.equal(doc.lineAt(last + 1).text, `    checkin ${AS_OF} $17M on-track "Three more accounts paid"`);
    assert.match(doc.lineAt(last + 2).text, /^ {4}task \[x\] Weekly report/, 'before the tasks');
    await setText(doc, original);
  });

  test('OKR: Export Progress Report opens the Markdown report', async () => {
    await openSample('accounts-receivable.okr', ['kr-vague']);
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId !== 'markdown') return;
        subscription.dispose();
        resolve(editor);
      });
    });
    await vscode.commands.executeCommand('okr.exportReport');
    const report = (await opened).document.getText();
    assert.match(report, /Strategically reduce dollars not yet paid/);
    assert.match(report, /Reduce total dollars invoiced 60\+ days past due/);
    assert.match(report, /38%/);
    assert.match(report, /Make onboarding so smooth/, 'every file of the workspace');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AS_OF, type Answerer, answeringPrompts, diagnosticsAfter, lineOf, openSample, openScratch, positionOf, setText, typeTheExample, waitForDiagnostics } from './helpers';
import { progressTree, progressView, treeWhere, type Row } from './tree-helpers';

/** Opens the AR sample with the cursor on its first KR (the dollars one), for the Check In command. */
async function cursorOnTheDollarKr(): Promise<vscode.TextDocument> {
  const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
  const editor = await vscode.window.showTextDocument(doc);
  const cursor = positionOf(doc, 'kr Reduce total dollars', 6);
  editor.selection = new vscode.Selection(cursor, cursor);
  return doc;
}

/** The Markdown preview's tab, once it is open (now or on the next tab change). */
const findPreview = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));

function previewTab(): Promise<vscode.Tab> {
  const find = findPreview;
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no Markdown preview tab: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`));
    }, 20_000);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    });
  });
}

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

  test('OKR: Check In… asks value, date, status and note and appends the check-in under the KR', async () => {
    const doc = await cursorOnTheDollarKr();
    const original = doc.getText();
    const { prompts } = await answeringPrompts(['$17M', AS_OF, 'on track', 'Three more accounts paid'],
      () => diagnosticsAfter(doc.uri, () => vscode.commands.executeCommand('okr.checkIn')));
    assert.equal(prompts.length, 4, `value, date, status, note: ${JSON.stringify(prompts)}`);
    assert.match(prompts[0], /in dollars · last \$19\.4M on 2026-05-01/, 'the prompt shows the unit and the last value');
    const last = lineOf(doc, 'checkin 2026-05-01 $19.4M at-risk');
    assert.equal(doc.lineAt(last + 1).text, `    checkin ${AS_OF} $17M on-track "Three more accounts paid"`);
    assert.match(doc.lineAt(last + 2).text, /^ {4}task \[x\] Weekly report/, 'before the tasks');
    await setText(doc, original);
  });

  test('OKR: Export Progress Report opens the Markdown report and its preview', async () => {
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
    const preview = await previewTab();
    assert.match(preview.label, /Preview/);
    await vscode.window.tabGroups.close(findPreview() ?? preview);
    await vscode.window.showTextDocument((await opened).document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('OKR: Check In… checks each box as it is typed: a word or another unit is refused at once', async () => {
    await cursorOnTheDollarKr();
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const original = window.showInputBox;
    let shown: vscode.InputBoxOptions | undefined;
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      shown = options;
      return undefined; // cancel after looking at the box
    }) as typeof window.showInputBox;
    try {
      await vscode.commands.executeCommand('okr.checkIn');
    } finally {
      window.showInputBox = original;
    }
    assert.ok(shown?.validateInput, 'the value box validates as it is typed');
    assert.match(String(await shown.validateInput('abc')), /'abc' is not a value/);
    assert.match(String(await shown.validateInput('1,450 users')), /measured in dollars, not 'users'/);
    assert.equal(await shown.validateInput('$17M'), undefined);
  });

  test('OKR: Check In… warns, without refusing, when a value is far off the last one or lacks its M', async () => {
    const doc = await cursorOnTheDollarKr();
    const original = doc.getText();
    try {
      const { warnings } = await answeringPrompts(['17', AS_OF, 'No status', ''],
        () => diagnosticsAfter(doc.uri, () => vscode.commands.executeCommand('okr.checkIn')));
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0], /^Reduce total dollars.*: 17 has no M while the last value is \$19\.4M: did you mean 17M\?$/);
      const last = lineOf(doc, 'checkin 2026-05-01 $19.4M at-risk');
      assert.equal(doc.lineAt(last + 1).text, `    checkin ${AS_OF} 17`, 'a warning still lets the value through');
    } finally {
      await setText(doc, original); // the next tests start from the sample
    }
  });

  test('OKR: Check In… titles its boxes short ("Check In (1/4): Value"), the KR in the prompt, and no prompt ends in parentheses', async () => {
    await cursorOnTheDollarKr();
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const original = window.showInputBox;
    const originalPick = window.showQuickPick;
    const shown: vscode.InputBoxOptions[] = [];
    const answers = ['$17M', AS_OF];
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      shown.push(options ?? {});
      return answers.shift();
    }) as typeof window.showInputBox;
    window.showQuickPick = (async () => undefined) as typeof window.showQuickPick; // cancel at the status pick
    try {
      await vscode.commands.executeCommand('okr.checkIn');
    } finally {
      window.showInputBox = original;
      window.showQuickPick = originalPick;
    }
    assert.deepEqual(shown.map((o) => o.title), ['Check In (1/4): Value', 'Check In (2/4): Date']);
    assert.match(shown[0].prompt ?? '', /^Reduce total dollars invoiced 60\+ days past due/, 'the KR is named in the prompt');
    assert.equal(shown[1].prompt, 'Date of the check-in, as YYYY-MM-DD');
    for (const o of shown) assert.doesNotMatch(o.prompt ?? '', /\)$/, 'VS Code appends its own "(Press \'Enter\'…)"');
  });

  test('OKR: Check In… with the optional status skipped records no status; the optional steps say Enter skips them', async () => {
    const doc = await cursorOnTheDollarKr();
    const original = doc.getText();
    const optional: Array<{ prompt: string; hint?: string }> = [];
    // Enter on every box: the example value, today's date, the first (default) pick, no note.
    const enter: Answerer = (shown) => {
      if (/optional/i.test(shown.prompt) || shown.prompt.startsWith('What happened')) optional.push({ prompt: shown.prompt, hint: shown.hint });
      return shown.prompt.startsWith('What happened') ? '' : typeTheExample(shown);
    };
    await answeringPrompts(enter, () => diagnosticsAfter(doc.uri, () => vscode.commands.executeCommand('okr.checkIn')));
    assert.equal(optional.length, 2, `the status pick and the note box: ${JSON.stringify(optional)}`);
    for (const step of optional) assert.match(step.hint ?? '', /Press Enter to skip/, step.prompt);
    const last = lineOf(doc, 'checkin 2026-05-01 $19.4M at-risk');
    assert.equal(doc.lineAt(last + 1).text, `    checkin ${AS_OF} $19.4M`);
    await setText(doc, original);
  });

  test('OKR: Check In… warns before writing a check-in after the KR\'s target date, and writes nothing when told not to', async () => {
    const doc = await openScratch('scratch-checkin-late.okr', [
      'period 2026-04-01 to 2026-08-30', 'objective Grow', '  why Because',
      '  kr Increase weekly active teams from 1,200 teams to 1,500 teams by 2026-04-30',
      '    baseline 1,200 teams on 2026-03-31', '    target 1,500 teams by 2026-04-30', '',
    ].join('\n'));
    const before = doc.getText();
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(3, 6, 3, 6);
    const { prompts } = await answeringPrompts(['1,400 teams', AS_OF, undefined], () => vscode.commands.executeCommand('okr.checkIn'));
    assert.match(prompts[2], /after the KR's target date \(2026-04-30\)/);
    assert.equal(doc.getText(), before);
  });

  test('OKR: New OKR File asks the name (the quarter, prefilled) and writes a template the coach has nothing to say about', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const shown: Array<string | undefined> = [];
    const answer: Answerer = (box) => {
      shown.push(box.value, box.prompt);
      return 'new-from-test';
    };
    await answeringPrompts(answer, () => vscode.commands.executeCommand('okr.newFile', folder));
    // The workspace root by its folder name, not the machine's absolute path.
    assert.deepEqual(shown, ['2026-Q2.okr', `File name in ${vscode.workspace.workspaceFolders![0].name}`]);
    const uri = vscode.Uri.joinPath(folder, 'new-from-test.okr');
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length === 0 && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the new file, checked');
    assert.deepEqual(diagnostics.map((d) => d.message), []);
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.getText(), /^period 2026-Q2$/m);
    // Its own tab, not a preview; saved as written; the team is selected, Tab goes to the owner.
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.isPreview, false);
    assert.equal(editor.document.getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(editor.selection), 'Your team');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), 'Your name');
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  test('filtering the tree hides rows, keeps every total, shows the filter and clears it', async () => {
    await openSample('accounts-receivable.okr', ['kr-vague']);
    const tree = await progressTree();
    const view = await progressView();
    const before = await treeWhere(tree, (list) => list.some((r) => r.depth === 0), 'the tree');
    const periods = (list: Row[]) => list.filter((r) => r.depth === 0).map((r) => `${r.label} ${r.description}`);
    // The picker reads as the tree does ("off track", its icon); the server gets the token.
    await answeringPrompts(['$(error) off track'], () => vscode.commands.executeCommand('okr.filterTree'));
    const filtered = await treeWhere(tree, (list) => list.length > 0 && list.length < before.length, 'fewer rows');
    assert.equal(view.description, 'filtered: off track');
    assert.equal(view.message, 'Showing key results off track. Totals still count every key result.');
    for (const period of periods(filtered)) assert.ok(periods(before).includes(period), `${period} is one of ${JSON.stringify(periods(before))}`);
    await vscode.commands.executeCommand('okr.clearTreeFilter');
    await treeWhere(tree, (list) => list.length === before.length, 'every row again');
    assert.equal(view.description, undefined);
    assert.equal(view.message, undefined);
  });
});

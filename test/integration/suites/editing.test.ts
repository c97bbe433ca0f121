import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AS_OF, lineOf, openSample, openScratch, positionOf, setText } from './helpers';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** The language server's completions, without its block snippets. */
async function completionsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
}

suite('Editing', () => {
  test('.okr files get no word-based suggestions and indent with two spaces, as the formatter does', async () => {
    const doc = await openScratch('scratch-defaults.okr', 'objective Grow\n');
    const editor = await vscode.window.showTextDocument(doc);
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'okr' });
    assert.equal(settings.get('wordBasedSuggestions'), 'off');
    assert.equal(editor.options.insertSpaces, true);
    assert.equal(editor.options.tabSize, 2);
  });

  test('Enter twice after a KR block leaves the KR body: the next kr starts at the KR level, not 4 spaces deep', async () => {
    const doc = await openScratch('scratch-enter.okr', [
      'period 2026-Q2', 'objective Grow', '  why Because', '  kr Increase weekly active teams from 1,200 teams to 1,500 teams by 2026-06-30',
      '    baseline 1,200 teams on 2026-03-31', '    target 1,500 teams by 2026-06-30',
    ].join('\n'));
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(5).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(doc.lineAt(6).text, '    ', 'the first Enter stays in the KR body (a check-in or task goes there)');
    await vscode.commands.executeCommand('type', { text: '\n' });
    await vscode.commands.executeCommand('type', { text: 'kr' });
    assert.equal(doc.lineAt(7).text, '  kr', JSON.stringify(doc.getText()));
    // Inside the body, Enter keeps the body's indentation, as before.
    const baseline = doc.lineAt(4).range.end;
    editor.selection = new vscode.Selection(baseline, baseline);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(doc.lineAt(5).text, '    ');
    await vscode.commands.executeCommand('undo');
  });

  test('completion offers keywords by context, today after checkin, the period end after by', async () => {
    const doc = await openScratch('scratch-completion.okr', [
      'period 2026-04-01 to 2026-08-30', '', 'objective Get paid sooner', '  why Cash.',
      '  kr Reduce days sales outstanding from 45 days to 30 days by 2026-08-30', '    baseline 45 days on 2026-03-31',
      '    ', '    checkin ', '    target 30 days by ', '',
    ].join('\n'));
    const keywords = await completionsAt(doc, new vscode.Position(6, 4));
    for (const keyword of ['checkin', 'task', 'weight']) assert.ok(keywords.includes(keyword), `${keyword} in ${JSON.stringify(keywords)}`);
    // The KR has its baseline, and its target line below: neither is offered twice; nor is a second period.
    for (const keyword of ['period', 'baseline', 'target']) assert.ok(!keywords.includes(keyword), `no second ${keyword}: ${JSON.stringify(keywords)}`);

    assert.ok((await completionsAt(doc, new vscode.Position(7, 12))).includes(AS_OF), "today's date (okr.today) after checkin");
    assert.ok((await completionsAt(doc, new vscode.Position(8, 22))).includes('2026-08-30'), "the period's end after by");
  });

  test('document symbols: objectives with their KRs', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const objective = symbols.find((symbol) => symbol.name.startsWith('Strategically reduce dollars'));
    assert.ok(objective, `the objective in ${JSON.stringify(symbols.map((s) => s.name))}`);
    const krs = objective.children.filter((child) => child.kind === vscode.SymbolKind.Field).map((child) => child.name);
    assert.deepEqual(krs.map((name) => name.split(' ').slice(0, 2).join(' ')),
      ['Reduce total', 'Reduce AR>90', 'Increase the', 'Improve customer']);
    assert.equal(objective.range.start.line, lineOf(doc, 'objective Strategically'));
  });

  test('folding ranges for objectives and KRs', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const starts = ranges.map((range) => range.start);
    assert.ok(starts.includes(lineOf(doc, 'objective Strategically')));
    assert.ok(starts.includes(lineOf(doc, 'kr Reduce total dollars')));
  });

  test('formatting: canonical indentation, comments kept, idempotent', async () => {
    const messy = [
      '# a comment that stays', 'period 2026-Q2', 'objective   Ship the app', 'why Because people asked.',
      '        kr Increase weekly users from 100 to 200 by 2026-06-30', 'baseline 100 on 2026-04-01',
      '  # a comment under the KR', ' checkin 2026-04-30 120 on-track "first week"', '',
    ].join('\n');
    const doc = await openScratch('scratch-format.okr', messy);
    const format = () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider',
      doc.uri, { tabSize: 2, insertSpaces: true });
    const edits = await format();
    assert.ok(edits.length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const lines = doc.getText().split('\n');
    assert.equal(lines[0], '# a comment that stays');
    assert.match(lines.find((l) => l.includes('why Because')) ?? '', /^ {2}why Because people asked\.$/);
    assert.match(lines.find((l) => l.includes('kr Increase')) ?? '', /^ {2}kr Increase weekly users/);
    assert.match(lines.find((l) => l.includes('baseline 100')) ?? '', /^ {4}baseline 100 on 2026-04-01$/);
    assert.match(lines.find((l) => l.includes('checkin')) ?? '', /^ {4}checkin 2026-04-30 120 on-track "first week"$/);
    assert.ok(lines.some((l) => l.trim() === '# a comment under the KR'), 'comments are kept');
    assert.deepEqual((await format()) ?? [], [], 'formatting a formatted file changes nothing');
    await setText(doc, messy);
  });

  test('inlay hints at the end of each KR line: progress and status', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider',
      doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const label = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
    const line = lineOf(doc, 'kr Reduce total dollars');
    const first = hints.find((hint) => hint.position.line === line);
    assert.ok(first, `a hint on line ${line + 1}: ${JSON.stringify(hints.map((h) => [h.position.line, label(h)]))}`);
    assert.equal(first.position.character, doc.lineAt(line).text.length, 'at the end of the line');
    assert.match(label(first), /^38% · /);
    assert.equal(first.paddingLeft, true, 'a gap between the line and the hint');
    const shareLine = lineOf(doc, 'kr Increase the share');
    // 62% → 67% toward 80%: (67 − 62) / (80 − 62) = 28%.
    assert.match(label(hints.find((hint) => hint.position.line === shareLine)!), /^28% · /);
    assert.ok(!hints.some((hint) => hint.position.line === positionOf(doc, 'objective').line), 'no hint on the objective line');
  });
});

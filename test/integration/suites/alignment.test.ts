// Alignment across files in the editor: go to definition from a team file to the company file,
// and the progress view's "Alignment" mode (the samples' company objectives on top).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringPrompts, openSample, positionOf } from './helpers';
import { progressTree, progressView, treeWhere, type Row } from './tree-helpers';

const CASH = 'Turn revenue into cash faster so we fund our own growth';
const KEEP = 'Keep every customer we win';
const ONBOARDING = 'Make onboarding so smooth that new customers stay';
const CHURN = 'Reduce 30-day churn of new customers from 9% to 5% by 2026-06-30';

/** The rows right under the first row labelled `label`. */
function under(list: Row[], label: string): string[] {
  const at = list.findIndex((row) => row.label === label);
  const out: string[] = [];
  for (let i = at + 1; i < list.length && list[i].depth > list[at].depth; i++) if (list[i].depth === list[at].depth + 1) out.push(list[i].label);
  return out;
}

suite('Alignment across files', () => {
  test('go to definition on an aligns id opens the company file at the id', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const at = positionOf(doc, 'aligns cash-flow', 'aligns c'.length);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    assert.equal(locations.length, 1);
    const location = locations[0];
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    const range = 'targetUri' in location ? location.targetRange : location.range;
    assert.ok(uri.path.endsWith('/company-2026.okr'), uri.toString());
    const company = await vscode.workspace.openTextDocument(uri);
    assert.equal(company.getText(range), 'cash-flow');
    assert.equal(company.lineAt(range.start.line).text, '  id cash-flow');
  });

  test('the Alignment mode shows the company objectives on top and the team objectives below', async () => {
    const tree = await progressTree();
    await vscode.commands.executeCommand('okr.showAlignment');
    try {
      const list = await treeWhere(tree, (rows) => rows.some((row) => row.depth === 0 && row.label === CASH), 'the alignment tree');
      const roots = list.filter((row) => row.depth === 0);
      assert.deepEqual(roots.map((row) => row.label).slice(0, 2), [CASH, KEEP]);
      assert.equal(roots[roots.length - 1].label, 'Not aligned');
      assert.match(roots[0].description, /^\d+% · [a-z ]+ · Company · #cash-flow$/);
      const below = under(list, CASH);
      assert.ok(below.includes('Reduce days sales outstanding from 58 days to 40 days by 2026-12-31'), 'its own KR');
      assert.ok(below.includes('Strategically reduce dollars not yet paid, stuck in accounts receivable'), 'the AR objective aligns to it');
      assert.ok(below.includes('Close the books faster so leaders decide on fresh numbers'), 'the finance objective aligns to it');
    } finally {
      await vscode.commands.executeCommand('okr.showByFile');
    }
  });

  // In the samples the one off-track KR is the product team's churn KR, under the customer objective
  // (files the other suites wrote may add some under "Not aligned").
  test('the status filter applies in the Alignment mode too, keeps the roll-ups, and stays on across modes', async () => {
    const tree = await progressTree();
    const view = await progressView();
    // The churn KR sits at depth 2 in the Alignment mode, at depth 3 by file (period, file, objective).
    const filteredAlignment = (list: Row[]) => list.some((row) => row.label === CHURN && row.depth === 2) && !list.some((row) => row.label === CASH);
    await vscode.commands.executeCommand('okr.showAlignment');
    try {
      const all = await treeWhere(tree, (rows) => rows.some((row) => row.depth === 0 && row.label === CASH), 'the alignment tree');
      await answeringPrompts(['off track'], () => vscode.commands.executeCommand('okr.filterTree'));
      const filtered = await treeWhere(tree, filteredAlignment, 'only what leads to an off-track KR');
      assert.equal(filtered[0].label, KEEP);
      assert.deepEqual(under(filtered, KEEP), [ONBOARDING], 'its own on-track KR and the on-track support objective are hidden');
      assert.deepEqual(under(filtered, ONBOARDING), [CHURN]);
      const figures = filtered.filter((row) => /^(\d+%|—) · /.test(row.description));
      for (const row of figures) assert.match(row.description, /^(\d+%|—) · off track/, row.label);
      assert.equal(filtered[0].description, all.find((row) => row.label === KEEP)!.description, 'the rolled-up figure counts what is hidden');
      assert.equal(view.description, 'filtered: off track');
      assert.equal(view.message, 'Showing key results off track. Totals still count every key result.');

      await vscode.commands.executeCommand('okr.showByFile');
      const byFile = await treeWhere(tree, (rows) => rows.some((row) => row.label === CHURN && row.depth === 3) && !rows.some((row) => row.label === CASH), 'the per-file tree, filtered');
      assert.ok(!byFile.some((row) => row.label.startsWith('Keep p95 page load')), 'the achieved KR is hidden');
      assert.equal(view.description, 'filtered: off track');

      await vscode.commands.executeCommand('okr.showAlignment');
      await treeWhere(tree, filteredAlignment, 'the alignment tree, still filtered');
      assert.equal(view.description, 'filtered: off track');
    } finally {
      await vscode.commands.executeCommand('okr.clearTreeFilter');
      await vscode.commands.executeCommand('okr.showByFile');
    }
    assert.equal(view.description, undefined);
  });
});

// Alignment across files in the editor: go to definition from a team file to the company file,
// and the progress view's "Alignment" mode (the samples' company objectives on top).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, positionOf } from './helpers';

interface ProgressApi {
  progressTree: vscode.TreeDataProvider<unknown>;
}

async function labelsOf(tree: vscode.TreeDataProvider<unknown>, node?: unknown): Promise<{ node: unknown; label: string; description: string }[]> {
  const children = (await tree.getChildren(node as never)) ?? [];
  return Promise.all(children.map(async (child) => {
    const item = await tree.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return { node: child, label, description: String(item.description ?? '') };
  }));
}

/** Waits for the tree to change (at most 20 s) until `ready` holds for its top rows. */
function rootsWhere(tree: vscode.TreeDataProvider<unknown>, ready: (labels: string[]) => boolean): Promise<{ node: unknown; label: string; description: string }[]> {
  return new Promise((resolve, reject) => {
    let last: string[] = [];
    const check = async () => {
      const rows = await labelsOf(tree);
      last = rows.map((r) => r.label);
      if (!ready(last)) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(rows);
    };
    const subscription = tree.onDidChangeTreeData?.(() => void check());
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out waiting for the alignment tree; roots: ${JSON.stringify(last)}`));
    }, 20_000);
    void check();
  });
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
    const extension = vscode.extensions.getExtension<ProgressApi>('okr-as-code.okr-as-code');
    assert.ok(extension, 'the extension is installed');
    const tree = (extension.isActive ? extension.exports : await extension.activate()).progressTree;
    await vscode.commands.executeCommand('okr.showAlignment');
    try {
      const roots = await rootsWhere(tree, (labels) => labels.includes('Turn revenue into cash faster so we fund our own growth'));
      assert.deepEqual(roots.map((r) => r.label), [
        'Turn revenue into cash faster so we fund our own growth', 'Keep every customer we win', 'Not aligned',
      ]);
      const cash = roots[0];
      assert.match(cash.description, /^\d+% · [a-z ]+ · Company · #cash-flow$/);
      const below = (await labelsOf(tree, cash.node)).map((r) => r.label);
      assert.ok(below.includes('Reduce days sales outstanding from 58 days to 40 days by 2026-12-31'), 'its own KR');
      assert.ok(below.includes('Strategically reduce dollars not yet paid, stuck in accounts receivable'), 'the AR objective aligns to it');
      assert.ok(below.includes('Close the books faster so leaders decide on fresh numbers'), 'the finance objective aligns to it');
    } finally {
      await vscode.commands.executeCommand('okr.showByFile');
    }
  });
});

// The OKR Progress view as the integration tests read it: through the extension's API, as rows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export interface Row {
  depth: number;
  label: string;
  description: string;
  icon: string;
  color: string;
  /** Plain text, or a Markdown tooltip's source. */
  tooltip: string;
  /** What a click runs. */
  command?: vscode.Command;
}

export async function progressTree(): Promise<vscode.TreeDataProvider<unknown>> {
  const extension = vscode.extensions.getExtension<{ progressTree: vscode.TreeDataProvider<unknown> }>('okr-as-code.okr-as-code');
  assert.ok(extension, 'the extension is installed');
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api.progressTree;
}

/** The extension's view itself: its description and message show the active filter. */
export async function progressView(): Promise<vscode.TreeView<unknown>> {
  const extension = vscode.extensions.getExtension<{ progressView: vscode.TreeView<unknown> }>('okr-as-code.okr-as-code');
  assert.ok(extension, 'the extension is installed');
  return (extension.isActive ? extension.exports : await extension.activate()).progressView;
}

/** The whole tree as rows, the way the view shows it (label, description, status icon and colour). */
export async function rows(tree: vscode.TreeDataProvider<unknown>): Promise<Row[]> {
  const out: Row[] = [];
  const walk = async (node: unknown, depth: number) => {
    for (const child of (await tree.getChildren(node as never)) ?? []) {
      const item = await tree.getTreeItem(child);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
      out.push({ depth, label, description: String(item.description ?? ''), icon: icon?.id ?? '', color: icon?.color?.id ?? '', tooltip, command: item.command });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return out;
}

/** Waits for the tree to change until `ready` holds for its rows. */
export function treeWhere(tree: vscode.TreeDataProvider<unknown>, ready: (rows: Row[]) => boolean, what: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    let last: Row[] = [];
    const check = async () => {
      last = await rows(tree);
      if (!ready(last)) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(last);
    };
    const subscription = tree.onDidChangeTreeData?.(() => void check());
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out waiting for ${what}; tree: ${JSON.stringify(last.map((r) => `${r.label} ${r.description}`))}`));
    }, 20_000);
    void check();
  });
}

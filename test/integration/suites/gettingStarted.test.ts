// What a first-time user meets: the Getting Started walkthrough (its buttons run here as the
// Welcome page runs them) and a task that runs `okr check` with the `$okr` problem matcher.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AS_OF, ruleOf, waitForDiagnostics, workspaceUri } from './helpers';
import { progressTree, progressView, treeWhere } from './tree-helpers';

const EXTENSION_ID = 'okr-as-code.okr-as-code';
const CASH = 'Turn revenue into cash faster so we fund our own growth';

interface Step { id: string; description: string }

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, 'the extension is installed');
  return found;
}

function steps(): Step[] {
  const walkthroughs: Array<{ id: string; steps: Step[] }> = extension().packageJSON.contributes.walkthroughs;
  const walkthrough = walkthroughs.find((w) => w.id === 'okr.gettingStarted');
  assert.ok(walkthrough, 'the okr.gettingStarted walkthrough is contributed');
  return walkthrough.steps;
}

/** The commands a step's buttons run: `[label](command:id)`, `command:toSide:id`, `command:id?args`. */
const buttons = (step: Step) => [...step.description.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)/g)].map((m) => m[1]);

/** Resolves when the view's visibility is `visible` (now or on its next change). */
function viewVisible(view: vscode.TreeView<unknown>, visible: boolean): Promise<void> {
  if (view.visible === visible) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const subscription = view.onDidChangeVisibility((event) => {
      if (event.visible !== visible) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the OKR Progress view did not become ${visible ? 'visible' : 'hidden'}`));
    }, 20_000);
  });
}

/** Runs a task to its end and gives its exit code. */
function runTask(task: vscode.Task): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.name !== task.name) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(event.exitCode);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the task ${task.name} did not end`));
    }, 30_000);
    vscode.tasks.executeTask(task).then(undefined, (error) => {
      clearTimeout(timer);
      subscription.dispose();
      reject(error);
    });
  });
}

suite('Getting started', () => {
  test('the walkthrough is registered, and every button of its steps runs a command VS Code knows', async () => {
    const all = steps();
    assert.ok(all.length >= 4, `${all.length} steps`);
    const known = new Set(await vscode.commands.getCommands(true));
    const linked = all.flatMap(buttons);
    assert.ok(linked.includes('okr.newFile') && linked.includes('okr.checkIn') && linked.includes('okr.progress.focus'));
    for (const id of linked) assert.ok(known.has(id), `command:${id} is not registered`);
  });

  // Run alone, this suite can click before the language server has started: a person clicking
  // on the Welcome page is told what to open, not that the server is not running yet.
  test('Check In and Fix All from the Welcome page, with no .okr file in front, say what to open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#okr.gettingStarted`, false);
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const original = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = ((message: string) => {
      warnings.push(message);
      return Promise.resolve(undefined);
    }) as typeof window.showWarningMessage;
    try {
      await vscode.commands.executeCommand('okr.checkIn');
      await vscode.commands.executeCommand('okr.fixAll');
    } finally {
      window.showWarningMessage = original;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.deepEqual(warnings, ['Open a .okr file and put the cursor on a key result to check in.', 'Open a .okr file to fix its problems.']);
  });

  test('Show Alignment, from the walkthrough or the palette, shows the OKR Progress view in the Alignment mode', async () => {
    const view = await progressView();
    const tree = await progressTree();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await viewVisible(view, false);
    try {
      await vscode.commands.executeCommand('okr.showAlignment');
      await viewVisible(view, true);
      await treeWhere(tree, (rows) => rows.some((row) => row.depth === 0 && row.label === CASH), 'the alignment tree');
    } finally {
      await vscode.commands.executeCommand('okr.showByFile');
    }
  });

  test('a task running okr check with the $okr problem matcher puts each finding in the Problems panel', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const name = 'task check/Q2 (draft).okr';
    const uri = workspaceUri(name);
    // An error (no such date), warnings (what AR counts is unclear; no check-in yet) and an info (the implicit target).
    await vscode.workspace.fs.writeFile(uri, Buffer.from([
      'period 2026-04-01 to 2026-06-30',
      'objective Get paid faster by our customers',
      '  why Late payments squeeze our cash this year',
      '  kr Reduce AR>60 days by 50% by 2026-06-30',
      '    baseline $24M on 2026-03-31',
      '    checkin 2026-04-31 $20M',
      '',
    ].join('\n'), 'utf8'));
    try {
      const cli = vscode.Uri.joinPath(extension().extensionUri, 'dist', 'cli.js').fsPath;
      const task = new vscode.Task({ type: 'process' }, folder, 'okr check (integration)', 'okr',
        new vscode.ProcessExecution(process.execPath, [cli, 'check', name, '--today', AS_OF], { cwd: folder.uri.fsPath }), '$okr');
      const fromTask = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.source === 'okr check');
      const found = waitForDiagnostics(uri, (ds) => fromTask(ds).length === 4, 'the four findings of the task');
      assert.equal(await runTask(task), 1, 'okr check exits 1 on an error');
      const findings = fromTask(await found).map((d) => [d.range.start.line, d.range.start.character, vscode.DiagnosticSeverity[d.severity], ruleOf(d)]);
      assert.deepEqual(findings.sort(), [
        [3, 12, 'Warning', 'kr-ambiguous-metric'],
        [3, 26, 'Information', 'kr-implicit-target'],
        [3, 5, 'Warning', 'checkin-stale'],
        [5, 12, 'Error', 'syntax'],
      ].sort());
      const error = fromTask(vscode.languages.getDiagnostics(uri)).find((d) => ruleOf(d) === 'syntax');
      assert.equal(error?.message, '2026-04-31 is not a date on the calendar');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'task check'), { recursive: true });
    }
  });
});

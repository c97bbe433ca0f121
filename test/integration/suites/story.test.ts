import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringPrompts, lineOf, openSample, waitForDiagnostics, workspaceUri } from './helpers';

interface ChartShown {
  title: string;
  charts: number;
  html: string;
}

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('okr.progressChart'));
}

function describeTabs(): string {
  return JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => [t.label, (t.input as { viewType?: string })?.viewType ?? typeof t.input]));
}

/** Resolves once a chart panel's tab exists (tabs are reported a moment after the panel opens). */
function chartTabOpen(): Promise<vscode.Tab[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const tabs = chartTabs();
      if (!tabs.length) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(tabs);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no chart panel tab; tabs: ${describeTabs()}`));
    }, 20_000);
    check();
  });
}

suite('The quarter story: chart and close', () => {
  test('OKR: Show Progress Chart opens a themed panel with the KR chart, and follows the cursor to an objective', async () => {
    const { doc } = await openSample('accounts-receivable.okr', ['kr-vague']);
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc, 'kr Reduce total dollars');
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const shown = await vscode.commands.executeCommand<ChartShown>('okr.showProgressChart');
    assert.ok(shown, 'the command reports what it shows');
    assert.match(shown.title, /^Reduce total dollars invoiced 60\+ days past due/);
    assert.equal(shown.charts, 1);
    const tabs = await chartTabOpen();
    assert.equal(tabs.length, 1, 'one chart panel is open');
    assert.match(tabs[0].label, /^Progress: Reduce total dollars/);

    const { html } = shown;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src [^;]* 'nonce-[0-9a-f]{32}'; img-src/);
    assert.ok(!/<script/i.test(html), 'no scripts: the panel works in untrusted workspaces');
    assert.ok(html.includes('--chart-actual: var(--vscode-charts-blue)'), 'colours come from the theme');
    assert.ok(!/#[0-9a-f]{6}\b|rgb\(/i.test(html), 'no colour of its own');
    // A card never wider than the panel: a narrow panel gets one column, nothing clipped.
    assert.match(html, /\.cards \{[^}]*minmax\(min\(\d+px, 100%\), 1fr\)/);
    assert.equal((html.match(/<circle class="marker (on-track|at-risk)"/g) ?? []).length, 2, 'one marker per check-in, by reported status');

    const objectiveLine = lineOf(doc, 'objective Strategically');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the editor keeps the focus');
    editor.selection = new vscode.Selection(objectiveLine, 2, objectiveLine, 2);
    const objective = await vscode.commands.executeCommand<ChartShown>('okr.showProgressChart');
    assert.equal(objective.charts, 4, "an objective's KRs side by side");
    assert.equal(chartTabs().length, 1, `the same panel is reused: ${describeTabs()}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('OKR: Close Period… before the period ends asks first ("Close Anyway"), and writes nothing when told not to', async () => {
    const uri = workspaceUri('early-2026-Q2.okr');
    const next = workspaceUri('early-2026-Q3.okr');
    const text = [
      'period 2026-Q2',
      'objective Get paid faster by our customers',
      '  why Late payments squeeze our cash this year',
      '  kr Increase on-time payments from 60% to 80% by 2026-06-30',
      '    baseline 60% on 2026-03-31',
      '    checkin 2026-05-01 70% on-track',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, () => true, 'a first check');
      const { prompts } = await answeringPrompts([undefined], () => vscode.commands.executeCommand('okr.closePeriod'));
      assert.deepEqual(prompts, ['2026-Q2 ends in 46 days (2026-06-30): closing now scores its key results on the figures as of 2026-05-15. Close it anyway?']);
      assert.equal(doc.getText(), text, 'no score written');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(next)), 'no next file');
      const closed = await answeringPrompts(['Close Anyway', '2026-Q3', 'Increase on-time payments'], () => vscode.commands.executeCommand('okr.closePeriod'));
      assert.equal(closed.prompts.length, 3, JSON.stringify(closed.prompts));
      assert.match(doc.getText(), /checkin 2026-05-01 70% on-track\n {4}score /, 'the score is written once confirmed');
      await vscode.workspace.fs.stat(next);
    } finally {
      for (const u of [next, uri]) {
        await vscode.window.showTextDocument(u).then(() => vscode.commands.executeCommand('workbench.action.files.revert'), () => undefined);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const u of [uri, next]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });

  test('OKR: Close Period… writes the scores and creates the next file with the picked KRs', async () => {
    const uri = workspaceUri('close-me-2026-Q1.okr');
    const next = workspaceUri('close-me-2026-Q2.okr');
    const text = [
      'period 2026-Q1',
      'objective Get paid faster by our customers',
      '  why Late payments squeeze our cash this year',
      '  kr Reduce days sales outstanding from 52 to 40 days by 2026-03-31',
      '    baseline 52 days on 2025-12-31',
      '    checkin 2026-03-20 46 days at-risk',
      '  kr Increase on-time payments from 60% to 80% by 2026-03-31',
      '    baseline 60% on 2025-12-31',
      '    checkin 2026-03-20 70% on-track',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, (ds) => ds.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'kr-unscored'), 'kr-unscored');
      const hints: string[] = [];
      const answers = ['2026-Q2', 'Increase on-time payments'];
      const { prompts } = await answeringPrompts((shown) => {
        hints.push(shown.hint ?? '');
        return answers.shift();
      }, () => vscode.commands.executeCommand('okr.closePeriod'));
      assert.equal(prompts.length, 2, `no confirmation once the period has ended: ${JSON.stringify(prompts)}`);
      assert.equal(prompts[0], 'Closing 2026-Q1 writes 2 scores into this file: Reduce days sales outstanding… 0.5, Increase on-time payments from… 0.5. '
        + 'The next period, to start after 2026-03-31; 2026-Q2 goes in a new file, close-me-2026-Q2.okr');
      assert.equal(prompts[1], 'Close Period (2/2)', 'a short title');
      assert.equal(hints[1], 'Carry which key results into close-me-2026-Q2.okr? Unfinished ones are picked; pick none to start empty.');
      assert.match(doc.getText(), /checkin 2026-03-20 46 days at-risk\n {4}score 0\.5\n/);
      assert.match(doc.getText(), /checkin 2026-03-20 70% on-track\n {4}score 0\.5\n/);
      const created = new TextDecoder().decode(await vscode.workspace.fs.readFile(next));
      assert.match(created, /^period 2026-Q2$/m);
      assert.match(created, /kr Increase on-time payments from 70% to 80% by 2026-06-30\n {4}baseline 70% on 2026-03-20/);
      assert.ok(!created.includes('days sales outstanding'), 'only the picked KR is carried');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), next.toString(), 'the new file is opened');
    } finally {
      for (const u of [next, uri]) {
        await vscode.window.showTextDocument(u).then(() => vscode.commands.executeCommand('workbench.action.files.revert'), () => undefined);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const u of [uri, next]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });
});

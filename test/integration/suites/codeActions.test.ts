import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  AS_OF, answeringPrompts, diagnosticsAfter, typeTheExample, lineOf, openSample, openScratch, ruleOf, setText, waitForDiagnostics,
} from './helpers';

// The samples with quick fixes (product-q2.okr has findings, but none with a fix), and how many
// distinct fixes each offers at least.
const SAMPLES: Array<{ name: string; rules: string[]; minimumFixes: number }> = [
  { name: 'accounts-receivable.okr', rules: ['kr-ambiguous-metric', 'kr-vague'], minimumFixes: 2 },
  { name: 'finance-draft.okr', rules: ['kr-task'], minimumFixes: 8 },
];

/**
 * The quick fixes offered at a diagnostic's range. (`vscode.executeCodeActionProvider` does not
 * hand back each action's `diagnostics`, so a fix is known by the range it is asked for.)
 */
async function quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
    doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

const key = (d: vscode.Diagnostic) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`;

/** Applies a code action as the editor does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applied: ${action.title}`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** What a person types when the AR rewrite asks for the baseline: its value, then its date. */
const BASELINE_ANSWERS = ['$24M', '2026-03-31'];

suite('Quick fixes', () => {
  test('the AR rewrite: "Reduce AR>90 days by 40%" becomes the explicit $7.5M to $4.5M KR, no duplicate of the KR above', async () => {
    const { doc, diagnostics } = await openSample('accounts-receivable.okr', ['kr-ambiguous-metric']);
    const original = doc.getText();
    const line = lineOf(doc, 'kr Reduce AR>90 days by 40%');
    const diagnostic = diagnostics.find((d) => ruleOf(d) === 'kr-ambiguous-metric' && d.range.start.line === line);
    assert.ok(diagnostic);
    const actions = await quickFixes(doc, diagnostic);
    const rewrite = actions.find((action) => action.isPreferred);
    assert.ok(rewrite, `a preferred fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.match(rewrite.title, /\$7\.5M to \$4\.5M/);

    const after = await diagnosticsAfter(doc.uri, () => apply(rewrite));
    assert.equal(doc.lineAt(line).text, '  kr Reduce total dollars invoiced 90+ days past due from $7.5M to $4.5M by 2026-08-30');
    assert.equal(doc.lineAt(line + 1).text, '    baseline $7.5M on 2026-03-31');
    assert.equal(doc.lineAt(line + 2).text, '    target $4.5M by 2026-08-30');
    // The rewrite answers both findings on this KR (what is counted, and the implicit target);
    // checkin-stale stays: the KR still has no check-in.
    const answered = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.range.start.line === line
      && ['kr-ambiguous-metric', 'kr-implicit-target'].includes(ruleOf(d)));
    const settled = answered(after).length ? await waitForDiagnostics(doc.uri, (ds) => answered(ds).length === 0,
      'the rewritten KR without its findings') : after;
    assert.deepEqual(answered(settled).map(ruleOf), []);
    // Nothing else in the file changed.
    const untouched = original.split('\n').filter((text) => !text.includes('AR>90'));
    for (const text of untouched) assert.ok(doc.getText().split('\n').includes(text), `kept: ${text}`);
    await setText(doc, original);
  });

  test('without a baseline, the rewrite asks for one (value, then date) and computes the target', async () => {
    const doc = await openScratch('scratch-ar-no-baseline.okr', [
      'period 2026-04-01 to 2026-08-30', '', 'objective Collect what customers owe us sooner',
      '  why Cash is tight.', '  kr Reduce AR>60 days by 50% by 2026-08-30', '',
    ].join('\n'));
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'kr-ambiguous-metric'));
    const diagnostic = diagnostics.find((d) => ruleOf(d) === 'kr-ambiguous-metric');
    assert.ok(diagnostic);
    const asking = (await quickFixes(doc, diagnostic)).find((action) => action.command && !action.edit);
    assert.ok(asking, 'a fix that asks for the baseline');
    const { prompts } = await answeringPrompts(BASELINE_ANSWERS, () => diagnosticsAfter(doc.uri, () => apply(asking)));
    assert.equal(prompts.length, 2, `asked value then date: ${JSON.stringify(prompts)}`);
    assert.equal(doc.lineAt(4).text, '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30');
    assert.equal(doc.lineAt(5).text, '    baseline $24M on 2026-03-31');
    assert.equal(doc.lineAt(6).text, '    target $12M by 2026-08-30');
  });

  test('"Check in…" on a stale KR runs Check In on that KR: the check-in line lands under it and the finding goes', async () => {
    const { doc, diagnostics } = await openSample('accounts-receivable.okr', ['kr-ambiguous-metric']);
    const original = doc.getText();
    const line = lineOf(doc, 'kr Reduce AR>90 days by 40%');
    const stale = diagnostics.find((d) => ruleOf(d) === 'checkin-stale' && d.range.start.line === line);
    assert.ok(stale, `checkin-stale on the AR>90 KR among ${JSON.stringify(diagnostics.map(ruleOf))}`);
    const checkIn = (await quickFixes(doc, stale)).find((action) => action.title === 'Check in…');
    assert.ok(checkIn, 'a "Check in…" action');
    try {
      // Value, date, your call, note.
      const { result: after } = await answeringPrompts(['$7.1M', AS_OF, 'No status', ''], () => diagnosticsAfter(doc.uri, () => apply(checkIn)));
      assert.equal(doc.lineAt(line + 1).text, '    baseline $7.5M on 2026-03-31');
      assert.equal(doc.lineAt(line + 2).text, `    checkin ${AS_OF} $7.1M`);
      const settled = after.some((d) => ruleOf(d) === 'checkin-stale' && d.range.start.line === line)
        ? await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'checkin-stale' && d.range.start.line === line), 'the KR without checkin-stale')
        : after;
      assert.deepEqual(settled.filter((d) => ruleOf(d) === 'syntax'), []);
    } finally {
      if (doc.getText() !== original) await setText(doc, original);
    }
  });

  for (const sample of SAMPLES) {
    test(`every quick fix in ${sample.name} applies and answers a finding`, async () => {
      const { doc, diagnostics } = await openSample(sample.name, sample.rules);
      const original = doc.getText();
      const tried = new Set<string>();
      try {
        for (const diagnostic of diagnostics) {
          // The rule's own actions (turn it off, read its docs, check in) change no text by themselves: tested on their own.
          const titles = (await quickFixes(doc, diagnostic)).map((action) => action.title)
            .filter((title) => !title.startsWith('Disable rule') && !title.startsWith('Show documentation') && title !== 'Check in…');
          for (const title of titles) {
            if (tried.has(`${diagnostic.range.start.line} ${title}`)) continue;
            tried.add(`${diagnostic.range.start.line} ${title}`);
            // Each fix starts from the sample's own text; actions are asked for again for this version.
            const fix = (await quickFixes(doc, diagnostic)).find((action) => action.title === title);
            assert.ok(fix, `"${title}" is still offered`);
            const here = new Set(diagnostics.filter((d) => d.range.intersection(diagnostic.range)).map(key));
            // A fix that asks (a baseline, a target, a why) gets the example each input box shows.
            const after = await answeringPrompts(typeTheExample, () => diagnosticsAfter(doc.uri, () => apply(fix)));
            assert.notEqual(doc.getText(), original, `"${title}" changed the text`);
            const settled = await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => here.has(key(d))).length < here.size,
              `a finding answered by "${title}"`).catch(() => after.result);
            assert.ok(settled.filter((d) => here.has(key(d))).length < here.size,
              `"${title}" answers one of ${JSON.stringify([...here])}`);
            assert.deepEqual(settled.filter((d) => ruleOf(d) === 'syntax').map((d) => d.message), [],
              `"${title}" leaves a valid file`);
            await setText(doc, original);
          }
        }
      } finally {
        if (doc.getText() !== original) await setText(doc, original);
      }
      assert.ok(tried.size >= sample.minimumFixes, `fixes tried: ${JSON.stringify([...tried])}`);
    });
  }

  test('"Fix all in file" is offered as a source action and applies', async () => {
    const { doc, diagnostics } = await openSample('finance-draft.okr', ['kr-task']);
    const original = doc.getText();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
      doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value, 10);
    const fixAll = actions.find((action) => action.kind && vscode.CodeActionKind.SourceFixAll.contains(action.kind));
    assert.ok(fixAll, `a fix-all source action among ${JSON.stringify(actions.map((a) => a.title))}`);
    const after = await diagnosticsAfter(doc.uri, () => apply(fixAll));
    assert.ok(after.length < diagnostics.length, `fewer diagnostics: ${diagnostics.length} → ${after.length}`);
    await setText(doc, original);
  });

  test('"Keep … as a task" warns when the outcome typed reads as a task itself, and still writes it', async () => {
    const doc = await openScratch('keep-as-task-warning.okr', [
      'period 2026-04-01 to 2026-08-30', 'objective Ship the new billing', '  why Customers wait too long.',
      '  kr Implement a new invoicing system', '',
    ].join('\n'));
    const kept = async () => {
      const finding = (await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'kr-task'), 'kr-task')).find((d) => ruleOf(d) === 'kr-task')!;
      const actions = await quickFixes(doc, finding);
      const fix = actions.find((a) => a.title.startsWith('Keep '));
      assert.ok(fix, `the "Keep … as a task" fix is among ${JSON.stringify(actions.map((a) => a.title))}`);
      return fix;
    };
    const keep = await kept();
    const { warnings } = await answeringPrompts(['Migrate to the new invoicing tool'], () => diagnosticsAfter(doc.uri, () => apply(keep)));
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /: This reads as a task, not an outcome: .*Say what it changes, from a baseline to a target\.$/);
    assert.match(doc.getText(), /^ {2}kr Migrate to the new invoicing tool\n {4}task Implement a new invoicing system$/m, 'the warning does not stop the fix');
    const { warnings: none } = await answeringPrompts(['Increase invoices paid on time from 60% to 80%'], async () => {
      await setText(doc, ['period 2026-04-01 to 2026-08-30', 'objective Ship the new billing', '  why Customers wait too long.', '  kr Implement a new invoicing system', ''].join('\n'));
      const fix = await kept();
      await diagnosticsAfter(doc.uri, () => apply(fix));
    });
    assert.deepEqual(none, [], 'an outcome KR is taken without a warning');
  });

  test('"Fix All Auto-Fixable Problems" puts consecutive task-like KRs under the KR that stays, as okr fix does', async () => {
    const head = [
      'period 2026-04-01 to 2026-08-30', 'objective Ship the new billing', '  why Customers wait too long.',
      '  kr Increase the share of invoices paid on time from 60% to 80% by 2026-08-30', '    baseline 60% on 2026-03-31', '    target 80% by 2026-08-30',
    ];
    const doc = await openScratch('fix-all-command.okr', [...head, '  kr Implement new inventory management software', '  kr Build a customer portal', '  kr Launch the reminder emails', ''].join('\n'));
    await waitForDiagnostics(doc.uri, (ds) => ds.filter((d) => ruleOf(d) === 'kr-task').length === 3, 'three kr-task findings');
    const after = await diagnosticsAfter(doc.uri, () => vscode.commands.executeCommand('okr.fixAll'));
    assert.equal(doc.getText(), [
      ...head, '    task Implement new inventory management software', '    task Build a customer portal', '    task Launch the reminder emails', '',
    ].join('\n'));
    assert.deepEqual(after.filter((d) => ruleOf(d) === 'kr-task' || ruleOf(d) === 'syntax').map(ruleOf), []);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, openSample, openScratch, ruleOf, setText, waitForDiagnostics } from './helpers';

const onLine = (diagnostics: vscode.Diagnostic[], line: number) => diagnostics.filter((d) => d.range.start.line === line);

suite('Diagnostics', () => {
  test('accounts-receivable: the AR KR and the vague KR carry their rule ids, ranges and rule docs', async () => {
    const { doc, diagnostics } = await openSample('accounts-receivable.okr', ['kr-ambiguous-metric', 'kr-vague']);

    const arLine = lineOf(doc, 'kr Reduce AR>90 days by 40%');
    const ambiguous = diagnostics.find((d) => ruleOf(d) === 'kr-ambiguous-metric');
    assert.ok(ambiguous);
    assert.equal(ambiguous.range.start.line, arLine);
    assert.equal(doc.getText(ambiguous.range), 'AR>90 days', 'the range covers the abbreviation and its comparator');
    assert.equal(ambiguous.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(ambiguous.source, 'okr');

    const vague = diagnostics.find((d) => ruleOf(d) === 'kr-vague');
    assert.ok(vague);
    assert.equal(vague.range.start.line, lineOf(doc, 'kr Improve customer satisfaction'));
    assert.equal(doc.getText(vague.range), 'Improve', 'the range is the verb that promises no number');

    const code = vague.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/kr-vague\.md$/, 'codeDescription links the rule doc');

    const wellFormed = lineOf(doc, 'kr Reduce total dollars invoiced');
    for (let line = wellFormed; line <= wellFormed + 7; line++) {
      assert.deepEqual(onLine(diagnostics, line).map(ruleOf), [], `nothing on line ${line + 1}: ${doc.lineAt(line).text}`);
    }
  });

  test('finance draft: KRs that are really tasks are flagged, the measurable KR is not', async () => {
    const { doc, diagnostics } = await openSample('finance-draft.okr', ['kr-task']);
    const tasks = diagnostics.filter((d) => ruleOf(d) === 'kr-task').map((d) => doc.lineAt(d.range.start.line).text.trim());
    for (const kr of ['kr Implement new inventory management software', 'kr Conduct a system training session for the accounting team']) {
      assert.ok(tasks.includes(kr), `${kr} is flagged as a task: ${JSON.stringify(tasks)}`);
    }
    const measurable = lineOf(doc, 'kr Reduce month-end close from 12 days to 5 days');
    assert.deepEqual(onLine(diagnostics, measurable).map(ruleOf), []);
  });

  test('diagnostics follow unsaved edits: a syntax error appears with its range and goes away', async () => {
    const doc = await openScratch('scratch-diagnostics.okr', 'period 2026-Q2\n\nobjective Ship it\n  why Because.\n');
    // The first publication after the edit may still be for the text before it (the workspace scan
    // re-checks open documents): wait for the one that has the error.
    await setText(doc, 'period 2026-Q2\n\nobjective Ship it\n  why Because.\n  krr Ship the thing\n');
    const broken = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'syntax'), 'the syntax error');
    const syntax = broken.find((d) => ruleOf(d) === 'syntax');
    assert.ok(syntax, `a syntax error: ${JSON.stringify(broken.map(ruleOf))}`);
    assert.equal(syntax.range.start.line, 4);
    assert.equal(doc.getText(syntax.range), 'krr');
    assert.match(syntax.message, /did you mean 'kr'/);
    assert.equal(syntax.severity, vscode.DiagnosticSeverity.Error);

    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(syntax.range.end.translate(0, -1), syntax.range.end)); // krr → kr
    assert.ok(await vscode.workspace.applyEdit(edit));
    const fixed = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'syntax'), 'the syntax error gone');
    assert.deepEqual(fixed.filter((d) => ruleOf(d) === 'syntax'), []);
    assert.ok(doc.isDirty, 'checked without saving');
  });
});

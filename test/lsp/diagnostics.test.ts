// Diagnostics over stdio: after didOpen, after edits, with code, link, related information.
import { strict as assert } from 'node:assert';
import { LspClient } from './client';
import { AR, COACHING, SETTINGS } from './fixtures';

describe('lsp: diagnostics', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('publishes no syntax error for a clean document', async () => {
    const published = await client.open('file:///mem/ar.okr', AR);
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'syntax'), []);
    assert.equal(published.version, 1);
  });

  it('reports a syntax error with its range, rule id as code and a link to the docs', async () => {
    const uri = 'file:///mem/typo.okr';
    const published = await client.open(uri, 'objective Grow\n  krr Increase NPS from 40 to 48\n');
    const typo = published.diagnostics.find((d) => d.code === 'syntax');
    assert.ok(typo, JSON.stringify(published.diagnostics));
    assert.equal(typo.source, 'okr');
    assert.equal(typo.severity, 1);
    assert.equal(typo.range.start.line, 1);
    assert.match(typo.message, /krr/);
    assert.match(typo.codeDescription!.href, /^https:\/\/github\.com\/.+\/docs\/language\.md$/);
  });

  it('re-checks after every edit and drops the fixed problem', async () => {
    const uri = 'file:///mem/edit.okr';
    await client.open(uri, 'objective Grow\n  krr Increase NPS from 40 to 48\n');
    const after = await client.change(uri, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, newText: 'kr' }]);
    assert.equal(after.version, 2);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'syntax'), []);
    const broken = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'checkin 2026-02-30 5\n' }]);
    assert.ok(broken.diagnostics.some((d) => d.code === 'syntax' && d.range.start.line === 0), JSON.stringify(broken.diagnostics));
  });

  it('reports coaching rules with their id, severity and a link to the rule page', async () => {
    const published = await client.open('file:///mem/coaching.okr', COACHING);
    const rules = published.diagnostics.map((d) => d.code);
    assert.ok(rules.includes('kr-ambiguous-metric'), rules.join(', '));
    assert.ok(rules.includes('kr-task'), rules.join(', '));
    const task = published.diagnostics.find((d) => d.code === 'kr-task')!;
    assert.equal(task.range.start.line, 8);
    assert.equal(task.codeDescription!.href, 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/rules/kr-task.md');
  });

  it('honours per-rule severity from the settings, and turns a rule off', async () => {
    const uri = 'file:///mem/severity.okr';
    const before = await client.open(uri, COACHING);
    assert.equal(before.diagnostics.find((d) => d.code === 'kr-task')?.severity, 2);
    const published = await client.configure({ ...SETTINGS, rules: { 'kr-task': 'error', 'kr-ambiguous-metric': 'off' } }, uri);
    const restored = await client.configure(SETTINGS, uri);
    assert.equal(restored.diagnostics.find((d) => d.code === 'kr-task')?.severity, 2);
    assert.equal(published.diagnostics.find((d) => d.code === 'kr-task')?.severity, 1);
    assert.equal(published.diagnostics.some((d) => d.code === 'kr-ambiguous-metric'), false);
  });

  it('ends 1,000 rapid edits with diagnostics for the final text', async () => {
    const uri = 'file:///mem/rapid.okr';
    await client.open(uri, 'objective Grow\n');
    let version = 1;
    for (let i = 0; i < 1000; i++) {
      const line = i % 2 === 0 ? `  krr typo ${i}\n` : `  kr Increase NPS from ${i} to ${i + 8}\n`;
      version = client.sendChange(uri, `objective Grow\n${line}`);
    }
    const last = await client.waitForDiagnostics(uri, version);
    assert.equal(version, 1001);
    // The final text (i = 999) has a valid kr line: no syntax error may remain.
    assert.deepEqual(last.diagnostics.filter((d) => d.code === 'syntax'), []);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///mem/closing.okr';
    await client.open(uri, 'krr nothing\n');
    const cleared = new Promise<void>((resolve) => {
      client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
        if (p.uri === uri && p.diagnostics.length === 0) resolve();
      });
    });
    await client.close(uri);
    await cleared;
  });
});

// The workspace index behind the OKR Progress tree: several files on disk, an unsaved edit,
// files created and deleted, check-ins, the report and the status-bar summary.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OkrTree } from '../../server/src/engine/tree';
import { applyEdits, LspClient, type TextEdit } from './client';
import { AR, SETTINGS, TODAY } from './fixtures';

const PRODUCT = [
  'period 2026-Q2',
  'team Product',
  'objective Make onboarding effortless',
  '  why New customers churn in week one.',
  '  kr Cut onboarding time from 45 days to 30 days by 2026-06-30',
  '    baseline 45 days on 2026-03-31',
  '    target 30 days by 2026-06-30',
  '    checkin 2026-04-20 44 days at-risk',
  '',
].join('\n');

const SUPPORT = [
  'period 2026-Q2',
  'team Support',
  'objective Answer faster',
  '  why Slow answers cost renewals.',
  '  kr Raise first contact resolution from 60% to 75% by 2026-06-30',
  '    baseline 60% on 2026-03-31',
  '    checkin 2026-05-01 70%',
  '',
].join('\n');

describe('lsp: workspace tree', function () {
  let folder: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'okr-ws-'));
    mkdirSync(join(folder, 'finance'));
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'finance', 'ar.okr'), AR);
    writeFileSync(join(folder, 'product.okr'), PRODUCT);
    writeFileSync(join(folder, 'support.okr'), SUPPORT);
    writeFileSync(join(folder, 'node_modules', 'pkg', 'ignored.okr'), PRODUCT.replace('Product', 'Ignored'));
    writeFileSync(join(folder, 'notes.txt'), 'not an okr file');
    client = await LspClient.start({ folder, settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  const tree = (statuses?: string[]) => client.request<OkrTree>('okr/tree', statuses ? { statuses } : {});
  const files = (t: OkrTree) => t.periods.flatMap((p) => p.files.map((f) => `${p.label} / ${f.label}`));

  it('indexes every .okr file on disk by period and team, skipping node_modules', async () => {
    const t = await tree();
    assert.equal(t.asOf, TODAY);
    // Newest first: both start on 2026-04-01 and the longer one ends later.
    assert.deepEqual(t.periods.map((p) => p.label), ['2026-04-01 to 2026-08-30', '2026-Q2']);
    assert.deepEqual(files(t), ['2026-04-01 to 2026-08-30 / Accounts Receivable', '2026-Q2 / Product', '2026-Q2 / Support']);
    const ar = t.periods[0].files[0];
    assert.equal(ar.uri, uriOf('finance/ar.okr'));
    const kr = ar.objectives[0].keyResults[0];
    assert.equal(kr.description, '38% · on track');
    assert.equal(kr.reported, 'at-risk');
    assert.deepEqual(kr.range.start, { line: 8, character: 2 });
    assert.deepEqual(kr.tasks.map((x) => x.done), [true, false]);
  });

  it('shows an open document as edited, unsaved, instead of its file on disk', async () => {
    const uri = uriOf('product.okr');
    await client.open(uri, PRODUCT);
    await client.change(uri, PRODUCT.replace('44 days at-risk', '36 days on-track').replace('Make onboarding effortless', 'Onboard in a month'));
    const t = await tree();
    const product = t.periods.find((p) => p.label === '2026-Q2')!.files.find((f) => f.label === 'Product')!;
    assert.equal(product.unsaved, true);
    assert.equal(product.objectives[0].title, 'Onboard in a month');
    assert.equal(product.objectives[0].keyResults[0].current, '36 days');
    assert.equal(files(t).length, 3, 'the open file is not counted twice');
  });

  it('filters by status', async () => {
    const t = await tree(['at-risk', 'off-track']);
    const krs = t.periods.flatMap((p) => p.files.flatMap((f) => f.objectives.flatMap((o) => o.keyResults)));
    assert.ok(krs.every((k) => k.status === 'at-risk' || k.status === 'off-track'), krs.map((k) => k.status).join());
  });

  it('follows files created and deleted on disk', async () => {
    const created = join(folder, 'new.okr');
    writeFileSync(created, 'period 2026-H2\nteam Growth\nobjective Grow\n  kr Grow users from 10 to 20\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 1 }] });
    assert.ok(files(await tree()).includes('2026-H2 / Growth'));
    unlinkSync(created);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 3 }] });
    assert.equal(files(await tree()).includes('2026-H2 / Growth'), false);
  });

  it('includes an untitled document', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'period 2026-Q3\nteam Draft\nobjective Sketch\n');
    assert.ok(files(await tree()).includes('2026-Q3 / Draft'));
    await client.close(uri);
    assert.equal(files(await tree()).includes('2026-Q3 / Draft'), false);
  });

  it('sends okr/treeChanged after an edit', async () => {
    const uri = uriOf('support.okr');
    const changed = client.waitForNotification('okr/treeChanged');
    await client.open(uri, SUPPORT);
    await changed;
  });

  it('summarises the active file for the status bar', async () => {
    const uri = uriOf('finance/ar.okr');
    await client.open(uri, AR.replace('checkin 2026-05-01 67% on-track', 'checkin 2026-05-01 63% on-track'));
    const summary = await client.request<{ text: string } | null>('okr/fileSummary', { uri });
    assert.equal(summary!.text, 'Apr–Aug · 27% · 1 at risk');
    assert.equal(await client.request('okr/fileSummary', { uri: 'file:///nowhere.okr' }), null);
  });

  it('summarises a new file with no check-ins as no data yet, not 0% and 0 at risk', async () => {
    const uri = 'untitled:Untitled-2';
    await client.open(uri, 'period 2026-Q2\nteam Draft\nobjective Sketch\n  kr Grow users from 10 to 20\n');
    const summary = await client.request<{ text: string } | null>('okr/fileSummary', { uri });
    assert.equal(summary!.text, 'Q2 · no data yet');
    await client.close(uri);
  });

  it('checks in on a KR: the line goes after the last check-in, with today and the note escaped', async () => {
    const uri = uriOf('finance/ar.okr');
    await client.open(uri, AR);
    const context = await client.request<{ title: string; example: string; today: string }>('okr/checkInContext', { uri, position: { line: 10, character: 4 } });
    assert.equal(context.example, '$19.4M');
    assert.equal(context.today, TODAY);
    const result = await client.request<{ edit?: TextEdit; error?: string }>('okr/checkInEdit', {
      uri, position: { line: 10, character: 4 }, value: '$18.2M', status: 'on-track', note: 'Paid "early"',
    });
    const text = applyEdits(AR, [result.edit!]);
    const lines = text.split('\n');
    assert.equal(lines[14], `    checkin ${TODAY} $18.2M on-track "Paid \\"early\\""`);
    assert.equal(lines[15], '    task [x] Weekly report of the top 10 accounts by aging bucket');
    const after = await client.change(uri, text);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'syntax'), []);
    const bad = await client.request<{ error?: string }>('okr/checkInEdit', { uri, position: { line: 10, character: 4 }, value: 'lots' });
    assert.match(bad.error!, /lots/);
    const nowhere = await client.request<{ error?: string }>('okr/checkInEdit', { uri, position: { line: 1, character: 0 }, value: '5' });
    assert.match(nowhere.error!, /key result/);
  });

  it('check-in: the KR\'s unit and last value come with the context; a wrong unit, an early date or a made-up status is refused', async () => {
    const uri = uriOf('finance/ar.okr');
    await client.open(uri, AR);
    const at = { line: 10, character: 4 };
    const context = await client.request<{ facts: { unit: string; unitLabel: string; lastValue: string; lastDate: string; targetDate: string } }>('okr/checkInContext', { uri, position: at });
    assert.deepEqual([context.facts.unit, context.facts.lastValue, context.facts.lastDate, context.facts.targetDate], ['$', '$19.4M', '2026-05-01', '2026-08-30']);
    const edit = (params: Record<string, unknown>) => client.request<{ edit?: TextEdit; error?: string }>('okr/checkInEdit', { uri, position: at, value: '$18.2M', ...params });
    assert.match((await edit({ value: '1,450 users' })).error!, /measured in dollars, not 'users'/);
    assert.match((await edit({ date: '2026-04-20' })).error!, /cannot come before/);
    assert.match((await edit({ date: '2026-13-01' })).error!, /2026-13-01 is not a date on the calendar/);
    assert.match((await edit({ date: '13/01/2026' })).error!, /YYYY-MM-DD/);
    // A status that would start a new line (or anything but the three calls) is refused, never written.
    const injected = await edit({ status: 'on-track\n    target $1 by 2026-06-30' });
    assert.equal(injected.edit, undefined);
    assert.match(injected.error!, /status must be one of on-track, at-risk, off-track/);
    const dated = await edit({ date: '2026-05-09' });
    assert.equal(dated.edit!.newText.trim(), 'checkin 2026-05-09 $18.2M');
  });

  it('exports the Markdown report of every file, escaped', async () => {
    const { markdown } = await client.request<{ markdown: string }>('okr/report', {});
    assert.match(markdown, /^# OKR progress report/);
    assert.match(markdown, /finance\/ar\.okr · Accounts Receivable/);
    assert.match(markdown, /product\.okr · Product/);
    assert.match(markdown, /\\\$24M/);
  });
});

describe('lsp: .okrrc.json', function () {
  let folder: string;
  let client: LspClient;
  const DOC = 'period 2026-Q2\nobjective Ship\n  why Because.\n  kr Implement new inventory management software\n';

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'okr-config-'));
    mkdirSync(join(folder, 'team'));
    writeFileSync(join(folder, '.okrrc.json'), '{\n  "rules": {\n    "kr-task": "error",\n    "kr-nonsense": "warning"\n  }\n}\n');
    client = await LspClient.start({ folder, settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies the nearest config file above the document, over the editor settings', async () => {
    const uri = pathToFileURL(join(folder, 'team', 'plan.okr')).href;
    const configUri = pathToFileURL(join(folder, '.okrrc.json')).href;
    const problems = client.waitForDiagnostics(configUri, undefined);
    const published = await client.open(uri, DOC);
    assert.equal(published.diagnostics.find((d) => d.code === 'kr-task')?.severity, 1);
    const config = await problems;
    assert.equal(config.diagnostics.length, 1, JSON.stringify(config.diagnostics));
    assert.equal(config.diagnostics[0].range.start.line, 3);
    assert.match(config.diagnostics[0].message, /kr-nonsense/);
  });

  it('re-checks open documents when the config file changes on disk', async () => {
    const uri = pathToFileURL(join(folder, 'team', 'plan.okr')).href;
    await client.open(uri, DOC);
    writeFileSync(join(folder, '.okrrc.json'), '{ "rules": { "kr-task": "info" } }\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, '.okrrc.json')).href, type: 2 }] });
    assert.equal((await next).diagnostics.find((d) => d.code === 'kr-task')?.severity, 3);
  });
});

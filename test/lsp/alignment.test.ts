// Alignment across files over stdio: three files on disk, two of them open with unsaved edits.
// Definition, references, rename, completion, hover, links, symbols and the diagnostics across files.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AlignmentTree } from '../../server/src/engine/workspace/alignment-tree';
import { applyEdits, LspClient, positionOf, type Diagnostic, type Range, type TextEdit } from './client';
import { SETTINGS } from './fixtures';

const COMPANY = [
  'period 2026',
  'team Company',
  'objective Keep every customer we win',
  '  id keep-customers',
  '  why Keeping a customer costs less than winning one.',
  '  kr Increase net revenue retention from 98% to 110% by 2026-12-31',
  '    id nrr',
  '    baseline 98% on 2025-12-31',
  '    target 110% by 2026-12-31',
  '    checkin 2026-04-30 104%',
  '',
].join('\n');

const SUPPORT = [
  'period 2026-Q2',
  'team Support',
  'objective Answer customers faster',
  '  aligns keep-customers',
  '  why Slow answers cost renewals.',
  '  kr Reduce first reply time from 8 hours to 2 hours by 2026-06-30',
  '    baseline 8 hours on 2026-04-01',
  '    target 2 hours by 2026-06-30',
  '    checkin 2026-05-05 5 hours',
  '',
].join('\n');

const SALES = [
  'period 2026-Q2',
  'team Sales',
  'objective Win renewals before they are due',
  '  why Renewals signed early do not churn.',
  '  kr Raise early renewals from 10% to 30% by 2026-06-30',
  '    baseline 10% on 2026-04-01',
  '    target 30% by 2026-06-30',
  '    checkin 2026-05-05 20%',
  '',
].join('\n');

interface Location { uri: string; range: Range }
interface WorkspaceEdit { changes: Record<string, TextEdit[]> }
interface CompletionItem { label: string; detail?: string; labelDetails?: { description?: string } }

const alignmentRules = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => /^(aligns|id)-/.test(String(d.code))).map((d) => `${d.code}@${d.range.start.line}: ${d.message}`);

describe('lsp: alignment across files', function () {
  let folder: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;
  let company: string, support: string, sales: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'okr-align-'));
    writeFileSync(join(folder, 'company.okr'), COMPANY);
    writeFileSync(join(folder, 'support.okr'), SUPPORT);
    writeFileSync(join(folder, 'sales.okr'), SALES);
    client = await LspClient.start({ folder, settings: SETTINGS });
    [company, support, sales] = ['company.okr', 'support.okr', 'sales.okr'].map(uriOf);
    await client.open(support, SUPPORT);
    // Sales aligns to the company KR in an edit that is not saved.
    await client.open(sales, SALES);
    await client.change(sales, SALES.replace('  kr Raise early renewals', '  aligns keep-customers\n  kr Raise early renewals').replace('    checkin 2026-05-05 20%', '    aligns nrr\n    checkin 2026-05-05 20%'));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  it('resolves ids defined in a file that is not open: no diagnostics across files', async () => {
    assert.deepEqual(alignmentRules((await client.waitForDiagnostics(support)).diagnostics), []);
    assert.deepEqual(alignmentRules((await client.waitForDiagnostics(sales)).diagnostics), []);
  });

  it('go to definition on an aligns id lands on the id in the other file', async () => {
    const at = positionOf(client.text(sales), 'aligns nrr', 'aligns n'.length);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: sales }, position: at });
    assert.deepEqual(locations, [{ uri: company, range: { start: { line: 6, character: 7 }, end: { line: 6, character: 10 } } }]);
  });

  it('find references on an id: every aligns across files, open (unsaved) or not', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: support }, position: positionOf(SUPPORT, 'keep-customers', 3), context: { includeDeclaration: true },
    });
    assert.deepEqual(locations.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}:${l.range.start.character}`).sort(), [
      'company.okr:3:5', 'sales.okr:4:9', 'support.okr:3:9',
    ]);
  });

  it('completion after aligns offers the known ids with their titles and files', async () => {
    const text = SUPPORT.replace('  aligns keep-customers', '  aligns keep-customers\n  aligns ');
    await client.change(support, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: support }, position: { line: 4, character: 9 } });
    const nrr = items.find((i) => i.label === 'nrr');
    assert.equal(nrr?.detail, 'Increase net revenue retention from 98% to 110% by 2026-12-31');
    assert.equal(nrr?.labelDetails?.description, 'company.okr:6');
    assert.deepEqual(items.map((i) => i.label).sort(), ['keep-customers', 'nrr']);
    await client.change(support, SUPPORT);
  });

  it('hover on an aligns id shows the target, its rolled-up progress and status', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: support }, position: positionOf(SUPPORT, 'keep-customers', 2) });
    const text = hover.contents.value;
    assert.match(text, /\*\*Aligns to\*\* objective `keep-customers`/);
    assert.match(text, /Keep every customer we win/);
    assert.match(text, /rolled up/);
    assert.match(text, /\*\*Own key results:\*\* 50%/);
    assert.match(text, /\*\*Contributors \(2\):\*\*/);
    assert.match(text, /company\.okr:3 · Company · 2026/);
  });

  it('document links point from each aligns id to the line of its target', async () => {
    const links = await client.request<{ range: Range; target: string }[]>('textDocument/documentLink', { textDocument: { uri: sales } });
    assert.deepEqual(links.map((l) => l.target), [`${company}#L3`, `${company}#L6`]);
  });

  it('workspace symbols find objectives and KRs by title and by id', async () => {
    const byTitle = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'retention' });
    assert.deepEqual(byTitle.map((s) => s.name), ['Increase net revenue retention from 98% to 110% by 2026-12-31']);
    const byId = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'keep-cust' });
    assert.deepEqual(byId.map((s) => `${s.name} ${s.location.uri.split('/').pop()}`), ['Keep every customer we win company.okr']);
  });

  it('prepareRename accepts an id and refuses anything else', async () => {
    const ok = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: support }, position: positionOf(SUPPORT, 'keep-customers', 1) });
    assert.deepEqual(ok, { range: { start: { line: 3, character: 9 }, end: { line: 3, character: 23 } }, placeholder: 'keep-customers' });
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: support }, position: positionOf(SUPPORT, 'Answer customers') }),
      /Only an id can be renamed/,
    );
  });

  it('rename changes the id and every aligns in every file, and refuses a name that is no id', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: sales }, position: positionOf(client.text(sales), 'keep-customers'), newName: 'customers-stay' });
    assert.deepEqual(Object.keys(edit.changes).sort(), [company, sales, support].sort());
    assert.equal(applyEdits(COMPANY, edit.changes[company]).includes('  id customers-stay\n'), true);
    assert.equal(applyEdits(client.text(sales), edit.changes[sales]).includes('  aligns customers-stay\n'), true);
    assert.equal(applyEdits(SUPPORT, edit.changes[support]).includes('  aligns customers-stay\n'), true);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: sales }, position: positionOf(client.text(sales), 'keep-customers'), newName: 'Customers Stay' }),
      /'Customers Stay' is not an id/,
    );
  });

  it('an unsaved edit of the id in one file shows aligns-unknown (with did-you-mean) in the others, and undoing it clears them', async () => {
    await client.open(company, COMPANY);
    const supportNext = client.nextDiagnostics(support);
    await client.change(company, COMPANY.replace('  id keep-customers', '  id keep-customer'));
    assert.deepEqual(alignmentRules((await supportNext).diagnostics), [
      "aligns-unknown@3: No objective or KR has the id 'keep-customers' — did you mean 'keep-customer'?",
    ]);
    const cleared = client.nextDiagnostics(support);
    await client.change(company, COMPANY);
    assert.deepEqual(alignmentRules((await cleared).diagnostics), []);
    await client.close(company);
  });

  it('a typo gets the quick fix "Change to" the known id; applied, the file checks clean', async () => {
    const typo = SUPPORT.replace('aligns keep-customers', 'aligns keep-custmers');
    const published = await client.change(support, typo);
    const unknown = published.diagnostics.filter((d) => d.code === 'aligns-unknown');
    assert.equal(unknown.length, 1);
    const actions = await client.request<{ title: string; isPreferred?: boolean; edit: WorkspaceEdit }[]>('textDocument/codeAction', {
      textDocument: { uri: support }, range: unknown[0].range, context: { diagnostics: unknown, only: ['quickfix'] },
    });
    const change = actions.find((a) => a.title === "Change to 'keep-customers'");
    assert.ok(change?.isPreferred, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(typo, change.edit.changes[support]);
    assert.equal(fixed, SUPPORT);
    assert.deepEqual(alignmentRules((await client.change(support, fixed)).diagnostics), []);
    const fixAll = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri: support }, range: unknown[0].range, context: { diagnostics: [], only: ['source.fixAll.okr'] },
    });
    assert.ok(!fixAll.some((a) => a.title.startsWith('Change to')), 'a guess is never part of Fix all');
  });

  it('an id used in two files is an error in both; a cycle is an error', async () => {
    const duplicate = SUPPORT.replace('  aligns keep-customers', '  aligns keep-customers\n  id nrr');
    const published = await client.change(support, duplicate);
    assert.deepEqual(alignmentRules(published.diagnostics).map((d) => d.split(':')[0]), ['id-duplicate@4']);
    const cycle = SUPPORT.replace('  aligns keep-customers', '  aligns keep-customers\n  id support-speed\n  aligns support-speed');
    assert.deepEqual(alignmentRules((await client.change(support, cycle)).diagnostics).map((d) => d.split(':')[0]), ['aligns-cycle@5']);
    await client.change(support, SUPPORT);
  });

  it('follows files created, deleted and renamed on disk', async () => {
    const text = SUPPORT.replace('  aligns keep-customers', '  aligns keep-customers\n  aligns growth');
    assert.deepEqual(alignmentRules((await client.change(support, text)).diagnostics).map((d) => d.split(':')[0]), ['aligns-unknown@4']);
    const growth = join(folder, 'growth.okr');
    writeFileSync(growth, 'period 2026\nobjective Grow\n  id growth\n');
    let next = client.nextDiagnostics(support);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(growth).href, type: 1 }] });
    assert.deepEqual(alignmentRules((await next).diagnostics), []);
    // A rename on disk: the old file is deleted, the new one created; the id still resolves, to the new file.
    const renamed = join(folder, 'growth-2026.okr');
    writeFileSync(renamed, 'period 2026\nobjective Grow\n  id growth\n');
    unlinkSync(growth);
    next = client.nextDiagnostics(support);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(growth).href, type: 3 }, { uri: pathToFileURL(renamed).href, type: 1 }] });
    assert.deepEqual(alignmentRules((await next).diagnostics), []);
    const at = positionOf(text, 'aligns growth', 'aligns g'.length);
    assert.deepEqual((await client.request<Location[]>('textDocument/definition', { textDocument: { uri: support }, position: at })).map((l) => l.uri), [pathToFileURL(renamed).href]);
    unlinkSync(renamed);
    next = client.nextDiagnostics(support);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(renamed).href, type: 3 }] });
    assert.deepEqual(alignmentRules((await next).diagnostics).map((d) => d.split(':')[0]), ['aligns-unknown@4']);
    await client.change(support, SUPPORT);
  });

  it('the alignment tree: the company objective on top, contributors below with rolled-up progress', async () => {
    const tree = await client.request<AlignmentTree>('okr/alignmentTree', {});
    assert.deepEqual(tree.roots.map((r) => `${r.id} ${r.uri === company}`), ['keep-customers true', 'nrr true']);
    assert.deepEqual(tree.roots[0].contributors.map((c) => c.title).sort(), ['Answer customers faster', 'Win renewals before they are due']);
    assert.equal(tree.roots[0].own.progress, 0.5);
    assert.ok(tree.roots[0].contributed && tree.roots[0].contributed.count === 2);
  });

  it('the alignment tree takes the status filter of okr/tree: every KR here is on track', async () => {
    const request = (params: object) => client.request<AlignmentTree>('okr/alignmentTree', params);
    const all = await request({});
    const onTrack = await request({ statuses: ['on-track'] });
    const offTrack = await request({ statuses: ['off-track', 'at-risk'] });
    assert.deepEqual([all.statuses, onTrack.statuses, offTrack.statuses], [[], ['on-track'], ['off-track', 'at-risk']]);
    assert.deepEqual(onTrack.roots, all.roots);
    assert.deepEqual([offTrack.roots, offTrack.unaligned], [[], []]);
  });
});

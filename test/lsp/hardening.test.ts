// The server on files the CLI declines or must not wait on (issues 11 and 15): the same one-line
// error as `okr check` for text that is not UTF-8 or holds a NUL byte, and pipes never stall it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OkrTree } from '../../server/src/engine/tree';
import type { AlignmentTreeResult } from '../../server/src/lsp/protocol';
import { runOkr } from '../helpers/cli';
import { LspClient } from './client';
import { SETTINGS } from './fixtures';

const GOOD = 'period 2026-Q2\nobjective Grow\n  why Growth pays.\n  kr Grow users from 10 to 20 by 2026-06-30\n';
// A finding that depends on no date (kr-task): its diagnostics show the document was checked.
const WITH_FINDING = GOOD.replace('Grow users from 10 to 20', 'Implement the new signup flow');
const LATIN1 = Buffer.concat([Buffer.from('period 2026-Q2\nobjective Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
const fifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

describe('lsp: files the CLI declines', function () {
  let folder: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;
  const cliMessage = (name: string) => JSON.parse(runOkr(['check', name, '--format', 'json'], folder).stdout).files[0].diagnostics.map((d: { message: string }) => d.message);

  before(async function () {
    if (process.platform === 'win32') this.skip();
    folder = mkdtempSync(join(tmpdir(), 'okr-lsp-hard-'));
    mkdirSync(join(folder, 'sub'));
    mkdirSync(join(folder, 'team'));
    writeFileSync(join(folder, 'good.okr'), GOOD);
    writeFileSync(join(folder, 'latin1.okr'), LATIN1);
    writeFileSync(join(folder, 'team', 'cafe.okr'), LATIN1);
    writeFileSync(join(folder, 'nul.okr'), GOOD.replace('Grow users', 'Grow\0users'));
    writeFileSync(join(folder, 'large.okr'), `${GOOD}#${'x'.repeat(1024 * 1024)}\n`);
    assert.ok(fifo(join(folder, 'pipe.okr')) && fifo(join(folder, 'sub', '.okrrc.json')), 'mkfifo');
    client = await LspClient.start({ folder, settings: SETTINGS });
  });
  after(async () => {
    if (!client) return;
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows the CLI\'s error for a file that is not UTF-8, at its first bad byte (11.2)', async () => {
    const published = await client.open(uriOf('latin1.okr'), LATIN1.toString('utf8'));
    assert.deepEqual(published.diagnostics.map((d) => d.message), cliMessage('latin1.okr'));
    assert.deepEqual(published.diagnostics[0].range, { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } });
    // Typed by the user (no longer the file on disk), U+FFFD is just a character.
    const edited = await client.change(uriOf('latin1.okr'), 'period 2026-Q2\nobjective Caf\ufffd\n  why x\n');
    assert.ok(!edited.diagnostics.some((d) => d.code === 'not-utf8'));
    await client.close(uriOf('latin1.okr'));
  });

  it('declines a document with a NUL byte with the CLI\'s message (11.6)', async () => {
    const published = await client.open(uriOf('nul.okr'), GOOD.replace('Grow users', 'Grow\0users'));
    assert.deepEqual(published.diagnostics.map((d) => d.message), cliMessage('nul.okr'));
    assert.equal(published.diagnostics.length, 1);
    await client.close(uriOf('nul.okr'));
  });

  it('lists the files it declines under the tree, with check\'s message and their workspace-relative label, in either mode and whatever the filter; a watched pipe does not stall it (11.2, 15.3)', async () => {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('pipe.okr'), type: 2 }] });
    const expected = ['large.okr', 'latin1.okr', 'nul.okr', 'team/cafe.okr'].map((label) => ({ uri: uriOf(label), label, message: cliMessage(label)[0] }));
    for (const statuses of [[], ['off-track']]) {
      const tree = await client.request<OkrTree>('okr/tree', { statuses });
      const labels = tree.periods.flatMap((p) => p.files.map((f) => f.label));
      if (!statuses.length) assert.ok(labels.some((l) => l.includes('good')), JSON.stringify(labels));
      assert.ok(!labels.some((l) => /latin1|nul|large|cafe|pipe/.test(l)), JSON.stringify(labels));
      assert.deepEqual(tree.declined, expected, `filter ${JSON.stringify(statuses)}`);
      const alignment = await client.request<AlignmentTreeResult>('okr/alignmentTree', { statuses });
      assert.deepEqual(alignment.declined, expected, `alignment, filter ${JSON.stringify(statuses)}`);
    }
  });

  it('a document declined as edited is listed while open, and leaves the list when closed', async () => {
    const withNul = GOOD.replace('Grow users', 'Grow\0users');
    await client.open(uriOf('good.okr'), withNul);
    const tree = await client.request<OkrTree>('okr/tree', {});
    assert.deepEqual(tree.declined.find((d) => d.label === 'good.okr')?.message, cliMessage('nul.okr')[0]);
    assert.ok(!tree.periods.some((p) => p.files.some((f) => f.uri === uriOf('good.okr'))), 'not shown as on disk as well');
    const { markdown } = await client.request<{ markdown: string }>('okr/report', {});
    assert.deepEqual(markdown.match(/^## good\.okr\n\n.*$/gm), [`## good.okr\n\n**Declined:** ${cliMessage('nul.okr')[0]}`], 'the report names it once, declined');
    await client.close(uriOf('good.okr'));
    const after = await client.request<OkrTree>('okr/tree', {});
    assert.ok(!after.declined.some((d) => d.label === 'good.okr'));
    assert.ok(after.periods.some((p) => p.files.some((f) => f.uri === uriOf('good.okr'))));
  });

  it('the exported report names the files it leaves out, with the CLI\'s message, as okr report does', async () => {
    const { markdown } = await client.request<{ markdown: string }>('okr/report', {});
    for (const name of ['latin1.okr', 'nul.okr', 'large.okr']) {
      const section = markdown.slice(markdown.indexOf(`## ${name}`));
      assert.ok(markdown.includes(`## ${name}`), `${name} is in the report:\n${markdown}`);
      // The Markdown escapes punctuation; the words of check's message are all there, in order.
      const words = cliMessage(name)[0].split(/\W+/).filter(Boolean);
      assert.match(section, new RegExp(`^\\*\\*Declined:\\*\\* ${words.join('\\W+')}`, 'm'), section.slice(0, 400));
    }
    assert.match(markdown, /## good\.okr[\s\S]*Grow users/);
  });

  it('a pipe named .okrrc.json is reported on that config, never waited on (15.3)', async () => {
    const configUri = uriOf('sub/.okrrc.json');
    const configProblems = client.nextDiagnostics(configUri);
    const published = await client.open(uriOf('sub/x.okr'), WITH_FINDING);
    assert.ok(published.diagnostics.length > 0);
    assert.match((await configProblems).diagnostics[0].message, /cannot read the config file: is not a regular file/);
  });
});

describe('lsp: a deeply nested .okrrc.json', function () {
  it('is one error on that config, and the documents under it are still checked (15.10)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-lsp-deep-'));
    writeFileSync(join(folder, '.okrrc.json'), `{"rules": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    const client = await LspClient.start({ folder, settings: SETTINGS });
    try {
      const configUri = pathToFileURL(join(folder, '.okrrc.json')).href;
      const configProblems = client.nextDiagnostics(configUri);
      const published = await client.open(pathToFileURL(join(folder, 'a.okr')).href, WITH_FINDING);
      assert.ok(published.diagnostics.length > 0);
      assert.deepEqual((await configProblems).diagnostics.map((d) => d.message), ['the config nests deeper than 64 levels; it is not read (the defaults apply)']);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('lsp: the workspace scan with few file descriptors', function () {
  it('indexes every file when descriptors run short, never dropping one silently (15.7)', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'okr-lsp-fds-'));
    const count = 600;
    for (let i = 0; i < count; i++) writeFileSync(join(folder, `f${i}.okr`), `period 2026-Q2\nteam T${i}\nobjective O${i}\n  kr Grow users from 10 to 20 by 2026-06-30\n`);
    const client = await LspClient.start({ folder, settings: SETTINGS, openFileLimit: 48 });
    try {
      const tree = await client.request<OkrTree>('okr/tree', {});
      assert.equal(tree.periods.flatMap((p) => p.files).length, count, client.logs.join('\n').slice(0, 500));
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('lsp: the .okrrc.json search', function () {
  it('stops at the workspace folder: a config above it does not apply (15.11)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'okr-lsp-above-'));
    const folder = join(parent, 'workspace');
    mkdirSync(folder);
    writeFileSync(join(parent, '.okrrc.json'), '{"rules": {"objective-missing-why": "off"}}');
    const client = await LspClient.start({ folder, settings: SETTINGS });
    try {
      const published = await client.open(pathToFileURL(join(folder, 'a.okr')).href, 'period 2026-Q2\nobjective Grow\n  kr Grow users from 10 to 20 by 2026-06-30\n');
      assert.ok(published.diagnostics.some((d) => d.code === 'objective-missing-why'), JSON.stringify(published.diagnostics.map((d) => d.code)));
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

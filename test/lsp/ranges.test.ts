// didChange ranges outside the document (issue 15, item 1): past the end of a line or of the
// document is clamped as editors do; a malformed range is refused whole. Either way the server
// keeps checking the text the editor has, and a later edit lands where the editor put it.
import { strict as assert } from 'node:assert';
import { diagnosticsSummary as summary, LspClient, type PublishDiagnosticsParams, type Range } from './client';
import { SETTINGS } from './fixtures';

const DOC = [
  'period 2026-Q2',
  'objective Grow revenue',
  '  why Cash pays for the roadmap.',
  '  kr Increase revenue from $1M to $2M by 2026-06-30',
  '    baseline $1M on 2026-04-01',
].join('\n');


const at = (line: number, character: number) => ({ line, character });

describe('lsp: didChange ranges outside the document', function () {
  this.timeout(60_000);
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start({ settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** The server's diagnostics equal those of `expected` opened fresh. */
  async function assertChecks(published: PublishDiagnosticsParams, expected: string): Promise<void> {
    const fresh = await client.open(`file:///mem/ranges-expected-${n++}.okr`, expected);
    assert.equal(summary(published), summary(fresh));
  }

  /** Sends one change, checks the server has `expected`, then types on its last line and checks again. */
  async function changeThenType(range: unknown, text: string, expected: string, refused = false): Promise<void> {
    const uri = `file:///mem/ranges-${n++}.okr`;
    await client.open(uri, DOC);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text }] });
    const published = await next;
    assert.equal(published.version, refused ? 1 : 2);
    await assertChecks(published, expected);
    // Line offsets must match the text too: an edit on the last line lands there.
    const last = expected.split('\n').length - 1;
    const typed = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: at(last, 0), end: at(last, 0) }, text: 'zzz ' }],
    });
    const lines = expected.split('\n');
    lines[last] = 'zzz ' + lines[last];
    await assertChecks(await typed, lines.join('\n'));
  }

  const range = (start: { line: number; character: number }, end = start): Range => ({ start, end });

  it('treats a range past the last line (line 10 of 5) as the end of the document', async () => {
    await changeThenType(range(at(10, 0)), '\nobjective Orphan', DOC + '\nobjective Orphan');
  });

  it('treats line 1e9 as the end of the document, without hanging', async () => {
    await changeThenType(range(at(1e9, 0)), '\nobjective Orphan', DOC + '\nobjective Orphan');
    await changeThenType(range(at(1e9, 1e9)), '\nobjective Far', DOC + '\nobjective Far');
    // One line replaced by one line break, a billion lines down: the text library recorded a
    // billion lines, and the next edit hung copying them.
    await changeThenType(range(at(1e9, 0), at(1e9 + 1, 0)), '\nobjective Farther', DOC + '\nobjective Farther');
    await changeThenType(range(at(0, 0), at(1e9, 0)), 'period 2026-Q3\nobjective All new', 'period 2026-Q3\nobjective All new');
  });

  it('treats a character past the end of its line as the line\'s end', async () => {
    const lines = DOC.split('\n');
    lines[1] += ' faster\nobjective Next';
    await changeThenType(range(at(1, 500), at(1, 1e9)), ' faster\nobjective Next', lines.join('\n'));
  });

  it('refuses malformed ranges whole and keeps the text it had', async () => {
    await changeThenType(range(at(-1, 0)), 'objective Negative\n', DOC, true);
    await changeThenType(range(at(1.5, 0)), 'objective Fraction\n', DOC, true);
    await changeThenType({ start: { line: '2', character: 0 }, end: at(2, 0) }, 'objective Text\n', DOC, true);
    await changeThenType({ start: at(2, 0) }, 'objective Half\n', DOC, true);
    await changeThenType(range(at(Number.MAX_SAFE_INTEGER + 2, 0)), 'objective Unsafe\n', DOC, true);
    assert.ok(client.logs.some((l) => /refused: start \(1\.5, 0\) is not a pair of unsigned integers/.test(l)), client.logs.join('\n'));
  });
});

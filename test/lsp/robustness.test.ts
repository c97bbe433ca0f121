// Protocol misuse: unknown methods, malformed params, unknown and closed documents,
// positions past the end, a document over the size limit. The server answers and lives on.
import { strict as assert } from 'node:assert';
import { LspClient } from './client';
import { AR, SETTINGS } from './fixtures';

describe('lsp: robustness', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { ...SETTINGS, maxDocumentSize: 1024 * 1024 } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const alive = async () => {
    const uri = 'file:///mem/alive.okr';
    await client.open(uri, AR);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 4 } });
    assert.match(hover!.contents.value, /38%/);
  };

  it('answers an unknown method with MethodNotFound', async () => {
    await assert.rejects(client.request('okr/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
    await alive();
  });

  it('answers malformed params with an empty answer', async () => {
    assert.equal(await client.request('textDocument/hover', {}), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 42 }, position: 'here' }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: {} }), []);
    assert.equal(await client.request('okr/fileSummary', null), null);
    assert.equal(await client.request('okr/checkInContext', { uri: 'file:///mem/alive.okr' }), null);
    await alive();
  });

  it('answers requests on unknown, closed documents and positions past the end without failing', async () => {
    const uri = 'file:///mem/closed.okr';
    await client.open(uri, AR);
    await client.close(uri);
    for (const doc of [uri, 'file:///mem/unknown.okr']) {
      const textDocument = { uri: doc };
      assert.equal(await client.request('textDocument/hover', { textDocument, position: { line: 1, character: 1 } }), null);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument }), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument }), []);
      assert.deepEqual(await client.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    }
    const open = { uri: 'file:///mem/alive.okr' };
    await client.open(open.uri, AR);
    const far = { line: 10_000, character: 10_000 };
    assert.equal(await client.request('textDocument/hover', { textDocument: open, position: far }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: open, position: far }), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: open, range: { start: far, end: { line: 20_000, character: 0 } } }), []);
    assert.equal(await client.request('okr/checkInContext', { uri: open.uri, position: far }), null);
    assert.match(client.logs.join('\n'), /^(?![\s\S]*uncaught)/, 'no uncaught exception was logged');
  });

  it('declines a document over the size limit with one clear message and keeps answering', async () => {
    const uri = 'file:///mem/huge.okr';
    const block = 'objective Grow\n  kr Grow users from 10 to 20 by 2026-06-30\n    baseline 10 on 2026-03-31\n';
    const huge = block.repeat(Math.ceil((1.5 * 1024 * 1024) / block.length));
    const published = await client.open(uri, huge);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].code, 'document-too-large');
    assert.match(published.diagnostics[0].message, /1\.5 MB.*limit is 1 MB/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } }), null);
    await alive();
  });
});

// The server's open documents (issue 11, item 5), kept as lines. That they read exactly as the
// protocol library's TextDocument after any edits is the fuzz property `document-sync`.
import { strict as assert } from 'node:assert';
import { LineDocument, splitLines } from '../../../server/src/lsp/line-document';

describe('LineDocument', () => {
  it('joins a lone CR and an LF typed after it into one CRLF line break', () => {
    const document = new LineDocument('file:///a.okr', 'okr', 1, 'a\rb\nc');
    document.replace({ line: 1, character: 0 }, { line: 1, character: 1 }, '');
    assert.equal(document.getText(), 'a\r\nc');
    assert.equal(document.lineCount, 2);
    assert.deepEqual(document.positionAt(3), { line: 1, character: 0 });
  });

  it('a copy takes edits without changing the original', () => {
    const document = new LineDocument('file:///a.okr', 'okr', 1, 'one\ntwo\n');
    const copy = document.clone();
    copy.replace({ line: 0, character: 0 }, { line: 1, character: 3 }, 'x');
    assert.equal(copy.getText(), 'x\n');
    assert.equal(document.getText(), 'one\ntwo\n');
  });

  it('splits lines keeping each break', () => {
    assert.deepEqual(splitLines(''), ['']);
    assert.deepEqual(splitLines('a\r\nb\rc\n'), ['a\r\n', 'b\r', 'c\n', '']);
  });
});

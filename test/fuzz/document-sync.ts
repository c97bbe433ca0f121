// The server's open documents (issue 11, item 5) are kept as lines, so that a burst of edits
// does not copy the whole text per edit. After any edits they must read exactly as the protocol
// library's TextDocument would, line breaks of every kind included.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lsp/line-document';

// Short texts made of line-break pieces, so that CRs meet LFs across edit boundaries often.
const piece = fc.constantFrom('a', 'bc', ' ', '\r', '\n', '\r\n', '\u{1F600}', '');
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.nat(8), character: fc.nat(6) });
const edit = fc.record({ start: position, end: position, text });

export const editedDocument = fc.tuple(text, fc.array(edit, { maxLength: 8 }), fc.array(position, { maxLength: 5 }), fc.array(fc.nat(40), { maxLength: 5 }));

/** A position as the server passes it on: inside the document, as its change checker clamps them. */
function clamp(document: LineDocument, p: { line: number; character: number }) {
  if (p.line >= document.lineCount) return document.positionAt(Number.MAX_SAFE_INTEGER);
  return { line: p.line, character: Math.min(p.character, document.lineLength(p.line)) };
}

type EditedDocument = typeof editedDocument extends fc.Arbitrary<infer T> ? T : never;

export function documentSyncProperty([initial, edits, probes, offsets]: EditedDocument): void {
  const ours = new LineDocument('file:///a.okr', 'okr', 1, initial);
  const theirs = TextDocument.create('file:///a.okr', 'okr', 1, initial);
  for (const [i, e] of edits.entries()) {
    const range = { start: clamp(ours, e.start), end: clamp(ours, e.end) };
    ours.replace(range.start, range.end, e.text);
    ours.setVersion(i + 2);
    TextDocument.update(theirs, [{ range, text: e.text }], i + 2);
  }
  assert.equal(ours.getText(), theirs.getText());
  assert.equal(ours.lineCount, theirs.lineCount);
  assert.equal(ours.version, theirs.version);
  for (const p of probes) {
    assert.equal(ours.offsetAt(p), theirs.offsetAt(p), `offsetAt ${JSON.stringify(p)}`);
    assert.deepEqual(ours.getLineRange(p.line), theirs.getLineRange(p.line), `getLineRange ${p.line}`);
    assert.equal(ours.getEOLCharacters(p.line), theirs.getEOLCharacters(p.line), `getEOLCharacters ${p.line}`);
    const range = { start: p, end: { line: p.line + 1, character: 0 } };
    assert.equal(ours.getText(range), theirs.getText(range), `getText ${JSON.stringify(range)}`);
  }
  for (const offset of offsets) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt ${offset}`);
}

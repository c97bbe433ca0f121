// Regression: a document with a syntax error on every line (found by the fuzz run with digits
// the grammar does not read). Each line keeps its own error, with a range on that line; the
// speed of this case is checked by the fuzz property time-1000-lines, which runs it first.
import { strict as assert } from 'node:assert';
import { parseDocument, splitLines } from '../../../server/src/engine/parser';
import { errorOnEveryLine } from '../../fuzz/properties';

describe('a document with an error on every line', () => {
  it('reports an error on every bad line, on that line, and keeps every objective', () => {
    const text = errorOnEveryLine(1000);
    const lines = splitLines(text);
    const doc = parseDocument(text);
    const badLines = new Set(doc.errors.map((e) => e.range.start.line));
    const valueLines = lines.map((l, i) => (/^\s+(baseline|target|checkin) /.test(l) ? i : -1)).filter((i) => i >= 0);
    for (const line of valueLines) assert.ok(badLines.has(line), `line ${line} '${lines[line]}' has no error`);
    for (const e of doc.errors) {
      assert.equal(e.range.start.line, e.range.end.line);
      assert.ok(e.range.end.character <= lines[e.range.start.line].length);
    }
    assert.equal(doc.objectives.length, 200);
  });

  it('parses the same way twice (the parser keeps no state between documents)', () => {
    const text = errorOnEveryLine(50);
    assert.deepEqual(parseDocument(text).errors, parseDocument(text).errors);
    assert.deepEqual(parseDocument('objective A\n  kr B\n').errors, []);
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { analyzeText } from '../../../server/src/engine/analyze';
import { DEFAULT_MAX_DOCUMENT_SIZE, exceedsLimit, SIZE_LIMIT_RULE, utf8Length } from '../../../server/src/engine/limits';
import { splitLines } from '../../../server/src/engine/parser';

const BLOCK = 'objective Grow the business\n  why Growth pays for the roadmap.\n  kr Increase revenue from $1M to $2M by 2026-06-30\n    baseline $1M on 2026-04-01\n    target $2M by 2026-06-30\n';

function documentOf(bytes: number): string {
  return BLOCK.repeat(Math.ceil(bytes / BLOCK.length));
}

describe('the document size limit', () => {
  it('declines a 10 MB document with one diagnostic on line 1 that says why', () => {
    const text = documentOf(10 * 1024 * 1024);
    const analysis = analyzeText(text, { asOf: '2026-05-15' });
    assert.equal(analysis.diagnostics.length, 1);
    const [d] = analysis.diagnostics;
    assert.equal(d.rule, SIZE_LIMIT_RULE);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'objective Grow the business'.length } });
    assert.match(d.message, /not checked: it is 10 MB, and the limit is 1 MB \(setting maxDocumentSize\)/);
    assert.equal(analysis.doc.lineCount, splitLines(text).length);
    assert.deepEqual(analysis.doc.objectives, []);
  });

  it('analyses a document just under the limit', () => {
    const text = documentOf(DEFAULT_MAX_DOCUMENT_SIZE - 2 * BLOCK.length).slice(0, DEFAULT_MAX_DOCUMENT_SIZE);
    assert.ok(utf8Length(text) <= DEFAULT_MAX_DOCUMENT_SIZE);
    const analysis = analyzeText(text, { asOf: '2026-05-15' });
    assert.ok(!analysis.diagnostics.some((d) => d.rule === SIZE_LIMIT_RULE));
    assert.ok(analysis.doc.objectives.length > 1000);
  });

  it('takes its limit from the options, in UTF-8 bytes', () => {
    const text = 'objective Zürich\n'; // 17 characters, 18 bytes
    assert.equal(utf8Length(text), 18);
    assert.equal(analyzeText(text, { maxDocumentSize: 18 }).diagnostics.some((d) => d.rule === SIZE_LIMIT_RULE), false);
    const declined = analyzeText(text, { maxDocumentSize: 17 });
    assert.deepEqual(declined.diagnostics.map((d) => d.rule), [SIZE_LIMIT_RULE]);
    assert.match(declined.diagnostics[0].message, /it is 18 bytes, and the limit is 17 bytes/);
  });

  it('gives the bytes when the rounded sizes would read alike', () => {
    const declined = analyzeText(`period 2026-Q2\n${'x'.repeat(1024 * 1024)}`, { asOf: '2026-05-01' });
    assert.match(declined.diagnostics[0].message, /it is 1,048,591 bytes, and the limit is 1,048,576 bytes \(setting maxDocumentSize\)/);
  });

  it('counts every UTF-8 byte: 2 for é, 4 for an emoji, 3 for a lone surrogate', () => {
    assert.equal(utf8Length('é'), 2);
    assert.equal(utf8Length('🚀'), 4);
    assert.equal(utf8Length('\ud800'), 3);
    assert.equal(utf8Length('\udc00a'), 4);
    assert.equal(exceedsLimit('🚀', 3), true);
    assert.equal(exceedsLimit('🚀', 4), false);
  });

  it('puts the diagnostic inside the first line, whatever the first line is', () => {
    for (const text of ['', '\n', '\r\nkr x', 'x'.repeat(50)]) {
      const [d] = analyzeText(text + 'y'.repeat(40), { maxDocumentSize: 10 }).diagnostics;
      assert.equal(d.range.end.character, splitLines(text + 'y'.repeat(40))[0].length, JSON.stringify(text));
    }
  });

  it('makes okr check report the declined file and exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'okr-size-'));
    try {
      writeFileSync(path.join(dir, 'huge.okr'), documentOf(DEFAULT_MAX_DOCUMENT_SIZE + 1));
      let out = '';
      const code = runCli(['check', '--today', '2026-05-15'], { cwd: dir, stdout: (t) => (out += t), stderr: () => {}, color: false });
      assert.equal(code, 1);
      assert.match(out, /^huge\.okr:1:1 error This document is not checked: .* \[document-too-large\]$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

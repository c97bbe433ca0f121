// Regressions found by the fuzz run: numbers and unit words that a fix wrote back in a form the
// parser could not read, and numbers too large to be numbers.
import { strict as assert } from 'node:assert';
import { fixText } from '../../../server/src/cli/fix';
import { analyzeText } from '../../../server/src/engine/analyze';
import { parseDocument } from '../../../server/src/engine/parser';
import { formatQuantityLike, parseNumber } from '../../../server/src/engine/values';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('values at the edges', () => {
  it('writes numbers from 10^21 on with digits, never as 1e+21', () => {
    const written = formatQuantityLike(-1.0009999999999999e21, { amount: 1001, unit: '', raw: '1001', range });
    assert.match(written, /^-\d+$/);
    assert.equal(parseNumber(written)?.amount, -1.0009999999999999e21);
  });

  it('refuses a number too large to be one, with a syntax error where it stands', () => {
    const big = '9'.repeat(400);
    assert.equal(parseNumber(big), undefined);
    const doc = parseDocument(`objective Grow\n  kr Reduce churn\n    baseline ${big} on 2026-04-01\n`);
    assert.equal(doc.objectives[0].keyResults[0].baseline, undefined);
    assert.deepEqual(doc.errors.map((e) => [e.range.start.line, e.range.start.character, e.message]), [[2, 13, "'99999999999999999999…' is too large a number"]]);
  });

  it('reads a unit word in a KR sentence exactly as a value line does', () => {
    for (const unit of ['e5', 'días', 'units2']) {
      const text = `objective Grow\n  kr Reduce waste from 10 ${unit} to 5 ${unit} by 2026-06-30\n    baseline 10 ${unit} on 2026-04-01\n    target 5 ${unit} by 2026-06-30\n`;
      const kr = parseDocument(text).objectives[0].keyResults[0];
      assert.equal(kr.sentence.from?.unit, kr.baseline?.value.unit, unit);
      assert.deepEqual(parseDocument(text).errors, [], unit);
    }
  });

  it('okr fix turns "by N percent" of a huge N into a document that still parses', () => {
    const text = 'objective Grow\n  kr Reduce by 99999999999999999999 percent\n    baseline 1001\n';
    const fixed = fixText(text, '2026-05-15').text;
    assert.deepEqual(parseDocument(fixed).errors, [], fixed);
    assert.ok(analyzeText(fixed, { asOf: '2026-05-15' }).diagnostics.every((d) => d.rule !== 'syntax'));
  });
});

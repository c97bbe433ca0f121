// Fix-all, the engine's one computation behind `okr fix` and the editor's "Fix all".
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { applyEdits, offsetAt } from '../../../server/src/engine/fixes/edits';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';

const AS_OF = '2026-05-01';

const HEAD = [
  'period 2026-04-01 to 2026-08-30',
  'objective Ship the new billing',
  '  why Customers wait too long for their invoices.',
  '  kr Increase the share of invoices paid on time from 60% to 80% by 2026-08-30',
  '    baseline 60% on 2026-03-31',
  '    target 80% by 2026-08-30',
];

describe('engine: fix-all', () => {
  it('puts consecutive task-like KRs all under the KR that stays, never one task under another', () => {
    const text = [...HEAD, '  kr Implement new inventory management software', '  kr Build a customer portal', '    task Pick a vendor', '  kr Launch the reminder emails', ''].join('\n');
    const out = fixAll(text, { asOf: AS_OF });
    assert.equal(out.text, [
      ...HEAD,
      '    task Implement new inventory management software',
      '    task Build a customer portal',
      '    task Pick a vendor',
      '    task Launch the reminder emails',
      '',
    ].join('\n'));
    assert.equal(out.applied.length, 3);
    for (const step of out.applied) assert.match(step.fix.title, /under the KR 'Increase the share/);
    // The edits on the original text give the same result (the editor applies those).
    assert.equal(applyEdits(text, out.edits).text, out.text);
  });

  it('is idempotent past 50 task-like KRs in one objective: one run converts them all', () => {
    const krs = Array.from({ length: 60 }, (_, i) => `  kr Implement new inventory management software number ${i + 1}`);
    const text = [...HEAD, ...krs, ''].join('\n');
    const once = fixAll(text, { asOf: AS_OF });
    assert.equal(once.applied.length, 60);
    assert.equal((once.text.match(/^ {4}task Implement/gm) ?? []).length, 60);
    const twice = fixAll(once.text, { asOf: AS_OF });
    assert.equal(twice.text, once.text);
    assert.equal(twice.applied.length, 0);
    assert.ok(!analyzeText(once.text, { asOf: AS_OF }).diagnostics.some((d) => d.rule === 'kr-task'));
  });

  it('gives edits on the original text even when a second pass was needed', () => {
    // The rewrite adds a target line; the KR-task conversion is independent: both in the result.
    const text = [
      'period 2026-04-01 to 2026-08-30', 'objective Cash', '  why Cash flow depends on it.',
      '  kr Reduce AR>60 days by 50% by 2026-08-30', '    baseline $24M on 2026-03-31', '  kr Implement new inventory management software', '',
    ].join('\r\n');
    const out = fixAll(text, { asOf: AS_OF });
    assert.ok(out.applied.length >= 2, out.applied.map((a) => a.fix.title).join());
    assert.equal(applyEdits(text, out.edits).text, out.text);
    assert.ok(!/[^\r]\n/.test(out.text), 'line breaks kept');
    assert.equal(fixAll(out.text, { asOf: AS_OF }).applied.length, 0);
  });

  it('finds offsets with any line break, clamped to the line end', () => {
    const text = 'ab\r\ncd\nef\rgh';
    assert.equal(offsetAt(text, { line: 0, character: 9 }), 2);
    assert.equal(offsetAt(text, { line: 1, character: 1 }), 5);
    assert.equal(offsetAt(text, { line: 2, character: 2 }), 9);
    assert.equal(offsetAt(text, { line: 3, character: 1 }), 11);
    assert.equal(offsetAt(text, { line: 9, character: 0 }), text.length);
  });
});

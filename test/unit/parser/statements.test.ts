import { strict as assert } from 'node:assert';
import { parseDocument } from '../../../server/src/engine/parser';
import { marked, okr } from '../../helpers/markers';

const AR = okr`
  # Accounts Receivable, spring and summer 2026
  period 2026-04-01 to 2026-08-30
  team Accounts Receivable

  objective Strategically reduce dollars not yet paid, stuck in accounts receivable
    why Invoices past 90 days are much harder to collect;
    why the 60+ bucket drives our cash flow.
    owner Mary

    kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30
      baseline $24M on 2026-03-31
      target $12M by 2026-08-30
      weight 2
      checkin 2026-04-15 $22.1M on-track "Two key accounts paid"
      checkin 2026-05-01 $19.4M at-risk
      task [x] Weekly report of the top 10 accounts by aging bucket
      task Call the biggest accounts heading into the 60+ bucket
`;

describe('parser: statements', () => {
  const doc = parseDocument(AR);
  const objective = doc.objectives[0];
  const kr = objective.keyResults[0];

  it('parses the accounts-receivable example without errors', () => {
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.lineCount, 18);
    assert.deepEqual(doc.comments, [{ start: { line: 0, character: 0 }, end: { line: 0, character: 45 } }]);
  });

  it('reads period and team', () => {
    assert.equal(doc.period?.label, '2026-04-01 to 2026-08-30');
    assert.equal(doc.period?.start, '2026-04-01');
    assert.equal(doc.period?.end, '2026-08-30');
    assert.equal(doc.team?.text, 'Accounts Receivable');
  });

  it('reads objective, joined why lines and owner', () => {
    assert.equal(objective.title, 'Strategically reduce dollars not yet paid, stuck in accounts receivable');
    assert.equal(objective.why?.text, 'Invoices past 90 days are much harder to collect; the 60+ bucket drives our cash flow.');
    assert.equal(objective.owner?.text, 'Mary');
    assert.deepEqual(objective.titleRange, { start: { line: 4, character: 10 }, end: { line: 4, character: 81 } });
    assert.deepEqual(objective.blockRange.end, { line: 16, character: 62 });
  });

  it('reads baseline, target, weight with values, units and dates', () => {
    assert.equal(kr.baseline?.value.amount, 24_000_000);
    assert.equal(kr.baseline?.value.unit, '$');
    assert.equal(kr.baseline?.date?.iso, '2026-03-31');
    assert.equal(kr.target?.value?.amount, 12_000_000);
    assert.equal(kr.target?.date?.iso, '2026-08-30');
    assert.equal(kr.weight?.value, 2);
  });

  it('reads check-ins with status and note', () => {
    assert.equal(kr.checkins.length, 2);
    assert.deepEqual(
      kr.checkins.map((c) => [c.date.iso, c.value?.amount, c.status, c.note]),
      [['2026-04-15', 22_100_000, 'on-track', 'Two key accounts paid'], ['2026-05-01', 19_400_000, 'at-risk', undefined]],
    );
  });

  it('reads tasks with and without a checkbox', () => {
    assert.deepEqual(kr.tasks.map((t) => [t.text, t.done]), [
      ['Weekly report of the top 10 accounts by aging bucket', true],
      ['Call the biggest accounts heading into the 60+ bucket', false],
    ]);
  });

  it('understands the KR sentence', () => {
    assert.equal(kr.sentence.from?.raw, '$24M');
    assert.equal(kr.sentence.to?.raw, '$12M');
    assert.equal(kr.sentence.date?.iso, '2026-08-30');
  });

  it('keeps a task written before any kr on the objective', () => {
    const d = parseDocument('objective Ship faster\n  task Map the release process\n  kr Cut lead time from 10 days to 4 days\n');
    assert.deepEqual(d.objectives[0].tasks.map((t) => t.text), ['Map the release process']);
    assert.equal(d.objectives[0].keyResults[0].tasks.length, 0);
  });

  for (const [label, start, end] of [
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2028-Q1', '2028-01-01', '2028-03-31'],
  ]) {
    it(`reads period ${label}`, () => {
      const d = parseDocument(`period ${label}\n`);
      assert.deepEqual(d.errors, []);
      assert.deepEqual([d.period?.start, d.period?.end], [start, end]);
    });
  }

  it('reads threshold and milestone targets', () => {
    const d = parseDocument(okr`
      objective Stay fast
        kr Keep p95 latency below 300 ms
          target <= 300 ms by 2026-06-30
        kr Launch the partner portal
          target done by 2026-06-15
          checkin 2026-06-10 done
    `);
    assert.deepEqual(d.errors, []);
    const [threshold, milestone] = d.objectives[0].keyResults;
    assert.equal(threshold.target?.comparator, '<=');
    assert.equal(threshold.target?.value?.unit, 'ms');
    assert.equal(milestone.target?.done, true);
    assert.equal(milestone.checkins[0].done, true);
  });

  it('accepts CRLF line endings and keeps positions', () => {
    const d = parseDocument('objective A\r\n  kr Grow revenue from $1M to $2M\r\n    baseline $1M\r\n');
    assert.deepEqual(d.errors, []);
    assert.deepEqual(d.objectives[0].keyResults[0].baseline?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } });
  });

  it('treats keywords case-insensitively and indentation as free', () => {
    const d = parseDocument('Objective A\nKR Grow revenue from $1M to $2M\nBaseline $1M\n');
    assert.deepEqual(d.errors, []);
    assert.equal(d.objectives[0].keyResults[0].baseline?.value.amount, 1_000_000);
  });

  it('keeps # inside text as text, not a comment', () => {
    const d = parseDocument('objective Fix #1 priority\n');
    assert.equal(d.objectives[0].title, 'Fix #1 priority');
    assert.deepEqual(d.comments, []);
  });

  it('puts every range where its marker is', () => {
    const m = marked('objective A\n  kr «Reduce churn from «9%» to «5%»»\n    baseline «9%» on «2026-04-01»\n');
    const d = parseDocument(m.text);
    const kr = d.objectives[0].keyResults[0];
    const byStart = (r: { start: { character: number; line: number } }) => `${r.start.line}:${r.start.character}`;
    const expected = m.ranges.map(byStart).sort();
    const actual = [kr.textRange, kr.sentence.from!.range, kr.sentence.to!.range, kr.baseline!.value.range, kr.baseline!.date!.range].map(byStart).sort();
    assert.deepEqual(actual, expected);
    assert.deepEqual(kr.sentence.from!.range, m.ranges[0]);
    assert.deepEqual(kr.baseline!.date!.range, m.ranges[4]);
  });
});

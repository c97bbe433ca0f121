import { strict as assert } from 'node:assert';
import { parseDocument } from '../../../server/src/engine/parser';
import { marked } from '../../helpers/markers';

/** Parses a marked document and returns each error as "line:char-line:char message". */
function errorsOf(source: string) {
  const m = marked(source);
  const doc = parseDocument(m.text);
  return { m, doc, errors: doc.errors.map((e) => e.message), ranges: doc.errors.map((e) => e.range) };
}

describe('parser: errors a person understands', () => {
  const cases: [string, string, RegExp][] = [
    ['a misspelt keyword', 'objective A\n«krr» Grow revenue\n', /^unknown keyword 'krr' — did you mean 'kr'\?$/],
    ['an unknown word', 'objective A\n«banana» split\n', /^unknown keyword 'banana': a line starts with period, team, objective/],
    ['a kr before any objective', '«kr Grow revenue from $1M to $2M»\n', /^a kr must come after an objective/],
    ['a checkin before any kr', 'objective A\n  «checkin 2026-04-01 5»\n', /^'checkin' must come under a kr$/],
    ['a baseline before any kr', 'objective A\n  «baseline 5»\n', /^'baseline' must come under a kr$/],
    ['a why before any objective', '«why Because»\n', /^'why' must come under an objective$/],
    ['a task before any objective', '«task Do it»\n', /^a task must come under an objective or a kr$/],
    ['a date missing after by', 'objective A\n  kr Grow revenue\n    target $2M «by»\n', /^expected a date like 2026-08-30 after 'by', found the end of the line$/],
    ['a bad calendar date', 'objective A\n  kr Grow revenue\n    baseline $1M on «2026-02-30»\n', /^2026-02-30 is not a date on the calendar$/],
    ['a bad calendar date in the KR sentence', 'objective A\n  kr Grow revenue to $2M by «2026-02-30»\n', /^2026-02-30 is not a date on the calendar$/],
    ['a month that does not exist in the KR sentence', 'objective A\n  kr Ship the «2026-13-45» release notes\n', /^2026-13-45 is not a date on the calendar$/],
    ['a date not in ISO form', 'objective A\n  kr Grow revenue\n    checkin «2026-4-1» $1M\n', /^'2026-4-1' is not a date: write it as YYYY-MM-DD/],
    ['a baseline without value', 'objective A\n  kr Grow revenue\n    «baseline»\n', /^expected a value like \$24M, 85% or 45 days after 'baseline', found the end of the line$/],
    ['a checkin without value', 'objective A\n  kr Grow revenue\n    checkin «2026-04-01»\n', /^expected 'done' or a value like \$24M, 85% or 45 days after '2026-04-01', found the end of the line$/],
    ['a bad status', 'objective A\n  kr Grow revenue\n    checkin 2026-04-01 $1M «great»\n', /^unexpected 'great' after '\$1M'$/],
    ['a note without closing quote', 'objective A\n  kr Grow revenue\n    checkin 2026-04-01 $1M on-track «"oops»\n', /^the note has no closing quote/],
    ['a zero weight', 'objective A\n  kr Grow revenue\n    weight «0»\n', /^a weight is a positive number/],
    ['an objective without text', '«objective»\n', /^'objective' needs text after it$/],
    ['a period twice', 'period 2026-Q2\n«period 2026-Q3»\n', /^the period is set twice/],
    ['a period ending before it starts', '«period 2026-06-01 to 2026-04-01»\n', /^the period ends \(2026-04-01\) before it starts \(2026-06-01\)$/],
    ['a period that is no period', 'period «2026-Q5»\n', /^'2026-Q5' is not a period/],
    ['a baseline twice', 'objective A\n  kr Grow revenue\n    baseline $1M\n    «baseline $2M»\n', /^the baseline is set twice for this kr$/],
    ['mixed units', 'objective A\n  kr Grow revenue\n    baseline $1M\n    target «45 days»\n', /^mixed units: the target is in 'days' but the baseline is in dollars$/],
    ['mixed units in a check-in', 'objective A\n  kr Cut churn\n    baseline 9%\n    checkin 2026-04-01 «8 customers»\n', /^mixed units: the check-in of 2026-04-01 is in 'customers' but the baseline is in percent$/],
    ['check-ins out of order', 'objective A\n  kr Grow revenue\n    baseline $1M\n    checkin 2026-05-01 $1.2M\n    checkin «2026-04-01» $1.1M\n', /^check-in out of date order: 2026-04-01 comes after 2026-05-01/],
    ['sentence and baseline disagree', 'objective A\n  kr Reduce AR from $24M to $12M\n    baseline «$20M»\n', /^the KR says 'from \$24M' but its baseline is \$20M: make them agree$/],
    ['sentence and target disagree', 'objective A\n  kr Reduce AR from $24M to $12M\n    target «$10M»\n', /^the KR says 'to \$12M' but its target is \$10M/],
    ['sentence and target date disagree', 'objective A\n  kr Reduce AR to $12M by 2026-08-30\n    target $12M by «2026-09-30»\n', /^the KR says 'by 2026-08-30' but its target is due 2026-09-30/],
    ['a done check-in on a metric kr', 'objective A\n  kr Grow revenue\n    baseline $1M\n    «checkin 2026-04-01 done»\n', /^a 'done' check-in is for a milestone kr/],
    ['a value check-in on a milestone', 'objective A\n  kr Launch it\n    target done\n    checkin 2026-04-01 «50%»\n', /^this kr is a milestone/],
  ];

  for (const [name, source, message] of cases) {
    it(`reports ${name} with its range`, () => {
      const { m, errors, ranges } = errorsOf(source);
      assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
      assert.match(errors[0], message);
      assert.deepEqual(ranges[0], m.ranges[0]);
    });
  }

  it('reports every syntax error in one pass and keeps the lines after them', () => {
    const doc = parseDocument('objective A\n  krr one\n  kr Grow revenue from $1M to $2M\n    baseline\n    target $2M by 2026-13-40\n  kr Cut churn from 9% to 5%\nobjective B\n  kr Reach 10,000 readers\n');
    assert.equal(doc.errors.length, 3);
    assert.deepEqual(doc.objectives.map((o) => o.keyResults.map((k) => k.text)), [
      ['Grow revenue from $1M to $2M', 'Cut churn from 9% to 5%'],
      ['Reach 10,000 readers'],
    ]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', '\r\n\r\n', 'kr', 'checkin', 'objective\n', '"', '#', '\u0000', '\ud800', 'period to', '   \t  ', 'task [x]', 'target <=']) {
      assert.doesNotThrow(() => parseDocument(text), `input ${JSON.stringify(text)}`);
    }
  });
});

// The check-in command's logic: what each input box accepts and what it warns about.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { checkInDateProblem, checkInFacts, checkInStatement, checkInValueProblem, checkInValueWarning } from '../../../server/src/engine/checkin';

const TEXT = [
  'period 2026-04-01 to 2026-08-30',
  'objective Grow',
  '  why Because',
  '  kr Increase weekly active teams from 1,200 teams to 1,500 teams by 2026-06-30',
  '    baseline 1,200 teams on 2026-03-31',
  '    target 1,500 teams by 2026-06-30',
  '    checkin 2026-04-15 1,260 teams',
  '  kr Launch the partner portal',
  '    target done by 2026-07-31',
  '',
].join('\n');

function facts(kr: number) {
  const analysis = analyzeText(TEXT, { asOf: '2026-05-15' });
  return checkInFacts(analysis.progress.objectives[0].keyResults[kr], analysis.doc.period);
}

describe('engine: check-in input', () => {
  it('a value must be a number in the KR\'s unit (a bare number takes it)', () => {
    const teams = facts(0);
    assert.equal(teams.unitLabel, "'teams'");
    assert.equal(teams.lastValue, '1,260 teams');
    assert.match(checkInValueProblem('abc', teams)!, /'abc' is not a value.*like 1,260 teams/);
    assert.match(checkInValueProblem('1,450 users', teams)!, /measured in 'teams', not 'users'/);
    assert.match(checkInValueProblem('$14', teams)!, /measured in 'teams', not dollars/);
    assert.equal(checkInValueProblem('1,450 teams', teams), undefined);
    assert.equal(checkInValueProblem('1450', teams), undefined);
    assert.match(checkInValueProblem('', teams)!, /needs a value/);
  });

  it('a milestone takes done, and only a milestone', () => {
    assert.equal(checkInValueProblem('done', facts(1)), undefined);
    assert.match(checkInValueProblem('40%', facts(1))!, /milestone/);
    assert.match(checkInValueProblem('done', facts(0))!, /milestone/);
  });

  it('warns about a date after the KR\'s target date, outside the period or in the future; refuses one before the last check-in', () => {
    const teams = facts(0);
    assert.deepEqual(checkInDateProblem('2026-05-15', teams, '2026-05-15'), {});
    assert.match(checkInDateProblem('2026-07-02', teams, '2026-07-10').warning!, /after the KR's target date \(2026-06-30\)/);
    assert.match(checkInDateProblem('2026-09-02', facts(1), '2026-09-10').warning!, /after the KR's target date|outside the period/);
    assert.match(checkInDateProblem('2026-05-20', teams, '2026-05-15').warning!, /in the future/);
    assert.match(checkInDateProblem('2026-04-01', teams, '2026-05-15').error!, /cannot come before/);
    assert.match(checkInDateProblem('15/05/2026', teams, '2026-05-15').error!, /YYYY-MM-DD/);
  });

  it('says an impossible date is not on the calendar, and which of check-in or baseline the date must follow', () => {
    const teams = facts(0);
    assert.equal(checkInDateProblem('2026-05-32', teams, '2026-05-15').error, '2026-05-32 is not a date on the calendar.');
    assert.match(checkInDateProblem('2026-04-01', teams, '2026-05-15').error!, /^The last check-in is dated 2026-04-15:/);
    const fresh = analyzeText(TEXT.replace('    checkin 2026-04-15 1,260 teams\n', ''), { asOf: '2026-05-15' });
    const noCheckIn = checkInFacts(fresh.progress.objectives[0].keyResults[0], fresh.doc.period);
    assert.match(checkInDateProblem('2026-03-30', noCheckIn, '2026-05-15').error!, /^The baseline is dated 2026-03-31:/);
  });

  it('warns, without refusing, about a value ten times away from the last one or missing its K/M', () => {
    const analysis = analyzeText(['period 2026-04-01 to 2026-08-30', 'objective Cash', '  why w',
      '  kr Reduce AR from $24M to $12M by 2026-08-30', '    baseline $24M on 2026-03-31', '    checkin 2026-05-01 $19.4M', ''].join('\n'), { asOf: '2026-05-15' });
    const dollars = checkInFacts(analysis.progress.objectives[0].keyResults[0], analysis.doc.period);
    for (const slip of ['17', '$17']) {
      assert.equal(checkInValueProblem(slip, dollars), undefined, `${slip} is accepted`);
      assert.match(checkInValueWarning(slip, dollars)!, /no M while the last value is \$19\.4M: did you mean .*17M\?/);
    }
    assert.match(checkInValueWarning('$250M', dollars)!, /more than ten times away from the last value, \$19\.4M/);
    assert.equal(checkInValueWarning('$17M', dollars), undefined);
    assert.equal(checkInValueWarning('$17.2M', dollars), undefined);
    const teams = facts(0);
    assert.match(checkInValueWarning('14,000', teams)!, /ten times away/);
    assert.equal(checkInValueWarning('1,300 teams', teams), undefined);
    assert.equal(checkInValueWarning('abc', teams), undefined, 'a value that does not fit is an error, not a warning');
  });

  it('writes one line: a status is one of the three calls, a note is quoted on one line', () => {
    assert.equal(checkInStatement('2026-05-15', '1,450 teams', 'at-risk', 'two "big" wins\nand more'), 'checkin 2026-05-15 1,450 teams at-risk "two \\"big\\" wins and more"');
    assert.equal(checkInStatement('2026-05-15', '1,450 teams'), 'checkin 2026-05-15 1,450 teams');
    assert.deepEqual(checkInStatement('2026-05-15', '5', 'on-track\n  kr Injected'), { error: 'The status must be one of on-track, at-risk, off-track.' });
  });
});

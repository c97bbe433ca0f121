// The quarter's story, engine side: KR history, the sparkline, scores and the score keyword.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { krHistory, sparkline } from '../../../server/src/engine/progress/history';
import { formatScore, objectiveScore } from '../../../server/src/engine/progress/score';
import { marked, okr } from '../../helpers/markers';

const AS_OF = '2026-05-10';

function analyse(text: string, asOf = AS_OF) {
  return analyzeText(text, { asOf });
}

function historyOf(text: string, asOf = AS_OF, objective = 0, kr = 0) {
  const a = analyse(text, asOf);
  assert.deepEqual(a.doc.errors.map((e) => e.message), []);
  const p = a.progress.objectives[objective].keyResults[kr];
  return { history: krHistory(p, a.doc.period, asOf), progress: p };
}

describe('story: KR history', () => {
  it('a decreasing KR: each check-in as progress from the baseline, beside the expected line', () => {
    const { history } = historyOf(okr`
      period 2026-04-01 to 2026-06-30
      objective Get paid faster
        kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30
          baseline 52 days on 2026-04-01
          checkin 2026-04-15 49 days on-track
          checkin 2026-05-01 46 days at-risk
    `);
    assert.equal(history.kind, 'metric');
    assert.equal(history.start, '2026-04-01');
    assert.equal(history.end, '2026-06-30');
    assert.deepEqual(history.points.map((p) => [p.date, p.raw, p.progress, p.reported, p.late]), [
      ['2026-04-15', '49 days', 0.25, 'on-track', false],
      ['2026-05-01', '46 days', 0.5, 'at-risk', false],
    ]);
    // 14 of 90 days, then 30 of 90.
    assert.deepEqual(history.points.map((p) => p.expected), [0.155555556, 0.333333333]);
    assert.equal(sparkline(history), '▃▅');
  });

  it('a KR with no check-ins has an empty history and no sparkline', () => {
    const { history } = historyOf(okr`
      period 2026-Q2
      objective Get paid faster
        kr Reduce days sales outstanding from 52 to 40 days
          baseline 52 days on 2026-04-01
    `);
    assert.deepEqual(history.points, []);
    assert.equal(history.baseline?.raw, '52 days');
    assert.equal(history.target?.raw, '40 days');
    assert.equal(sparkline(history), '');
  });

  it('check-ins past the due date are kept and marked late; check-ins after the as-of date are left out', () => {
    const { history } = historyOf(okr`
      period 2026-Q2
      objective Grow
        kr Increase weekly active teams from 100 to 200 by 2026-05-31
          baseline 100 on 2026-04-01
          checkin 2026-05-20 180
          checkin 2026-06-10 210
          checkin 2026-06-29 220
    `, '2026-06-20');
    assert.deepEqual(history.points.map((p) => [p.date, p.late, p.progress]), [['2026-05-20', false, 0.8], ['2026-06-10', true, 1.1]]);
    assert.equal(history.points[1].expected, 1, 'the expected line stays at 100% after the due date');
    assert.equal(sparkline(history), '▇█', 'progress beyond 100% is drawn full');
  });

  it('a milestone KR goes from not done to done; a threshold KR is met or not at each check-in', () => {
    const text = okr`
      period 2026-Q2
      objective Ship
        kr Launch the partner portal
          target done by 2026-06-30
          checkin 2026-05-01 done
        kr Keep p95 latency under 300 ms
          baseline 420 ms on 2026-04-01
          target <= 300 ms
          checkin 2026-04-20 350 ms
          checkin 2026-05-05 280 ms
    `;
    const milestone = historyOf(text, AS_OF, 0, 0).history;
    assert.deepEqual(milestone.points.map((p) => [p.raw, p.progress]), [['done', 1]]);
    const threshold = historyOf(text, AS_OF, 0, 1).history;
    assert.deepEqual(threshold.points.map((p) => p.progress), [0, 1]);
  });

  it('a check-in in another unit is left out of the history (it is an error in the file)', () => {
    const a = analyse(okr`
      period 2026-Q2
      objective Grow
        kr Increase paying teams from 100 to 200
          baseline 100 teams on 2026-04-01
          checkin 2026-04-20 120 teams
          checkin 2026-05-01 1,450 users
    `);
    const p = a.progress.objectives[0].keyResults[0];
    assert.deepEqual(krHistory(p, a.doc.period, AS_OF).points.map((x) => x.raw), ['120 teams']);
  });
});

describe('story: scores', () => {
  const text = okr`
    period 2026-Q1
    objective Get paid faster
      kr Reduce days sales outstanding from 52 to 40 days
        baseline 52 days on 2026-01-01
        checkin 2026-03-28 43 days
        score 0.8 "Two big accounts paid early"
      kr Increase on-time payments from 60% to 80%
        baseline 60% on 2026-01-01
        weight 3
        checkin 2026-03-28 64%
        score 0.2
      kr Launch self-service payment plans
        target done by 2026-03-31
  `;

  it('reads `score VALUE ["note"]` under a KR', () => {
    const a = analyse(text, '2026-04-02');
    assert.deepEqual(a.doc.errors, []);
    const [first, second, third] = a.doc.objectives[0].keyResults;
    assert.deepEqual([first.score?.value, first.score?.note], [0.8, 'Two big accounts paid early']);
    assert.equal(second.score?.value, 0.2);
    assert.equal(third.score, undefined);
  });

  it("an objective's score is the weighted mean of its scored KRs, and says how many are scored", () => {
    const o = analyse(text, '2026-04-02').progress.objectives[0];
    assert.equal(o.score, 0.35); // (0.8·1 + 0.2·3) / 4
    assert.equal(o.scored, 2);
    assert.deepEqual(objectiveScore([]), { score: null, scored: 0 });
  });

  it('suggests the progress capped to 0..1, to one decimal; nothing without data', () => {
    const krs = analyse(text, '2026-04-02').progress.objectives[0].keyResults;
    assert.deepEqual(krs.map((k) => k.suggestedScore), [0.8, 0.2, 0]);
    const over = analyse(okr`
      period 2026-Q1
      objective Grow
        kr Increase paying teams from 100 to 200
          baseline 100 on 2026-01-01
          checkin 2026-03-01 260
        kr Grow something
    `, '2026-04-02').progress.objectives[0].keyResults;
    assert.deepEqual(over.map((k) => k.suggestedScore), [1, null]);
    assert.deepEqual([formatScore(1), formatScore(0.7), formatScore(0.35)], ['1.0', '0.7', '0.35']);
  });

  it('a score outside 0.0–1.0, a second score, or a score outside a KR is a syntax error with its range', () => {
    const bad = marked(okr`
      period 2026-Q1
      objective Grow
        score 0.5
        kr Increase paying teams from 100 to 200
          score «1.5»
        kr Increase paid seats from 10 to 20
          score 0.5
          score 0.6
    `);
    const errors = analyse(bad.text).doc.errors;
    assert.ok(errors.some((e) => e.range.start.line === 2 && /'score' must come under a kr/.test(e.message)));
    const range = errors.find((e) => /grade from 0\.0 to 1\.0/.test(e.message))?.range;
    assert.deepEqual(range, bad.ranges[0]);
    assert.ok(errors.some((e) => e.range.start.line === 7 && /the score is set twice/.test(e.message)));
  });
});

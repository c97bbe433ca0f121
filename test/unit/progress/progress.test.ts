import { strict as assert } from 'node:assert';
import { parseDocument } from '../../../server/src/engine/parser';
import { computeProgress } from '../../../server/src/engine/progress';
import { okr } from '../../helpers/markers';

function krAt(text: string, asOf: string, thresholds?: { onTrack: number; atRisk: number }) {
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, []);
  return computeProgress(doc, { asOf, ...(thresholds ? { thresholds } : {}) });
}

const DECREASING = okr`
  period 2026-04-01 to 2026-08-30
  objective Collect faster
    kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30
      baseline $24M on 2026-03-31
      target $12M by 2026-08-30
      checkin 2026-04-15 $22.1M on-track
      checkin 2026-05-01 $19.4M at-risk
      checkin 2026-07-01 $13M on-track
`;

const INCREASING = okr`
  period 2026-Q2
  objective Grow
    kr Increase weekly active teams from 1,200 teams to 1,500 teams by 2026-06-30
      baseline 1,200 teams on 2026-04-01
      target 1,500 teams by 2026-06-30
      checkin 2026-04-30 1,290 teams
      checkin 2026-05-29 1,410 teams
`;

describe('progress', () => {
  describe('a decreasing KR', () => {
    it('counts a fall as progress (24 → 19.4 of 24 → 12 is 38%)', () => {
      const kr = krAt(DECREASING, '2026-05-10').objectives[0].keyResults[0];
      assert.equal(kr.current?.raw, '$19.4M');
      assert.equal(Math.round(kr.progress! * 1000) / 1000, 0.383);
      assert.equal(kr.reported, 'at-risk');
    });
    it('reports negative progress when the metric grows instead', () => {
      const kr = krAt(DECREASING.replace('$22.1M', '$26M').replace(/\n.*2026-05-01.*\n/, '\n').replace(/\n.*2026-07-01.*\n?/, '\n'), '2026-04-20').objectives[0].keyResults[0];
      assert.equal(kr.current?.raw, '$26M');
      assert.ok(kr.progress! < 0);
      assert.equal(kr.status, 'off-track');
    });
    it('uses only check-ins up to the as-of date', () => {
      const early = krAt(DECREASING, '2026-04-20').objectives[0].keyResults[0];
      const late = krAt(DECREASING, '2026-07-15').objectives[0].keyResults[0];
      assert.equal(early.current?.raw, '$22.1M');
      assert.equal(late.current?.raw, '$13M');
      assert.equal(Math.round(late.progress! * 1000) / 1000, 0.917);
    });
    it('computes expected from the baseline date to the target date', () => {
      const kr = krAt(DECREASING, '2026-05-31').objectives[0].keyResults[0];
      // 2026-03-31 → 2026-08-30 is 152 days; 61 have passed.
      assert.equal(Math.round(kr.expected! * 1000) / 1000, Math.round((61 / 152) * 1000) / 1000);
    });
    it('moves from on-track to at-risk to off-track as time passes without progress', () => {
      const statuses = ['2026-05-02', '2026-06-20', '2026-07-20'].map((d) => {
        const text = DECREASING.replace(/\n.*2026-07-01.*\n?/, '\n');
        return krAt(text, d).objectives[0].keyResults[0].status;
      });
      assert.deepEqual(statuses, ['on-track', 'at-risk', 'off-track']);
    });
  });

  describe('an increasing KR', () => {
    for (const [asOf, progress, status] of [
      ['2026-04-15', 0, 'no-data'],
      ['2026-05-01', 0.3, 'on-track'],
      ['2026-06-01', 0.7, 'on-track'],
    ] as const) {
      it(`at ${asOf}: ${progress * 100}% ${status}`, () => {
        const kr = krAt(INCREASING, asOf).objectives[0].keyResults[0];
        assert.equal(Math.round(kr.progress! * 100) / 100, progress);
        assert.equal(kr.status, status);
      });
    }
    it('reports overshooting uncapped for the KR and clamped in the roll-up', () => {
      const text = INCREASING + '      checkin 2026-06-20 1,575 teams\n';
      const p = krAt(text, '2026-06-25');
      assert.equal(p.objectives[0].keyResults[0].progress, 1.25);
      assert.equal(p.objectives[0].keyResults[0].status, 'achieved');
      assert.equal(p.objectives[0].progress, 1);
    });
    it('without check-ins: current is the baseline, status no-data', () => {
      const text = INCREASING.split('\n').filter((l) => !l.includes('checkin')).join('\n');
      const kr = krAt(text, '2026-05-15').objectives[0].keyResults[0];
      assert.equal(kr.current?.raw, '1,200 teams');
      assert.equal(kr.progress, 0);
      assert.equal(kr.status, 'no-data');
    });
  });

  describe('threshold and milestone KRs', () => {
    const THRESHOLD = (comparator: string, value: string) => okr`
      period 2026-Q2
      objective Stay fast
        kr Keep p95 latency below 300 ms
          baseline 280 ms on 2026-04-01
          target ${comparator} 300 ms by 2026-06-30
          checkin 2026-05-01 ${value}
    `;
    it('is met (1) when the comparison holds', () => {
      assert.equal(krAt(THRESHOLD('<=', '300 ms'), '2026-05-15').objectives[0].keyResults[0].progress, 1);
      assert.equal(krAt(THRESHOLD('<=', '300 ms'), '2026-05-15').objectives[0].keyResults[0].status, 'achieved');
    });
    it('distinguishes < from <=', () => {
      assert.equal(krAt(THRESHOLD('<', '300 ms'), '2026-05-15').objectives[0].keyResults[0].progress, 0);
      assert.equal(krAt(THRESHOLD('<', '300 ms'), '2026-05-15').objectives[0].keyResults[0].status, 'off-track');
    });
    it('handles >= thresholds', () => {
      const text = THRESHOLD('>=', '350 ms');
      assert.equal(krAt(text, '2026-05-15').objectives[0].keyResults[0].progress, 1);
    });
    it('counts a milestone as met only after its done check-in', () => {
      const text = okr`
        period 2026-Q2
        objective Launch
          kr Publish the new help center
            target done by 2026-06-15
            checkin 2026-05-01 done
      `;
      assert.equal(krAt(text, '2026-04-20').objectives[0].keyResults[0].progress, 0);
      assert.equal(krAt(text, '2026-05-02').objectives[0].keyResults[0].progress, 1);
      assert.equal(krAt(text, '2026-05-02').objectives[0].keyResults[0].kind, 'milestone');
    });
  });

  describe('implied and missing figures', () => {
    it('implies the target of a relative KR from its baseline', () => {
      const text = 'period 2026-Q2\nobjective A\n  kr Reduce AR>60 days by 50% by 2026-06-30\n    baseline $24M on 2026-03-31\n';
      const kr = krAt(text, '2026-05-01').objectives[0].keyResults[0];
      assert.equal(kr.target?.amount, 12_000_000);
      assert.equal(kr.target?.raw, '$12M');
    });
    it('implies increases in units too (NPS 40 by 20% → 48)', () => {
      const kr = krAt('objective A\n  kr Increase NPS by 20%\n    baseline 40\n', '2026-05-01').objectives[0].keyResults[0];
      assert.equal(kr.target?.amount, 48);
    });
    it('implies the target of every multiplying verb the same way (Double, Triple, Quadruple, Halve)', () => {
      const target = (verb: string) => krAt(`objective A\n  kr ${verb} weekly signups\n    baseline 50\n`, '2026-05-01').objectives[0].keyResults[0].target?.amount;
      assert.deepEqual(['Double', 'Triple', 'Quadruple', 'Halve'].map(target), [100, 150, 200, 25]);
    });
    it('gives no progress when baseline equals target (no division by zero)', () => {
      const kr = krAt('objective A\n  kr Hold churn\n    baseline 5%\n    target 5%\n    checkin 2026-04-01 4%\n', '2026-05-01').objectives[0].keyResults[0];
      assert.equal(kr.progress, null);
      assert.equal(kr.status, 'no-data');
    });
  });

  describe('objective roll-up', () => {
    const TWO = okr`
      period 2026-Q2
      objective Grow
        kr Increase revenue from $1M to $2M
          weight 3
          checkin 2026-05-15 $1.5M
        kr Increase customers from 100 to 200
          checkin 2026-05-15 110
    `;
    it('is the weighted mean of KRs', () => {
      const o = krAt(TWO, '2026-05-15').objectives[0];
      assert.equal(o.progress, (0.5 * 3 + 0.1) / 4);
    });
    it('takes the weakest KR status', () => {
      const o = krAt(TWO, '2026-05-15').objectives[0];
      assert.deepEqual(o.keyResults.map((k) => k.status), ['on-track', 'off-track']);
      assert.equal(o.status, 'off-track');
    });
    it('clamps negative KR progress to 0 in the roll-up', () => {
      const o = krAt(TWO.replace('checkin 2026-05-15 110', 'checkin 2026-05-15 50'), '2026-05-15').objectives[0];
      assert.equal(o.progress, (0.5 * 3 + 0) / 4);
    });
    it('counts tasks but never in progress', () => {
      const text = TWO + '      task [x] Call ten customers\n      task Ship pricing page\n';
      const o = krAt(text, '2026-05-15').objectives[0];
      assert.deepEqual(o.tasks, { done: 1, total: 2 });
      assert.equal(o.progress, (0.5 * 3 + 0.1) / 4);
    });
    it('honours configured status thresholds', () => {
      const o = krAt(TWO, '2026-05-15', { onTrack: 0.5, atRisk: 0.6 }).objectives[0];
      assert.deepEqual(o.keyResults.map((k) => k.status), ['on-track', 'on-track']);
    });
  });
});

import { strict as assert } from 'node:assert';
import { addDays, dayNumber, isValidIsoDate, periodBounds } from '../../../server/src/engine/dates';

describe('dates', () => {
  it('counts days like the calendar does', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '2026-03-01', '2100-03-01', '1969-12-31']) {
      assert.equal(dayNumber(iso), Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000, iso);
    }
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });
  it('knows which dates exist', () => {
    assert.equal(isValidIsoDate('2026-02-30'), false);
    assert.equal(isValidIsoDate('2028-02-29'), true);
    assert.equal(isValidIsoDate('2100-02-29'), false);
    assert.equal(isValidIsoDate('2000-02-29'), true);
    assert.equal(isValidIsoDate('2026-13-01'), false);
    assert.equal(isValidIsoDate('2026-00-10'), false);
    assert.equal(isValidIsoDate('2026-4-1'), false);
  });
  it('bounds quarters, halves and years', () => {
    assert.deepEqual(periodBounds('2028-Q1'), { start: '2028-01-01', end: '2028-03-31' });
    assert.deepEqual(periodBounds('2026-H2'), { start: '2026-07-01', end: '2026-12-31' });
    assert.equal(periodBounds('2026-Q5'), undefined);
  });
});

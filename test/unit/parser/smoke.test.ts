import { strict as assert } from 'node:assert';
import { parseDocument } from '../../../server/src/engine/parser';

describe('parser smoke', () => {
  it('reads a kr under an objective', () => {
    const doc = parseDocument('objective Grow\n  kr Increase NPS from 40 to 48 by 2026-06-30\n');
    assert.equal(doc.objectives[0].keyResults[0].sentence.to?.amount, 48);
  });
});

import { strict as assert } from 'node:assert';
import { BoundedCache, ownCopy } from '../../../server/src/engine/bounded-cache';

describe('BoundedCache', () => {
  it('never holds more than two generations of entries', () => {
    const cache = new BoundedCache<number>({ entries: 100, bytes: Infinity });
    for (let i = 0; i < 10_000; i++) cache.set(`line ${i}`, i);
    assert.ok(cache.size <= 200, `size ${cache.size}`);
    assert.equal(cache.get('line 9999'), 9999);
    assert.equal(cache.get('line 0'), undefined);
  });

  it('starts a new generation when the estimated bytes are reached', () => {
    const cache = new BoundedCache<string>({ entries: Infinity, bytes: 1000, sizeOf: (key) => key.length });
    for (let i = 0; i < 100; i++) cache.set(`${i}`.padStart(100, 'x'), 'v');
    assert.ok(cache.size <= 20, `size ${cache.size}`);
  });

  it('keeps what is still used: a hit in the old generation moves it forward', () => {
    const cache = new BoundedCache<number>({ entries: 10, bytes: Infinity });
    cache.set('kept', 1);
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 5; i++) cache.set(`other ${round}.${i}`, i);
      assert.equal(cache.get('kept'), 1, `lost in round ${round}`);
    }
  });

  it('copies keys with exactly their characters', () => {
    const document = 'x'.repeat(1000) + 'the line' + 'y'.repeat(1000);
    const line = document.slice(1000, 1008);
    assert.equal(ownCopy(line), 'the line');
    assert.equal(ownCopy(''), '');
  });
});

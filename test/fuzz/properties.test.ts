// The fixed-seed slice of every fuzz property (about 20,000 cases in all). A failure prints the
// seed, saves the failing case to a file and prints the command that replays it:
// `npm run fuzz -- --only NAME --case FILE` (or run this slice again with FUZZ_SEED=S).
import { strict as assert } from 'node:assert';
import { PROPERTIES } from './properties';
import { DEFAULT_SEED, runProperty } from './run';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED;

describe(`fuzz properties (seed ${seed})`, function () {
  this.timeout(180_000);
  for (const p of PROPERTIES) {
    it(`${p.name}: ${p.description} (${p.slice} cases)`, async function () {
      const reason = p.skipReason?.();
      if (reason) {
        console.log(`      skipped: ${reason}`);
        this.skip();
      }
      const outcome = await runProperty(p, { numRuns: p.slice, seed });
      assert.ok(!outcome.failed, outcome.report);
    });
  }
});

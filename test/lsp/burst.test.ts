// A burst of edits (issue 11, item 5): the server checks the newest version, skips the stale
// ones, and the diagnostics it publishes last are those of the final text. Latency is a bench
// figure (npm run bench), not asserted here.
import { strict as assert } from 'node:assert';
import { diagnosticsSummary as summary, LspClient, type PublishDiagnosticsParams, type TextEdit } from './client';
import { SETTINGS } from './fixtures';

/** About 3,000 lines: 300 objectives of one KR each. */
function largeDocument(): string {
  const lines = ['period 2026-Q2', ''];
  for (let o = 0; o < 300; o++) {
    lines.push(
      `objective Make onboarding step ${o} smooth`, '  why Half of churned customers leave early.',
      `  kr Reduce median first reply time in region ${o} from 9 hours to 2 hours by 2026-06-30`,
      '    baseline 9 hours on 2026-04-01', '    target 2 hours by 2026-06-30',
       '    checkin 2026-05-01 8 hours on track', '    task Review weekly', '    task Staff the queue', '    task Write macros', '',
    );
  }
  return lines.join('\n');
}


describe('lsp: a burst of edits', function () {
  this.timeout(120_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('publishes the final text\'s diagnostics after 1,000 rapid edits, skipping most intermediate versions', async () => {
    const uri = 'file:///mem/burst.okr';
    const opened = await client.open(uri, largeDocument());
    const published: PublishDiagnosticsParams[] = [];
    client.diagnosticListeners.push((p) => void (p.uri === uri && published.push(p)));
    // Each edit types a letter into a baseline's value: the set of syntax errors changes with
    // every version, so the final diagnostics tell the final text from the others.
    const edits: TextEdit[][] = [];
    for (let i = 0; i < 1000; i++) {
      const at = { line: 5 + 10 * ((i * 7) % 300), character: '    baseline 9'.length };
      edits.push([{ range: { start: at, end: at }, newText: 'x' }]);
    }
    const last = client.sendBurst(uri, edits);
    const final = await client.waitForDiagnostics(uri, last);

    const check = 'file:///mem/burst-final-text.okr';
    const fresh = await client.open(check, client.text(uri));
    assert.ok(summary(final) === summary(fresh), `${final.diagnostics.length} diagnostics published, ${fresh.diagnostics.length} for the final text`);
    assert.ok(summary(final) !== summary(opened), 'the edits changed the diagnostics');
    const intermediate = published.filter((p) => p.version !== last).length;
    // Before coalescing every one of the 999 intermediate versions was checked and published.
    // (A stream that never pauses is still checked every 100 ms, hence not zero on a slow machine.)
    assert.ok(intermediate < 200, `${intermediate} intermediate versions published`);
  });
});

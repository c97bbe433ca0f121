// Memory stays flat over a working day of edits (issue 14). Measured in a child node with
// --expose-gc (memory-probe.ts), so that "retained" means "still reachable after GC".
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from '../../lsp/client';

const MB = 1024 * 1024;

function probe(...args: string[]): { start: number; end: number } {
  const run = spawnSync(process.execPath, ['--expose-gc', '--conditions=import', '--import', 'tsx', join(__dirname, 'memory-probe.ts'), ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 16 * MB,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as { start: number; end: number };
}

describe('memory over many edits', function () {
  this.timeout(600_000);

  it('retains under 20 MB after 2,000 edits of a 3,000-line document', () => {
    ensureBuilt(); // the probe runs the bundled engine
    const { start, end } = probe('engine', '2000');
    // Before the fix every edited line kept its whole document alive: about 64 MB per 500 edits.
    assert.ok(end - start < 20 * MB, `retained ${((end - start) / MB).toFixed(1)} MB more than at the start`);
  });

  it('retains under 20 MB more after opening and closing 1,000 indexed files four times than after once', () => {
    const { start, end } = probe('index', '1000', '4');
    assert.ok(end - start < 20 * MB, `retained ${((end - start) / MB).toFixed(1)} MB more than after the first round`);
  });
});

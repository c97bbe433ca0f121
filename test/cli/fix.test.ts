import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/engine/analyze';
import { runOkr, workspace } from '../helpers/cli';

const DRAFT = [
  '# Accounts receivable draft',
  'period 2026-04-01 to 2026-08-30',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  why Invoices past 90 days are much harder to collect',
  '  kr Reduce AR>60 days by 50% by 2026-08-30',
  '    baseline $24M on 2026-03-31',
  '  kr Implement an automated reminder system to increase on-time payments by 15%',
  '  kr Increase collection rates by 25%',
  '',
].join('\n');

describe('okr fix', () => {
  it('--dry-run shows a unified diff and changes nothing', () => {
    const dir = workspace({ 'ar.okr': DRAFT });
    const run = runOkr(['fix', 'ar.okr', '--dry-run', '--today', '2026-05-01'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(path.join(dir, 'ar.okr'), 'utf8'), DRAFT);
    assert.match(run.stdout, /^--- a\/ar\.okr/m);
    assert.match(run.stdout, /^- {2}kr Reduce AR>60 days by 50% by 2026-08-30$/m);
    assert.match(run.stdout, /^\+ {2}kr Reduce total dollars invoiced 60\+ days past due from \$24M to \$12M by 2026-08-30$/m);
    assert.match(run.stdout, /^\+ {4}target \$12M by 2026-08-30$/m);
    assert.match(run.stdout, /^\+ {2}kr Increase on-time payments by 15%$/m);
    assert.match(run.stdout, /^\+ {4}task Implement an automated reminder system$/m);
  });

  it('applies every fix that needs no answer, says which need one, and the result re-checks clean of them', () => {
    const dir = workspace({ 'ar.okr': DRAFT });
    const run = runOkr(['fix', '--today', '2026-05-01'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /ar\.okr:8:\d+ not fixed: .* needs an answer from a person: Where does the metric stand now \(the baseline\)\?.*\[kr-relative-without-baseline\]/);
    const fixed = readFileSync(path.join(dir, 'ar.okr'), 'utf8');
    assert.equal(fixed, [
      '# Accounts receivable draft',
      'period 2026-04-01 to 2026-08-30',
      'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
      '  why Invoices past 90 days are much harder to collect',
      '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30',
      '    baseline $24M on 2026-03-31',
      '    target $12M by 2026-08-30',
      '  kr Increase on-time payments by 15%',
      '    task Implement an automated reminder system',
      '  kr Increase collection rates by 25%',
      '',
    ].join('\n'));
    const rules = analyzeText(fixed, { asOf: '2026-05-01' }).diagnostics.map((d) => d.rule);
    for (const gone of ['kr-ambiguous-metric', 'kr-implicit-target', 'kr-task', 'syntax']) assert.ok(!rules.includes(gone), gone);
    // A second run has nothing left to apply.
    const again = runOkr(['fix', '--today', '2026-05-01'], dir);
    assert.match(again.stdout, /0 fixes applied; 0 files changed/);
  });

  it('consecutive task KRs all become tasks of the objective, in order', () => {
    const text = ['period 2026-Q2', 'objective Close the books faster', '  why Decisions wait on stale figures', '  kr Implement new inventory management software', '  kr Conduct a system training session', '  kr Reduce month-end close from 12 days to 5 days', ''].join('\n');
    const dir = workspace({ 'f.okr': text });
    runOkr(['fix', '--today', '2026-05-01'], dir);
    const fixed = readFileSync(path.join(dir, 'f.okr'), 'utf8');
    assert.match(fixed, /\n {2}task Implement new inventory management software\n {2}task Conduct a system training session\n {2}kr Reduce month-end close/);
    const doc = analyzeText(fixed).doc;
    assert.deepEqual(doc.objectives[0].tasks.map((t) => t.text), ['Implement new inventory management software', 'Conduct a system training session']);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = '\uFEFF' + DRAFT.replace(/\n/g, '\r\n');
    const dir = workspace({ 'ar.okr': crlf });
    runOkr(['fix', '--today', '2026-05-01'], dir);
    const fixed = readFileSync(path.join(dir, 'ar.okr'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is still CRLF');
    assert.ok(fixed.includes('\r\n    target $12M by 2026-08-30\r\n'));
    // Untouched lines are byte-identical.
    for (const line of ['# Accounts receivable draft', '  why Invoices past 90 days are much harder to collect', '  kr Increase collection rates by 25%']) {
      assert.ok(fixed.includes(`${line}\r\n`), line);
    }
  });

  it('leaves a clean file alone and exits 2 on a missing path', () => {
    const clean = 'period 2026-Q2\nobjective Grow\n  why Hiring\n  kr Increase MRR from $80k to $100k by 2026-06-30\n    baseline $80k on 2026-03-31\n    target $100k by 2026-06-30\n';
    const dir = workspace({ 'ok.okr': clean });
    const run = runOkr(['fix', '--today', '2026-04-02'], dir);
    assert.equal(run.code, 0);
    assert.equal(readFileSync(path.join(dir, 'ok.okr'), 'utf8'), clean);
    assert.equal(runOkr(['fix', 'nope.okr'], dir).code, 2);
  });
});

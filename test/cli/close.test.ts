// `okr close PERIOD --to NEXT` and the report's scores and HTML, through the bundled CLI.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/engine/analyze';
import { runOkr, workspace } from '../helpers/cli';

const Q2 = [
  'period 2026-Q2',
  'team Finance',
  'objective Get paid faster by our customers',
  '  why Late payments squeeze our cash this year',
  '  kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30',
  '    baseline 52 days on 2026-03-31',
  '    checkin 2026-06-26 46 days at-risk',
  '  kr Increase on-time payments from 60% to 80% by 2026-06-30',
  '    baseline 60% on 2026-03-31',
  '    checkin 2026-06-26 82% on-track',
  '',
].join('\n');

describe('okr close', () => {
  it('scores the period, creates the next file with the unfinished KRs, and says what it did', () => {
    const dir = workspace({ 'finance-2026-Q2.okr': Q2, 'other.okr': Q2.replace('2026-Q2', '2026-Q1').replace(/2026-06-30/g, '2026-03-31').replace(/2026-06-26/g, '2026-03-26').replace(/2026-03-31/g, '2025-12-31') });
    const run = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--today', '2026-07-02'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /finance-2026-Q2\.okr:5 scored 0\.5: Reduce days sales outstanding/);
    assert.match(run.stdout, /finance-2026-Q2\.okr:5 carried to finance-2026-Q3\.okr from 46 days/);
    assert.match(run.stdout, /^1 file closed$/m);
    const closed = readFileSync(path.join(dir, 'finance-2026-Q2.okr'), 'utf8');
    assert.equal(closed, Q2.replace('at-risk\n', 'at-risk\n    score 0.5\n').replace('on-track\n', 'on-track\n    score 1.0\n'));
    const next = readFileSync(path.join(dir, 'finance-2026-Q3.okr'), 'utf8');
    assert.match(next, /^period 2026-Q3$/m);
    assert.match(next, /kr Reduce days sales outstanding from 46 days to 40 days by 2026-09-30\n {4}baseline 46 days on 2026-06-26\n {4}target 40 days by 2026-09-30/);
    assert.ok(!next.includes('on-time payments'), 'an achieved KR is not carried');
    assert.deepEqual(analyzeText(next, { asOf: '2026-07-02' }).doc.errors, []);
    assert.ok(!existsSync(path.join(dir, 'other-2026-Q3.okr')), 'a file of another period is left alone');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('warns on one line before an early close, and closes all the same; an ended period gets no warning', () => {
    const dir = workspace({ 'finance-2026-Q2.okr': Q2 });
    const early = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--dry-run', '--today', '2026-05-15'], dir);
    assert.equal(early.code, 0, early.stderr);
    assert.equal(early.stderr, 'okr: warning: 2026-Q2 ends in 46 days (2026-06-30): closing now scores its key results on the figures as of 2026-05-15.\n');
    assert.match(early.stdout, /^1 file would be closed$/m);
    const ended = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--dry-run', '--today', '2026-06-30'], dir);
    assert.equal(ended.stderr, '');
  });

  it('never overwrites an existing next file, and then changes nothing', () => {
    const dir = workspace({ 'finance-2026-Q2.okr': Q2, 'finance-2026-Q3.okr': 'period 2026-Q3\n' });
    const run = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--today', '2026-07-02'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /finance-2026-Q3\.okr already exists; finance-2026-Q2\.okr is not closed \(nothing is overwritten\)/);
    assert.equal(readFileSync(path.join(dir, 'finance-2026-Q3.okr'), 'utf8'), 'period 2026-Q3\n');
    assert.equal(readFileSync(path.join(dir, 'finance-2026-Q2.okr'), 'utf8'), Q2);
  });

  it('names a file it cannot read the period of (not UTF-8, a NUL byte) and still closes the others', () => {
    const latin1 = Buffer.concat([Buffer.from(Q2.replace('faster', 'faster caf')), Buffer.from([0xe9, 0x0a])]);
    const dir = workspace({ 'finance.okr': Q2, 'latin1.okr': latin1, 'nul.okr': Q2.replace('Get paid', 'Get\0paid') });
    const check = JSON.parse(runOkr(['check', 'latin1.okr', 'nul.okr', '--format', 'json'], dir).stdout) as { files: { diagnostics: { message: string }[] }[] };
    const run = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--today', '2026-07-02'], dir);
    assert.equal(run.code, 1);
    for (const [i, name] of ['latin1.okr', 'nul.okr'].entries()) {
      assert.ok(run.stderr.includes(`okr: ${name}: ${check.files[i].diagnostics[0].message} It is not closed.`), run.stderr);
    }
    assert.match(run.stdout, /^1 file closed$/m);
    assert.ok(existsSync(path.join(dir, 'finance-2026-Q3.okr')));
    assert.deepEqual(readFileSync(path.join(dir, 'latin1.okr')), latin1, 'left byte for byte');
  });

  it('--dry-run shows both diffs and writes nothing; --carry all carries every KR', () => {
    const dir = workspace({ 'finance.okr': Q2 });
    const run = runOkr(['close', '2026-Q2', '--to', '2026-Q3', '--carry', 'all', '--dry-run', '--today', '2026-07-02'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\+\+\+ b\/finance\.okr\n[\s\S]*\+ {4}score 0\.5/);
    assert.match(run.stdout, /\+\+\+ b\/finance-2026-Q3\.okr\n[\s\S]*\+ {2}kr Increase on-time payments from 82% to 80%/);
    assert.match(run.stdout, /^1 file would be closed$/m);
    assert.deepEqual(readdirSync(dir), ['finance.okr']);
    assert.equal(readFileSync(path.join(dir, 'finance.okr'), 'utf8'), Q2);
  });

  it('bad usage is exit 2 with one clear line', () => {
    const dir = workspace({ 'finance.okr': Q2 });
    const cases: [string[], RegExp][] = [
      [['close', '--to', '2026-Q3'], /usage: okr close PERIOD --to NEXT/],
      [['close', '2026-Q2'], /close needs --to NEXT/],
      [['close', '2026-Q7', '--to', '2026-Q3'], /'2026-Q7' is not a period/],
      [['close', '2026-Q2', '--to', '2026-Q2'], /must start after 2026-Q2 ends \(2026-06-30\)/],
      [['close', '2026-Q2', '--to', '2026-Q3', '--carry', 'some'], /--carry must be all, none or unfinished/],
      [['close', '2026-Q1', '--to', '2026-Q2'], /no file has the period 2026-Q1/],
    ];
    for (const [args, message] of cases) {
      const run = runOkr(args, dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    assert.deepEqual(readdirSync(dir), ['finance.okr']);
  });
});

describe('okr report: scores and HTML', () => {
  const scored = Q2.replace('at-risk\n', 'at-risk\n    score 0.4\n');

  it('shows the scores beside progress in text and Markdown, at any past --today', () => {
    const dir = workspace({ 'finance.okr': scored });
    const text = runOkr(['report', '--today', '2026-05-01'], dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /score 0\.4 \(1 of 2 KRs scored\)/);
    assert.match(text.stdout, /expected \d+%.*score 0\.4$/m);
    const md = runOkr(['report', '--format', 'md', '--today', '2026-05-01'], dir);
    assert.match(md.stdout, /\| 52 days \| 0% \| 34% \| ⚪ no data \| — \| 0\.4 \| 0\/0 \|/);
  });

  it('--format html writes one page with an inline chart per KR', () => {
    const dir = workspace({ 'finance.okr': scored });
    const run = runOkr(['report', '--format', 'html', '--today', '2026-07-02'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.equal((run.stdout.match(/<svg /g) ?? []).length, 2);
    assert.ok(!run.stdout.includes('<script'));
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runOkr, workspace } from '../helpers/cli';

const CLEAN = 'period 2026-Q2\nobjective Grow the business\n  why Growth pays for the roadmap.\n  kr Increase revenue from $1M to $2M by 2026-06-30\n    baseline $1M on 2026-04-01\n    target $2M by 2026-06-30\n    checkin 2026-05-15 $1.5M on-track\n';
const BROKEN = 'objective A\n  krr Grow revenue\n';

describe('okr CLI', () => {
  it('runs on this Node with the bundled Chevrotain 11 (Node 20 compatible; 12+ declares Node >= 22)', () => {
    const chevrotain = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/chevrotain/package.json'), 'utf8'));
    assert.equal(chevrotain.version.split('.')[0], '11');
    const run = runOkr(['check', 'samples/accounts-receivable.okr', '--format', 'json', '--today', '2026-05-10']);
    assert.equal(JSON.parse(run.stdout).files.length, 1, run.stderr);
  });

  describe('check', () => {
    it('exits 0 and prints a summary when there is no error', () => {
      const dir = workspace({ 'a.okr': CLEAN });
      const run = runOkr(['check', '--today', '2026-05-20'], dir);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /1 file checked: 0 errors/);
    });

    it('exits 1 with file:line:col severity message [rule] on an error', () => {
      const dir = workspace({ 'bad.okr': BROKEN });
      const run = runOkr(['check', 'bad.okr'], dir);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^bad\.okr:2:3 error unknown keyword 'krr' — did you mean 'kr'\? \[syntax\]$/m);
    });

    it('prints JSON with 0-based LSP ranges and a summary', () => {
      const dir = workspace({ 'bad.okr': BROKEN });
      const run = runOkr(['check', 'bad.okr', '--format', 'json'], dir);
      const json = JSON.parse(run.stdout);
      const syntax = json.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'syntax');
      assert.deepEqual(syntax, {
        rule: 'syntax', severity: 'error', message: "unknown keyword 'krr' — did you mean 'kr'?",
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
      });
      assert.equal(json.files[0].file, 'bad.okr');
      assert.ok(json.summary.errors >= 1);
      assert.deepEqual(Object.keys(json.summary), ['errors', 'warnings', 'infos']);
    });

    it('finds every .okr under the folder by default, skipping node_modules', () => {
      const dir = workspace({ 'a.okr': CLEAN, 'team/b.okr': CLEAN, 'node_modules/x/c.okr': BROKEN, 'notes.txt': 'x' });
      const json = JSON.parse(runOkr(['check', '--format', 'json'], dir).stdout);
      assert.deepEqual(json.files.map((f: { file: string }) => f.file), ['a.okr', path.join('team', 'b.okr')]);
    });

    it('accepts globs', () => {
      const dir = workspace({ 'a.okr': CLEAN, 'team/b.okr': BROKEN });
      const json = JSON.parse(runOkr(['check', 'team/*.okr', '--format', 'json'], dir).stdout);
      assert.deepEqual(json.files.map((f: { file: string }) => f.file), [path.join('team', 'b.okr')]);
    });

    it('exits 2 with a one-line reason on a missing path', () => {
      const run = runOkr(['check', 'no/such/file.okr'], workspace({}));
      assert.equal(run.code, 2);
      assert.equal(run.stderr, "okr: cannot read 'no/such/file.okr': no such file or folder\n");
    });

    it('exits 2 on bad usage', () => {
      assert.equal(runOkr(['check', '--format', 'xml'], workspace({ 'a.okr': CLEAN })).code, 2);
      assert.equal(runOkr(['check', '--today', '2026-02-30'], workspace({ 'a.okr': CLEAN })).code, 2);
      assert.equal(runOkr(['check', '--bogus'], workspace({ 'a.okr': CLEAN })).code, 2);
      const unknown = runOkr(['frobnicate']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /^okr: unknown command 'frobnicate'/);
    });
  });

  describe('report', () => {
    it('prints JSON progress as fractions with the documented shape', () => {
      const run = runOkr(['report', 'samples/accounts-receivable.okr', '--format', 'json', '--today', '2026-05-10']);
      assert.equal(run.code, 0, run.stderr);
      const json = JSON.parse(run.stdout);
      assert.equal(json.asOf, '2026-05-10');
      const file = json.files[0];
      assert.equal(file.period, '2026-04-01 to 2026-08-30');
      const kr = file.objectives[0].keyResults[0];
      assert.equal(kr.title, 'Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30');
      assert.deepEqual([kr.baseline, kr.target, kr.current], ['$24M', '$12M', '$19.4M']);
      assert.equal(Math.round(kr.progress * 100) / 100, 0.38);
      assert.equal(kr.status, 'on-track');
      assert.equal(kr.reported, 'at-risk');
      assert.deepEqual(kr.tasks, { done: 1, total: 2 });
      assert.equal(file.declined, null);
      for (const key of ['title', 'progress', 'status', 'keyResults']) assert.ok(key in file.objectives[0]);
      for (const key of ['title', 'baseline', 'target', 'current', 'progress', 'expected', 'status', 'reported', 'tasks']) assert.ok(key in kr);
    });

    it('lists a file over the size limit as declined with check\'s message, names it on stderr, exit 2', () => {
      const dir = workspace({ 'a.okr': CLEAN, 'huge.okr': CLEAN + '# filler\n'.repeat(240_000) });
      const check = JSON.parse(runOkr(['check', 'huge.okr', '--format', 'json'], dir).stdout);
      const message: string = check.files[0].diagnostics[0].message;
      assert.match(message, /^This document is not checked: it is 2\.\d MB, and the limit is 1 MB/);
      const run = runOkr(['report', '--format', 'json', '--today', '2026-05-20'], dir);
      assert.deepEqual([run.code, run.stderr], [2, `okr: huge.okr: ${message}\n`]);
      const files: { file: string; declined: string | null }[] = JSON.parse(run.stdout).files;
      assert.deepEqual(files.map((f) => [f.file, f.declined]), [['a.okr', null], ['huge.okr', message]]);
    });

    it('draws progress bars in text', () => {
      const run = runOkr(['report', 'samples/accounts-receivable.okr', '--today', '2026-05-10']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /██████░░░░░░░░░░ {2}38% {2}expected 26% {2}on track {2}\(owner says at risk\)/);
    });

    it('prints a Markdown table', () => {
      const run = runOkr(['report', 'samples/accounts-receivable.okr', '--format', 'md', '--today', '2026-05-10']);
      assert.match(run.stdout, /^# OKR progress report$/m);
      assert.match(run.stdout, /\| Key result \| Baseline \| Target \| Current \| Progress \| Expected \| Status \| Reported \| Score \| Tasks \|/);
      assert.match(run.stdout, /\| \\\$24M \| \\\$12M by 2026-08-30 \| \\\$19\.4M \(2026-05-01\) \| 38% \| 26% \|/);
    });
  });
});

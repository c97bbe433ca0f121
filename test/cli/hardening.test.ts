// Hostile and odd inputs for the CLI (issues 11 and 15): each test failed before its fix.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runOkr } from '../helpers/cli';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-hard-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** What a terminal must never receive raw from a file: C0 (but \n), DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = [
  'period 2026-Q2',
  'objective Grow \x1b]0;pwned\x07 revenue \x1b]52;c;ZXZpbA==\x07',
  '  kr Increase \x1b[2J sales \u202e from 10 to 20 customers by 2026-06-30 \x9b31m',
  '    checkin 2026-05-01 12 customers on-track "\x7f note"',
  '',
].join('\n');

describe('okr CLI hardening', () => {
  describe('terminal control sequences (11.1)', () => {
    it('check and report text show control characters and bidi overrides escaped', () => {
      const dir = workspace({ 'a\x1b[31m.okr': HOSTILE });
      for (const command of ['check', 'report']) {
        const run = runOkr([command, '--today', '2026-05-10'], dir);
        assert.doesNotMatch(run.stdout, RAW_CONTROL, `${command}: ${JSON.stringify(run.stdout)}`);
        assert.doesNotMatch(run.stderr, RAW_CONTROL, `${command}: ${JSON.stringify(run.stderr)}`);
        assert.match(run.stdout, /a\\x1B\[31m\.okr/, command);
      }
      const report = runOkr(['report', '--today', '2026-05-10'], dir).stdout;
      assert.match(report, /Grow \\x1B\]0;pwned\\x07 revenue \\x1B\]52;c;ZXZpbA==\\x07/);
      assert.match(report, /Increase \\x1B\[2J sales \\u202E from/);
    });

    it('fix output and its dry-run diff show them escaped too', () => {
      const dir = workspace({ 'a.okr': HOSTILE.replace('period 2026-Q2\n', 'period 2026-Q2\nobjective Ship \x1b[2J\n  kr Implement \x1b]0;x\x07 the new portal\n  kr Grow sales from 1 to 2 by 2026-06-30\n') });
      const run = runOkr(['fix', '--dry-run', '--today', '2026-05-10'], dir);
      assert.match(run.stdout, /^\+ {2}task Implement \\x1B\]0;x\\x07 the new portal$/m);
      assert.doesNotMatch(run.stdout, RAW_CONTROL, JSON.stringify(run.stdout));
    });

    it('JSON and SARIF keep the exact text', () => {
      const dir = workspace({ 'a.okr': HOSTILE });
      const json = JSON.parse(runOkr(['check', '--format', 'json', '--today', '2026-05-10'], dir).stdout);
      const messages: string[] = json.files[0].diagnostics.map((d: { message: string }) => d.message);
      const sarif = JSON.parse(runOkr(['check', '--format', 'sarif', '--today', '2026-05-10'], dir).stdout);
      assert.deepEqual(sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text), messages);
      assert.ok(messages.length > 0 && messages.every((m) => !m.includes('\\x1B')), JSON.stringify(messages));
      const report = JSON.parse(runOkr(['report', '--format', 'json', '--today', '2026-05-10'], dir).stdout);
      assert.equal(report.files[0].objectives[0].title, 'Grow \x1b]0;pwned\x07 revenue \x1b]52;c;ZXZpbA==\x07');
    });
  });
});

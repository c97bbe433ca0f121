// Hostile and odd inputs for the CLI (issues 11 and 15): each test failed before its fix.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { runOkr, workspace } from '../helpers/cli';


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

const TASKY = 'period 2026-Q2\nobjective Close the books faster\n  why Decisions wait on stale figures\n  kr Implement new inventory management software\n  kr Reduce close from 12 days to 5 days by 2026-06-30\n';

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
      const aligned = runOkr(['report', '--by', 'alignment', '--today', '2026-05-10'], dir);
      assert.doesNotMatch(aligned.stdout, RAW_CONTROL, JSON.stringify(aligned.stdout));
      assert.match(aligned.stdout, /^ {4}• Increase \\x1B\[2J sales \\u202E from/m, 'the objective\'s KR, listed under it');
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

// Mixed breaks; before the fix, `okr fix` turned the baseline's CRLF into LF.
const MIXED = [
  'period 2026-04-01 to 2026-08-30\n',
  'objective Reduce dollars stuck in receivables\n',
  '  why Old invoices are hard to collect\n',
  '  kr Reduce AR>60 days by 50% by 2026-08-30\n',
  '    baseline $24M on 2026-03-31\r\n',
  '  kr Implement an automated reminder system to increase on-time payments by 15%\r',
  '# end\r\n',
].join('');

/** The message `okr check --format json` gives the one diagnostic of a declined file. */
function checkMessage(dir: string, file: string): string {
  const check = JSON.parse(runOkr(['check', '--format', 'json', '--today', '2026-05-10'], dir).stdout);
  const diagnostics: { message: string }[] = check.files.find((f: { file: string }) => f.file === file).diagnostics;
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  return diagnostics[0].message;
}

/** `okr report` in each format lists `file` as declined with `message`, says so on stderr, exits 2, and still reports good.okr. */
function assertReportDeclines(dir: string, file: string, message: string): void {
  const stderr = `okr: ${file}: ${message}\n`;
  const text = runOkr(['report', '--today', '2026-05-10'], dir);
  assert.deepEqual([text.code, text.stderr], [2, stderr]);
  assert.match(text.stdout, new RegExp(`^${escapeRegExp(file)}\\n {2}declined: ${escapeRegExp(message)}$`, 'm'));
  assert.match(text.stdout, /Close the books faster/);
  const json = runOkr(['report', '--format', 'json', '--today', '2026-05-10'], dir);
  assert.deepEqual([json.code, json.stderr], [2, stderr]);
  const files: { file: string; declined: string | null; objectives: unknown[] }[] = JSON.parse(json.stdout).files;
  assert.deepEqual(files.map((f) => [f.file, f.declined, f.objectives.length]), [['good.okr', null, 1], [file, message, 0]]);
  const md = runOkr(['report', '--format', 'md', '--today', '2026-05-10'], dir);
  assert.equal(md.code, 2);
  assert.match(md.stdout, new RegExp(`^## ${escapeRegExp(file)}\\n\\n\\*\\*Declined:\\*\\* This (file|document) is not checked: `, 'm'));
  const html = runOkr(['report', '--format', 'html', '--today', '2026-05-10'], dir);
  assert.equal(html.code, 2);
  assert.ok(html.stdout.includes(`<p class="declined">Declined: ${message}</p>`), html.stdout);
  const aligned = runOkr(['report', '--by', 'alignment', '--format', 'json', '--today', '2026-05-10'], dir);
  assert.deepEqual([aligned.code, aligned.stderr], [2, stderr]);
  assert.deepEqual(JSON.parse(aligned.stdout).declined, [{ file, message }]);
  const alignedText = runOkr(['report', '--by', 'alignment', '--today', '2026-05-10'], dir);
  assert.match(alignedText.stdout, new RegExp(`^Declined\\n {2}${escapeRegExp(file)}: ${escapeRegExp(message)}$`, 'm'));
  const alignedMd = runOkr(['report', '--by', 'alignment', '--format', 'md', '--today', '2026-05-10'], dir).stdout;
  assert.match(alignedMd, new RegExp(`^## Declined\\n\\n- ${escapeRegExp(file)}: This (file|document) is not checked: `, 'm'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('okr CLI hardening: encodings and line breaks', () => {
  it('check reports a file that is not UTF-8 as one error at the first bad byte; fix refuses it, exit 2 (11.2)', () => {
    const latin1 = Buffer.concat([Buffer.from('period 2026-Q2\nobjective Caf'), Buffer.from([0xe9]), Buffer.from(' \xa3 sales\n', 'latin1')]);
    const dir = workspace({ 'l.okr': latin1 });
    const check = runOkr(['check', '--today', '2026-05-10'], dir);
    assert.equal(check.code, 1, check.stderr);
    assert.equal(check.stdout.split('\n')[0], 'l.okr:2:14 error This file is not checked: it is not valid UTF-8 (byte 0xE9 at line 2, column 14; Latin-1 or another encoding?). Save it as UTF-8. [not-utf8]');
    assert.match(check.stdout, /1 file checked: 1 error/);
    const fix = runOkr(['fix', '--today', '2026-05-10'], dir);
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /^okr: l\.okr is not valid UTF-8 \(byte 0xE9 at line 2, column 14/);
    assert.deepEqual(readFileSync(path.join(dir, 'l.okr')), latin1);
  });

  it('report lists a file that is not UTF-8 as declined, with check\'s message, in every format; names it on stderr; exit 2', () => {
    const latin1 = Buffer.concat([Buffer.from('period 2026-Q2\nobjective Caf'), Buffer.from([0xe9]), Buffer.from(' sales\n', 'latin1')]);
    const dir = workspace({ 'good.okr': TASKY, 'l.okr': latin1 });
    const message = checkMessage(dir, 'l.okr');
    assert.match(message, /^This file is not checked: it is not valid UTF-8 \(byte 0xE9 at line 2, column 14;/);
    assertReportDeclines(dir, 'l.okr', message);
  });

  it('a NUL byte: report lists the file as declined with check\'s message, names it on stderr, exit 2 (11.6)', () => {
    const dir = workspace({ 'good.okr': TASKY, 'n.okr': 'period 2026-Q2\nobjective A\0B\n' });
    const message = checkMessage(dir, 'n.okr');
    assert.equal(message, 'This document is not checked: it holds a NUL byte (line 2, column 12), so it is a binary file, not .okr text.');
    assertReportDeclines(dir, 'n.okr', message);
  });

  it('UTF-16 with a BOM: report answers as check does, one line on stderr, exit 2, the other files still reported', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('period 2026-Q2\nobjective Grow\n', 'utf16le')]);
    const dir = workspace({ 'good.okr': TASKY, 'u.okr': utf16 });
    const check = runOkr(['check', '--today', '2026-05-10'], dir);
    const report = runOkr(['report', '--format', 'json', '--today', '2026-05-10'], dir);
    assert.equal(check.stderr, 'okr: u.okr is UTF-16 text; okr reads UTF-8, so save it as UTF-8\n');
    assert.deepEqual([report.code, report.stderr], [check.code, check.stderr]);
    assert.deepEqual(JSON.parse(report.stdout).files.map((f: { file: string }) => f.file), ['good.okr']);
  });

  it('UTF-16 with a BOM is refused by check and fix, never rewritten (11.2)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('period 2026-Q2\nobjective Grow\n  kr Implement the portal\n', 'utf16le')]);
    const dir = workspace({ 'u.okr': utf16 });
    const fix = runOkr(['fix', '--today', '2026-05-10'], dir);
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /u\.okr is UTF-16 text; okr reads UTF-8/);
    assert.deepEqual(readFileSync(path.join(dir, 'u.okr')), utf16);
  });

  it('fix keeps every untouched line\'s own break in a file with mixed breaks; inserted lines take the break of the line before (11.3)', () => {
    const dir = workspace({ 'm.okr': MIXED });
    const run = runOkr(['fix', '--today', '2026-05-10'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(path.join(dir, 'm.okr'), 'utf8'), [
      'period 2026-04-01 to 2026-08-30\n',
      'objective Reduce dollars stuck in receivables\n',
      '  why Old invoices are hard to collect\n',
      '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30\n',
      '    baseline $24M on 2026-03-31\r\n',
      '    target $12M by 2026-08-30\r\n',
      '  kr Increase on-time payments by 15%\r\n',
      '    task Implement an automated reminder system\r\n',
      '# end\r\n',
    ].join(''));
  });

  it('a file with two BOMs keeps both through fix (15.11)', () => {
    const text = '\ufeff\ufeffperiod 2026-Q2\nobjective Close the books faster\n  why Decisions wait\n  kr Implement new inventory management software\n  kr Reduce close from 12 days to 5 days by 2026-06-30\n';
    const dir = workspace({ 'b.okr': text });
    runOkr(['fix', '--today', '2026-05-10'], dir);
    const fixed = readFileSync(path.join(dir, 'b.okr'), 'utf8');
    assert.ok(fixed.startsWith('\ufeff\ufeffperiod'), JSON.stringify(fixed.slice(0, 12)));
    assert.match(fixed, /task Implement new inventory/);
  });

  it('a NUL byte: check declines the file with the one-line message the editor shows (11.6)', () => {
    const dir = workspace({ 'n.okr': 'period 2026-Q2\nobjective A\0B\n' });
    const run = runOkr(['check'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout.split('\n')[0], 'n.okr:2:12 error This document is not checked: it holds a NUL byte (line 2, column 12), so it is a binary file, not .okr text. [binary-file]');
  });
});

describe('okr CLI hardening: paths', () => {
  it('an empty path is bad usage (exit 2) and nothing is changed (15.2)', () => {
    const dir = workspace({ 'a.okr': TASKY, 'b.okr': TASKY });
    for (const args of [['fix', ''], ['fix', '', 'a.okr'], ['check', ' ']]) {
      const run = runOkr(args, dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^okr: an empty path was given \(an unset variable\?\)/);
      assert.equal(run.stdout, '');
    }
    assert.equal(readFileSync(path.join(dir, 'a.okr'), 'utf8'), TASKY);
    assert.equal(readFileSync(path.join(dir, 'b.okr'), 'utf8'), TASKY);
  });

  it('an existing path is literal even with glob characters; a glob only when no such path exists (15.8)', () => {
    const dir = workspace({ 'Q2 (draft).okr': TASKY, 'plan[1].okr': TASKY, 'plan1.okr': TASKY });
    const check = runOkr(['check', 'Q2 (draft).okr', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(check.stdout).files.map((f: { file: string }) => f.file), ['Q2 (draft).okr']);
    const fix = runOkr(['fix', 'plan[1].okr', '--today', '2026-05-10'], dir);
    assert.equal(fix.code, 0, fix.stderr);
    assert.match(readFileSync(path.join(dir, 'plan[1].okr'), 'utf8'), /task Implement/);
    assert.equal(readFileSync(path.join(dir, 'plan1.okr'), 'utf8'), TASKY);
    const glob = runOkr(['check', 'plan?.okr', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(glob.stdout).files.map((f: { file: string }) => f.file), ['plan1.okr']);
  });

  it('SARIF artifact URIs are percent-encoded (15.9)', () => {
    const dir = workspace({ 'a #1?/50% done.okr': 'objective A\n  krr x\n' });
    const sarif = JSON.parse(runOkr(['check', '--format', 'sarif'], dir).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.equal(uri, 'a%20%231%3F/50%25%20done.okr');
    assert.equal(decodeURIComponent(uris[0]), 'a #1?/50% done.okr');
  });

  it('pipes and devices are not read: check, report and fix answer at once, a pipe named .okrrc.json is a config error (15.3)', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'good.okr': TASKY });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'x.okr')]).status, 0);
    const check = runOkr(['check', 'x.okr'], dir);
    assert.equal(check.code, 2);
    assert.match(check.stderr, /okr: x\.okr is not a regular file \(a pipe, socket or device\); not read/);
    const report = runOkr(['report', 'x.okr', 'good.okr', '--format', 'json', '--today', '2026-05-10'], dir);
    assert.deepEqual([report.code, report.stderr], [2, 'okr: x.okr is not a regular file (a pipe, socket or device); not read\n']);
    assert.deepEqual(JSON.parse(report.stdout).files.map((f: { file: string }) => f.file), ['good.okr']);
    assert.notEqual(runOkr(['fix', '--today', '2026-05-10'], dir).code, -1, 'a folder holding a pipe is fixed without waiting on it');
    assert.equal(runOkr(['check', '/dev/zero'], dir).code, 2);
    rmSync(path.join(dir, 'x.okr'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, '.okrrc.json')]).status, 0);
    const config = runOkr(['check', 'good.okr'], dir);
    assert.match(config.stdout, /^\.okrrc\.json:1:1 error cannot read the config file: is not a regular file/m);
  });
});

describe('okr CLI hardening: configs', () => {
  it('the .okrrc.json search stops at the repository root (a folder holding .git) (15.11)', () => {
    const dir = workspace({ '.okrrc.json': '{"rules": {"objective-missing-why": "off"}}', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/plan.okr': 'period 2026-Q2\nobjective Grow\n  kr Grow users from 10 to 20 by 2026-06-30\n' });
    const inside = runOkr(['check', '--format', 'json', '--today', '2026-05-10'], path.join(dir, 'repo'));
    const rules = JSON.parse(inside.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.ok(rules.includes('objective-missing-why'), rules.join());
  });

  it('a deeply nested .okrrc.json is one error on that config; the run goes on (15.10)', () => {
    const deep = `{"rules": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const dir = workspace({ 'deep/.okrrc.json': deep, 'deep/a.okr': TASKY, 'plain/b.okr': TASKY });
    const run = runOkr(['check', '--format', 'json', '--today', '2026-05-10'], dir);
    assert.equal(run.code, 1, run.stderr);
    const files = JSON.parse(run.stdout).files as { file: string; diagnostics: { message: string }[] }[];
    assert.deepEqual(files.map((f) => f.file), [path.join('deep', '.okrrc.json'), path.join('deep', 'a.okr'), path.join('plain', 'b.okr')]);
    assert.deepEqual(files[0].diagnostics.map((d) => d.message), ['the config nests deeper than 64 levels; it is not read (the defaults apply)']);
    assert.ok(files[1].diagnostics.length > 0 && files[2].diagnostics.length > 0);
  });
});

describe('okr CLI hardening: writing files', () => {
  it('fix respects read-only files, keeps hard links whole, and counts each file it could not write (15.6)', () => {
    const dir = workspace({ 'ro.okr': TASKY, 'linked.okr': TASKY, 'ok.okr': TASKY });
    chmodSync(path.join(dir, 'ro.okr'), 0o444);
    linkSync(path.join(dir, 'linked.okr'), path.join(dir, 'other-name.txt'));
    const run = runOkr(['fix', '--today', '2026-05-10'], dir);
    assert.equal(run.code, 2);
    assert.deepEqual(run.stderr.trim().split('\n').sort(), [
      'okr: linked.okr has 2 hard links, which a rewrite would split; not written',
      'okr: ro.okr is read-only; not written',
    ]);
    assert.match(run.stdout, /^1 fix applied; 1 file changed; 2 files not written$/m);
    assert.doesNotMatch(run.stdout, /^(ro|linked)\.okr:.* applied/m);
    assert.equal(readFileSync(path.join(dir, 'ro.okr'), 'utf8'), TASKY);
    assert.equal(statSync(path.join(dir, 'ro.okr')).mode & 0o777, 0o444);
    assert.equal(readFileSync(path.join(dir, 'linked.okr'), 'utf8'), TASKY);
    assert.equal(statSync(path.join(dir, 'linked.okr')).ino, statSync(path.join(dir, 'other-name.txt')).ino);
    assert.match(readFileSync(path.join(dir, 'ok.okr'), 'utf8'), /task Implement/);
  });

  it('fix keeps the file\'s owner and group (15.6)', function () {
    if (process.getuid?.() !== 0) this.skip(); // only root may give a file to another user
    const dir = workspace({ 'theirs.okr': TASKY });
    chownSync(path.join(dir, 'theirs.okr'), 4321, 8765);
    assert.equal(runOkr(['fix', '--today', '2026-05-10'], dir).code, 0);
    const stats = statSync(path.join(dir, 'theirs.okr'));
    assert.deepEqual([stats.uid, stats.gid], [4321, 8765]);
    assert.match(readFileSync(path.join(dir, 'theirs.okr'), 'utf8'), /task Implement/);
  });

  it('stale temporary files of an interrupted fix: check names them, fix removes them, neither reads them as .okr (11.4)', () => {
    const stale = '.plan.okr.999999.0123456789ab.tmp';
    const dir = workspace({ 'plan.okr': TASKY, [stale]: TASKY.slice(0, 40), '.notes.okr.1.zz.tmp': 'not ours' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, stale), old, old);
    const check = runOkr(['check', '--format', 'json', '--today', '2026-05-10'], dir);
    assert.deepEqual(JSON.parse(check.stdout).files.map((f: { file: string }) => f.file), ['plan.okr']);
    assert.equal(check.stderr, `okr: ${stale} is a temporary file left by an interrupted okr fix (okr fix removes it)\n`);
    const fix = runOkr(['fix', '--today', '2026-05-10'], dir);
    assert.match(fix.stdout, new RegExp(`^removed ${stale.replace(/\./g, '\\.')}, a temporary file left by an interrupted okr fix$`, 'm'));
    assert.deepEqual(readdirSync(dir).sort(), ['.notes.okr.1.zz.tmp', 'plan.okr']);
  });
});

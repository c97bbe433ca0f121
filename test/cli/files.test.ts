// Files the CLI cannot use get one clear line on stderr and exit code 2, and the other files are
// still checked; `okr fix` writes atomically and only where it was asked to.
import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main';

const CLEAN = 'period 2026-Q2\nobjective Grow the business\n  why Growth pays for the roadmap.\n  kr Increase revenue from $1M to $2M by 2026-06-30\n    baseline $1M on 2026-04-01\n    target $2M by 2026-06-30\n    checkin 2026-05-15 $1.5M on-track\n';
/** A KR that is really a task: `okr fix` converts it without asking anything. */
const FIXABLE = 'period 2026-Q2\nobjective Grow the business\n  why Growth pays for the roadmap.\n  kr Increase revenue from $1M to $2M by 2026-06-30\n    baseline $1M on 2026-04-01\n    target $2M by 2026-06-30\n  kr Write the weekly pipeline report\n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function okr(args: string[], cwd: string): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false });
  return { code, stdout, stderr };
}

function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter(Boolean);
}

describe('CLI and files it cannot use', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'okr-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  };

  it('a binary file: declined with one error (the editor\'s message), and the other files are still checked', () => {
    write('good.okr', CLEAN);
    write('image.okr', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const run = okr(['check', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 1);
    assert.deepEqual(stderrLines(run), []);
    assert.match(run.stdout, /^image\.okr:1:5 error This document is not checked: it holds a NUL byte \(line 1, column 5\), so it is a binary file, not \.okr text\. \[binary-file\]$/m);
    assert.match(run.stdout, /2 files checked: 1 error/);
  });

  it('keeps JSON output valid when a file is unreadable', () => {
    write('good.okr', CLEAN);
    write('bad.okr', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('objective Grow\n', 'utf16le')]));
    const run = okr(['check', '--format', 'json', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 2);
    const report = JSON.parse(run.stdout) as { files: { file: string }[] };
    assert.deepEqual(report.files.map((f) => f.file), ['good.okr']);
    assert.equal(stderrLines(run).length, 1);
  });

  it('a UTF-16 file is named as such rather than called binary', () => {
    write('wide.okr', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('objective Grow\n', 'utf16le')]));
    const run = okr(['check', 'wide.okr'], dir);
    assert.equal(run.code, 2);
    assert.deepEqual(stderrLines(run), ['okr: wide.okr is UTF-16 text; okr reads UTF-8, so save it as UTF-8']);
  });

  it('a link to nowhere and a link loop: one line each, the rest checked', () => {
    write('good.okr', CLEAN);
    symlinkSync(path.join(dir, 'gone.okr'), path.join(dir, 'dangling.okr'));
    symlinkSync(path.join(dir, 'loop.okr'), path.join(dir, 'loop.okr'));
    const run = okr(['check', 'good.okr', 'dangling.okr', 'loop.okr', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 2);
    const lines = stderrLines(run);
    assert.equal(lines.length, 2, run.stderr);
    assert.ok(lines.every((l) => /^okr: .*(dangling|loop)\.okr/.test(l)), run.stderr);
    assert.match(run.stdout, /1 file checked/);
  });

  it('a missing path among existing ones: one line, exit 2, the others still checked', () => {
    write('good.okr', CLEAN);
    const run = okr(['check', 'good.okr', 'no/such.okr', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 2);
    assert.deepEqual(stderrLines(run), ["okr: cannot read 'no/such.okr': no such file or folder"]);
    assert.match(run.stdout, /1 file checked/);
  });

  it('a file without read permission: one line, exit 2', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every file; the other unreadable cases above still run
    write('good.okr', CLEAN);
    write('locked.okr', CLEAN);
    chmodSync(path.join(dir, 'locked.okr'), 0o000);
    const run = okr(['check', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 2);
    assert.deepEqual(stderrLines(run), ['okr: locked.okr permission denied']);
  });

  it('an error in a file exits 1, not 2, when every file could be read', () => {
    write('broken.okr', 'objective A\n  krr Grow revenue\n');
    assert.equal(okr(['check'], dir).code, 1);
  });
});

describe('okr fix and files', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'okr-fix-'));
    outside = mkdtempSync(path.join(tmpdir(), 'okr-fix-outside-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const fixArgs = ['--today', '2026-05-20'];

  it('has something to fix in the fixture (so the tests below can fail)', () => {
    writeFileSync(path.join(dir, 'a.okr'), FIXABLE);
    const run = okr(['fix', 'a.okr', ...fixArgs], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.notEqual(readFileSync(path.join(dir, 'a.okr'), 'utf8'), FIXABLE, run.stdout);
  });

  it('replaces the file by rename, keeps BOM and CRLF, and leaves no temporary file', () => {
    const file = path.join(dir, 'a.okr');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE.replace(/\n/g, '\r\n'))]));
    const inode = statSync(file).ino;
    const run = okr(['fix', 'a.okr', ...fixArgs], dir);
    assert.equal(run.code, 0, run.stderr);
    const after = readFileSync(file);
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = after.subarray(3).toString('utf8');
    assert.notEqual(text, FIXABLE.replace(/\n/g, '\r\n'), 'something was fixed');
    assert.doesNotMatch(text, /[^\r]\n/, 'every line break is still CRLF');
    assert.notEqual(statSync(file).ino, inode, 'written by rename');
    assert.deepEqual(readdirSync(dir), ['a.okr']);
  });

  it('keeps every line it does not fix byte-identical', () => {
    const file = path.join(dir, 'a.okr');
    const original = FIXABLE.replace('  why Growth', '\t  why   Growth') + '# trailing comment   \n';
    writeFileSync(file, original);
    okr(['fix', 'a.okr', ...fixArgs], dir);
    const before = original.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    const kept = before.filter((line) => after.includes(line));
    assert.equal(kept.length, before.length - 1, `only the fixed KR line may change:\n${after.join('\n')}`);
  });

  it('refuses a link that leads out of the folder it was given, and writes nothing there', () => {
    const target = path.join(outside, 'theirs.okr');
    writeFileSync(target, FIXABLE);
    symlinkSync(target, path.join(dir, 'link.okr'));
    writeFileSync(path.join(dir, 'mine.okr'), FIXABLE);
    const run = okr(['fix', ...fixArgs], dir);
    assert.equal(run.code, 2);
    assert.deepEqual(stderrLines(run), [`okr: link.okr is a symbolic link to ${path.join(outside, 'theirs.okr')}, outside ${dir}; not written`]);
    assert.equal(readFileSync(target, 'utf8'), FIXABLE, 'the outside file is untouched');
    assert.deepEqual(readdirSync(outside), ['theirs.okr']);
    assert.notEqual(readFileSync(path.join(dir, 'mine.okr'), 'utf8'), FIXABLE, 'the file inside was still fixed');
    assert.ok(lstatSync(path.join(dir, 'link.okr')).isSymbolicLink());
  });

  it('writes through a link that stays inside the folder it was given', () => {
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'team.okr'), FIXABLE);
    symlinkSync(path.join(dir, 'real', 'team.okr'), path.join(dir, 'alias.okr'));
    const run = okr(['fix', 'alias.okr', ...fixArgs], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.notEqual(readFileSync(path.join(dir, 'real', 'team.okr'), 'utf8'), FIXABLE);
    assert.ok(lstatSync(path.join(dir, 'alias.okr')).isSymbolicLink());
  });

  it('--dry-run writes nothing at all', () => {
    writeFileSync(path.join(dir, 'a.okr'), FIXABLE);
    const inode = statSync(path.join(dir, 'a.okr')).ino;
    const run = okr(['fix', '--dry-run', ...fixArgs], dir);
    assert.match(run.stdout, /^[-+]/m);
    assert.equal(readFileSync(path.join(dir, 'a.okr'), 'utf8'), FIXABLE);
    assert.equal(statSync(path.join(dir, 'a.okr')).ino, inode);
  });

  it('touches no file it was not asked to fix', () => {
    writeFileSync(path.join(dir, 'a.okr'), FIXABLE);
    writeFileSync(path.join(dir, 'b.okr'), FIXABLE);
    okr(['fix', 'a.okr', ...fixArgs], dir);
    assert.equal(readFileSync(path.join(dir, 'b.okr'), 'utf8'), FIXABLE);
    assert.deepEqual(readdirSync(dir).sort(), ['a.okr', 'b.okr']);
  });
});

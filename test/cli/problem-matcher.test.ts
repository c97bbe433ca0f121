// The `$okr` problem matcher (package.json) read the way VS Code reads a task's output: its regexp
// on each line of the built CLI's `okr check`, the groups picked by the pattern's indexes. What
// it extracts must be what `okr check --format json` says about the same findings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runOkr, workspace } from '../helpers/cli';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface Pattern { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number }
interface Finding { file: string; line: number; column: number; severity: string; message: string; code: string }

const matchers: Array<{ name: string; owner: string; source?: string; fileLocation: string[]; pattern: Pattern }> = pkg.contributes.problemMatchers ?? [];
const okrMatcher = () => {
  const matcher = matchers.find((m) => m.name === 'okr');
  assert.ok(matcher, 'a problem matcher named okr ($okr in tasks.json)');
  return matcher;
};

/** What VS Code takes from one line of output: nothing, or the finding (RegExp without flags, 1-based groups). */
function match(line: string): Finding | undefined {
  const { pattern } = okrMatcher();
  const m = new RegExp(pattern.regexp).exec(line);
  if (!m) return undefined;
  return { file: m[pattern.file], line: Number(m[pattern.line]), column: Number(m[pattern.column]), severity: m[pattern.severity], message: m[pattern.message], code: m[pattern.code] };
}

/** The findings as `okr check --format json` gives them, 1-based like the text output. */
function jsonFindings(args: string[], cwd: string): Finding[] {
  const json = JSON.parse(runOkr(['check', ...args, '--format', 'json'], cwd).stdout);
  return json.files.flatMap((f: { file: string; diagnostics: Array<{ rule: string; severity: string; message: string; range: { start: { line: number; character: number } } }> }) =>
    f.diagnostics.map((d) => ({ file: f.file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, message: d.message, code: d.rule })));
}

// One error (a date not on the calendar), warnings (the ambiguous AR metric, no check-in yet) and an info (the implicit target).
const DRAFT = [
  'period 2026-04-01 to 2026-06-30',
  'objective Get paid faster by our customers',
  '  why Late payments squeeze our cash this year',
  '  kr Reduce AR>60 days by 50% by 2026-06-30',
  '    baseline $24M on 2026-03-31',
  '    checkin 2026-04-31 $20M',
  '',
].join('\n');
const NAME = path.join('team plans', 'Q2 (draft).okr');

describe('the $okr problem matcher', () => {
  it('is named okr, owned apart from the language server, and resolves relative and absolute paths', () => {
    const matcher = okrMatcher();
    // The language client's diagnostics live in a collection named after its id; a task that
    // shared that owner would replace or clear the editor's own findings when it ran.
    const clientId = /new LanguageClient\('([^']+)'/.exec(readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8'))?.[1];
    assert.equal(clientId, 'okr');
    assert.notEqual(matcher.owner, clientId);
    assert.equal(matcher.source, 'okr check');
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
  });

  it('is the matcher the tasks.json examples of the README and the walkthrough name', () => {
    for (const doc of ['README.md', 'resources/walkthrough/ci.md']) {
      const example = /```json\n(\{\n {2}"version": "2\.0\.0"[\s\S]*?)```/.exec(readFileSync(path.join(ROOT, doc), 'utf8'))?.[1];
      assert.ok(example, `${doc} has a tasks.json example`);
      const [task] = JSON.parse(example).tasks;
      assert.equal(task.problemMatcher, `$${okrMatcher().name}`, doc);
      assert.equal(task.command, 'npx okr check', doc);
    }
  });

  it('reads every finding of okr check, in a folder with spaces, as the JSON output gives it', () => {
    const dir = workspace({ [NAME]: DRAFT });
    const run = runOkr(['check', NAME, '--today', '2026-05-01'], dir);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '1 file checked: 1 error, 2 warnings, 1 info');
    assert.equal(match(lines.at(-1)!), undefined, 'the summary line is no finding');
    const found = lines.slice(0, -1).map(match);
    assert.deepEqual(found, jsonFindings([NAME, '--today', '2026-05-01'], dir));
    assert.deepEqual(found.map((f) => f?.severity).sort(), ['error', 'info', 'warning', 'warning']);
    assert.deepEqual(found.find((f) => f?.severity === 'error'), {
      file: NAME, line: 6, column: 13, severity: 'error', message: '2026-04-31 is not a date on the calendar', code: 'syntax',
    });
    const ambiguous = found.find((f) => f?.code === 'kr-ambiguous-metric');
    assert.equal(ambiguous?.line, 4);
    assert.equal(ambiguous?.column, 13);
    assert.match(ambiguous?.message ?? '', /^What this KR counts is unclear: 'AR' .*in which unit\.$/);
  });

  it('reads an absolute path, printed for a file outside the current folder', () => {
    const dir = workspace({ [NAME]: DRAFT });
    const elsewhere = workspace({});
    const file = path.join(dir, NAME);
    const lines = runOkr(['check', file, '--today', '2026-05-01'], elsewhere).stdout.trimEnd().split('\n').slice(0, -1);
    assert.equal(lines.length, 4);
    for (const line of lines) assert.equal(match(line)?.file, file);
  });

  it('reads a Windows path with a drive letter or a share, and a message that holds colons and brackets', () => {
    const dir = workspace({ [NAME]: DRAFT });
    const real = runOkr(['check', NAME, '--today', '2026-05-01'], dir).stdout.split('\n').filter((line) => line.startsWith(`${NAME}:`));
    assert.equal(real.length, 4);
    for (const windows of ['C:\\Users\\Mary Jones\\OKRs\\Q2 (draft).okr', '\\\\finance\\plans\\2026 Q2.okr']) {
      for (const line of real) {
        const expected = match(line)!;
        assert.deepEqual(match(windows + line.slice(NAME.length)), { ...expected, file: windows });
      }
    }
    assert.deepEqual(match('C:\\okr\\a.okr:12:3 warning Task [x] at 10:30 is late: see [notes] [checkin-stale]'), {
      file: 'C:\\okr\\a.okr', line: 12, column: 3, severity: 'warning', message: 'Task [x] at 10:30 is late: see [notes]', code: 'checkin-stale',
    });
  });
});

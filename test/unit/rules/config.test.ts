import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../../server/src/engine/analyze';
import { applyOverrides, parseConfig } from '../../../server/src/engine/config';
import { DEFAULT_CONFIG } from '../../../server/src/engine/rules';
import { ConfigLoader, findConfigFile } from '../../../server/src/node/config-file';

/** The (line, character) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const TASK_DOC = 'period 2026-Q2\nobjective Get paid faster\n  why Cash\n  kr Implement new inventory management software\n';

describe('.okrrc.json: parseConfig', () => {
  it('reads severities, [severity, options] and status thresholds', () => {
    const { config, diagnostics } = parseConfig(`{
      // comments are fine
      "rules": { "kr-task": "error", "objective-max-krs": ["warning", { "max": 4 }], "kr-kpi-like": "off", },
      "status": { "onTrack": 0.05, "atRisk": 0.2 }
    }`);
    assert.deepEqual(diagnostics, []);
    assert.equal(config.rules['kr-task'].severity, 'error');
    assert.deepEqual(config.rules['objective-max-krs'], { severity: 'warning', options: { max: 4 } });
    assert.equal(config.rules['kr-kpi-like'].severity, 'off');
    assert.equal(config.rules['kr-vague'].severity, 'warning', 'untouched rules keep their default');
    assert.deepEqual(config.thresholds, { onTrack: 0.05, atRisk: 0.2 });
  });

  it('reports each problem at its position and keeps the defaults for it', () => {
    const text = '{\n  "rules": {\n    "kr-tsak": "error",\n    "kr-task": "eror",\n    "objective-max-krs": ["warning", { "max": "four", "min": 1 }]\n  },\n  "status": { "onTrack": 2 },\n  "colour": true\n}\n';
    const { config, diagnostics } = parseConfig(text);
    const byMessage = (re: RegExp) => {
      const d = diagnostics.find((x) => re.test(x.message));
      assert.ok(d, `${re} in ${diagnostics.map((x) => x.message).join(' | ')}`);
      return d;
    };
    assert.deepEqual(byMessage(/unknown rule 'kr-tsak' — did you mean 'kr-task'\?/).range.start, at(text, '"kr-tsak"'));
    const severity = byMessage(/'kr-task': the severity must be "error", "warning", "info" or "off", not "eror"/);
    assert.equal(severity.severity, 'error');
    assert.deepEqual(severity.range.start, at(text, '"eror"'));
    assert.deepEqual(byMessage(/option 'max' must be a number/).range.start, at(text, '"four"'));
    assert.deepEqual(byMessage(/has no option 'min' \(it knows: max\)/).range.start, at(text, '"min"'));
    assert.deepEqual(byMessage(/"status.onTrack" must be a fraction between 0 and 1/).range.start, at(text, '2 }'));
    byMessage(/unknown setting 'colour'/);
    assert.ok(diagnostics.every((d) => d.rule === 'config'));
    assert.equal(config.rules['kr-task'].severity, 'warning');
    assert.deepEqual(config.rules['objective-max-krs'].options, { max: 5 });
    assert.deepEqual(config.thresholds, DEFAULT_CONFIG.thresholds);
  });

  it('broken JSON gives a positioned error and the full defaults', () => {
    const text = '{\n  "rules": { "kr-task" "error" }\n}';
    const { config, diagnostics } = parseConfig(text);
    assert.ok(diagnostics.length > 0);
    assert.match(diagnostics[0].message, /^invalid JSON: expected ':'/);
    assert.deepEqual(diagnostics[0].range.start, at(text, '"error"'));
    assert.equal(config.rules['kr-vague'].severity, 'warning');
  });

  it('positions are right in a CRLF file', () => {
    const text = '{\r\n  "rules": {\r\n    "kr-nope": "off"\r\n  }\r\n}\r\n';
    assert.deepEqual(parseConfig(text).diagnostics[0].range.start, { line: 2, character: 4 });
  });

  it('non-object roots and empty files are explained', () => {
    assert.match(parseConfig('[]').diagnostics[0].message, /must be a JSON object/);
    assert.match(parseConfig('').diagnostics[0].message, /empty/);
  });

  it('the engine honours the parsed config', () => {
    const { config } = parseConfig('{"rules": {"kr-task": "error"}}');
    const d = analyzeText(TASK_DOC, { config, asOf: '2026-05-01' }).diagnostics.find((x) => x.rule === 'kr-task');
    assert.equal(d?.severity, 'error');
    const off = parseConfig('{"rules": {"kr-task": "off"}}').config;
    assert.ok(!analyzeText(TASK_DOC, { config: off, asOf: '2026-05-01' }).diagnostics.some((x) => x.rule === 'kr-task'));
  });

  it('overrides lay only what the file sets over another base', () => {
    const { overrides } = parseConfig('{"rules": {"objective-max-krs": ["error", {"max": 3}]}, "status": {"atRisk": 0.3}}');
    const base = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'kr-task': { severity: 'info' as const, options: {} } } };
    const merged = applyOverrides(base, overrides);
    assert.equal(merged.rules['kr-task'].severity, 'info');
    assert.deepEqual(merged.rules['objective-max-krs'], { severity: 'error', options: { max: 3 } });
    assert.equal(merged.thresholds.atRisk, 0.3);
  });
});

describe('.okrrc.json: finding the file', () => {
  it('finds the nearest config upward and caches it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'okr-config-'));
    mkdirSync(path.join(root, 'team/sub'), { recursive: true });
    writeFileSync(path.join(root, '.okrrc.json'), '{"rules": {"kr-task": "off"}}');
    writeFileSync(path.join(root, 'team/.okrrc.json'), '{"rules": {"kr-task": "error"}}');
    writeFileSync(path.join(root, 'team/sub/q2.okr'), TASK_DOC);
    writeFileSync(path.join(root, 'top.okr'), TASK_DOC);
    assert.equal(findConfigFile(path.join(root, 'team/sub/q2.okr')), path.join(root, 'team/.okrrc.json'));
    const loader = new ConfigLoader();
    assert.equal(loader.configFor(path.join(root, 'team/sub/q2.okr')).rules['kr-task'].severity, 'error');
    assert.equal(loader.configFor(path.join(root, 'top.okr')).rules['kr-task'].severity, 'off');
    assert.deepEqual(loader.problems(), []);
  });

  it('an explicit path wins; an unreadable one is a problem and the defaults apply', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'okr-config-'));
    writeFileSync(path.join(root, 'a.okr'), TASK_DOC);
    const loader = new ConfigLoader(path.join(root, 'missing.json'));
    assert.equal(loader.configFor(path.join(root, 'a.okr')).rules['kr-task'].severity, 'warning');
    assert.match(loader.problems()[0].diagnostics[0].message, /cannot read the config file: no such file/);
  });
});

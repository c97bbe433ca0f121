import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../server/src/engine/analyze';
import { ALL_RULES, DEFAULT_CONFIG } from '../../../server/src/engine/rules';
import type { EngineConfig, RuleExample } from '../../../server/src/engine/rules/types';
import { parseDocument } from '../../../server/src/engine/parser';
import { Workspace } from '../../../server/src/engine/workspace/model';

const ROOT = path.resolve(__dirname, '../../..');

/** The config with one rule switched on at a severity (for rules that are off by default). */
function withRule(id: string, severity: 'error' | 'warning' | 'info' | 'off'): EngineConfig {
  return { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, [id]: { severity, options: DEFAULT_CONFIG.rules[id].options } } };
}

function rulesRaised(text: string, asOf = '2026-05-01', config?: EngineConfig): string[] {
  return analyzeText(text, { asOf, config }).diagnostics.map((d) => d.rule);
}

/** An example's document, checked with the other files it needs (alignment across files). */
function analyzeExample(text: string, example: RuleExample, config: EngineConfig) {
  const asOf = example.asOf ?? '2026-05-01';
  if (!example.others) return analyzeText(text, { asOf, config });
  const others = example.others.map((other, i) => ({ uri: `untitled:other-${i}`, doc: parseDocument(other) }));
  const workspace = new Workspace([{ uri: 'untitled:example', doc: parseDocument(text) }, ...others]);
  return analyzeText(text, { asOf, config, workspace, uri: 'untitled:example' });
}

describe('coaching rules: every rule against its documented examples', () => {
  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      const config = rule.defaultSeverity === 'off' ? withRule(rule.id, 'info') : DEFAULT_CONFIG;
      rule.examples.forEach((example, i) => {
        it(`raises on bad example ${i + 1}`, () => {
          const analysis = analyzeExample(example.bad, example, config);
          assert.deepEqual(analysis.doc.errors, [], 'the example must be valid .okr');
          const found = analysis.diagnostics.filter((d) => d.rule === rule.id);
          assert.ok(found.length > 0, `${rule.id} not raised on:\n${example.bad}\n${analysis.diagnostics.map((d) => d.rule).join(', ')}`);
          for (const d of found) {
            assert.ok(d.message.length > 20, 'a message for people');
            assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line);
          }
        });
        it(`is quiet on good example ${i + 1}`, () => {
          const analysis = analyzeExample(example.good, example, config);
          assert.deepEqual(analysis.doc.errors, [], 'the example must be valid .okr');
          const found = analysis.diagnostics.filter((d) => d.rule === rule.id);
          assert.deepEqual(found.map((d) => d.message), []);
        });
      });

      it('has a stable id, a rationale with its source, and docs/rules/<id>.md', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)+$/);
        assert.ok(rule.rationale.length > 80);
        assert.ok(rule.examples.length > 0);
        const doc = path.join(ROOT, 'docs/rules', `${rule.id}.md`);
        assert.ok(existsSync(doc), `missing ${doc}`);
        const text = readFileSync(doc, 'utf8');
        assert.match(text, new RegExp(`^# ${rule.id}`));
        assert.ok(text.includes(rule.examples[0].bad.split('\n')[3] ?? ''), 'the doc shows the example');
      });

      it('names its sources, never internal research notes, in its rationale and doc', () => {
        const text = readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
        for (const [where, what] of [['rationale', rule.rationale], ['doc', text]] as const) {
          assert.doesNotMatch(what, /\bseeds?\b/i, `${where} of ${rule.id} mentions a seed`);
        }
        assert.doesNotMatch(text, /^## What it reads/m);
      });
    });
  }

  it('has the catalogue of the issue, each id once', () => {
    const ids = ALL_RULES.map((r) => r.id).sort();
    assert.deepEqual(ids, [
      'aligns-cycle', 'aligns-later-period', 'aligns-unknown', 'checkin-at-risk-streak', 'checkin-before-baseline', 'checkin-future', 'checkin-stale', 'duplicate-kr',
      'file-max-objectives', 'id-duplicate', 'kr-ambiguous-metric', 'kr-baseline-equals-target', 'kr-date-outside-period',
      'kr-direction-mismatch', 'kr-implicit-target', 'kr-kpi-like', 'kr-missing-baseline', 'kr-missing-date',
      'kr-missing-target', 'kr-relative-without-baseline', 'kr-task', 'kr-task-with-result', 'kr-unscored', 'kr-vague', 'kr-zero-to-hundred',
      'objective-all-tasks', 'objective-has-number', 'objective-max-krs', 'objective-missing-why', 'objective-no-krs',
    ]);
  });
});

describe('coaching rules: behaviour beyond the examples', () => {
  const doc = (...lines: string[]) => ['period 2026-Q2', 'objective Get paid faster', '  why Cash is tight', ...lines, ''].join('\n');

  it('the AR draft gets kr-ambiguous-metric and kr-implicit-target, not kr-relative-without-baseline', () => {
    const rules = rulesRaised(doc('  kr Reduce AR>60 days by 50% by 2026-06-30', '    baseline $24M on 2026-03-31'));
    assert.ok(rules.includes('kr-ambiguous-metric'));
    assert.ok(rules.includes('kr-implicit-target'));
    assert.ok(!rules.includes('kr-relative-without-baseline'));
  });

  it('kr-implicit-target names both readings of a percentage change on a percentage baseline', () => {
    const message = (kr: string, baseline: string) =>
      analyzeText(doc(`  kr ${kr}`, `    baseline ${baseline} on 2026-03-31`), { asOf: '2026-05-01' }).diagnostics.find((d) => d.rule === 'kr-implicit-target')?.message;
    assert.match(message('Increase trial conversion rate by 5% by 2026-06-30', '20%') ?? '', /from 20% that is 21% \(5% of 20%\), or 25% if '5%' means percentage points\./);
    // A baseline that is not a percentage reads one way only.
    assert.match(message('Increase NPS by 20% by 2026-06-30', '40') ?? '', /from 40 that is 48\. Write the target itself/);
  });

  it('kr-task names its evidence in the message and sits on the verb', () => {
    const analysis = analyzeText(doc('  kr Implement new inventory management software'), { asOf: '2026-05-01' });
    const d = analysis.diagnostics.find((x) => x.rule === 'kr-task');
    assert.ok(d);
    assert.match(d.message, /starts with the activity verb 'implement' and measures no outcome/);
    assert.deepEqual(d.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 14 } });
  });

  it('a task verb used for an outcome is not a task', () => {
    assert.ok(!rulesRaised(doc('  kr Implement a 25% increase in debt recovery')).includes('kr-task'));
  });

  it('an impossible date in the KR sentence is a syntax error, not a date outside the period', () => {
    const text = doc('  kr Reduce DSO from 52 to 40 days by 2026-02-30');
    const analysis = analyzeText(text, { asOf: '2026-05-01' });
    assert.deepEqual(analysis.doc.errors.map((e) => e.message), ['2026-02-30 is not a date on the calendar']);
    assert.ok(!analysis.diagnostics.some((d) => d.rule === 'kr-date-outside-period' || d.rule === 'kr-missing-date'));
  });

  it('kr-vague stays quiet when baseline and target lines measure the KR', () => {
    const rules = rulesRaised(doc('  kr Improve customer satisfaction', '    baseline 72% on 2026-03-31', '    target 85% by 2026-06-30'));
    assert.ok(!rules.includes('kr-vague'));
  });

  it('kr-kpi-like on a threshold KR calls it a health metric instead of asking for a threshold', () => {
    const text = ['period 2026-Q2', 'objective Stay reliable', '  why Outages cost us renewals.', '  kr Keep monthly availability at or above 99.9%', '    target >= 99.9% by 2026-06-30'].join('\n');
    const finding = analyzeText(text, { asOf: '2026-05-01' }).diagnostics.find((d) => d.rule === 'kr-kpi-like');
    assert.match(finding?.message ?? '', /As a threshold KR it is a health metric/);
    assert.doesNotMatch(finding?.message ?? '', /make it a threshold KR/);
  });

  it('kr-kpi-like stays quiet when the level must change (baseline differs from target)', () => {
    assert.ok(rulesRaised(doc('  kr Maintain 99.5% uptime')).includes('kr-kpi-like'));
    assert.ok(!rulesRaised(doc('  kr Maintain 99.5% uptime', '    baseline 97% on 2026-03-31', '    target 99.5%')).includes('kr-kpi-like'));
  });

  it('kr-direction-mismatch reads increase as well as decrease', () => {
    assert.ok(rulesRaised(doc('  kr Increase NPS from 40 to 30')).includes('kr-direction-mismatch'));
    assert.ok(!rulesRaised(doc('  kr Increase NPS from 30 to 40')).includes('kr-direction-mismatch'));
  });

  it('checkin-at-risk-streak uses the computed status when the owner gave none, and ignores future check-ins', () => {
    const kr = ['  kr Reduce DSO from 50 to 40 days', '    baseline 50 days on 2026-04-01', '    target 40 days by 2026-06-30'];
    const computedAtRisk = doc(...kr, '    checkin 2026-05-01 49 days', '    checkin 2026-05-08 48 days', '    checkin 2026-05-15 47 days');
    assert.ok(rulesRaised(computedAtRisk, '2026-05-16').includes('checkin-at-risk-streak'));
    assert.ok(!rulesRaised(computedAtRisk, '2026-05-09').includes('checkin-at-risk-streak'));
    const recovered = doc(...kr, '    checkin 2026-05-01 48 days at-risk', '    checkin 2026-05-08 47 days on-track', '    checkin 2026-05-15 46 days at-risk');
    assert.ok(!rulesRaised(recovered, '2026-05-16').includes('checkin-at-risk-streak'));
  });

  it('checkin-stale only speaks inside the period', () => {
    const text = doc('  kr Reduce DSO from 50 to 40 days', '    checkin 2026-04-02 49 days');
    assert.ok(rulesRaised(text, '2026-05-01').includes('checkin-stale'));
    assert.ok(!rulesRaised(text, '2026-04-10').includes('checkin-stale'));
    assert.ok(!rulesRaised(text, '2026-08-01').includes('checkin-stale'));
  });

  it('checkin-stale leaves a KR still being drafted (no baseline, no check-in) alone', () => {
    assert.ok(!rulesRaised(doc('  kr Reduce DSO from 50 to 40 days'), '2026-05-15').includes('checkin-stale'));
    const withBaseline = doc('  kr Reduce DSO from 50 to 40 days', '    baseline 50 days on 2026-04-01');
    assert.ok(rulesRaised(withBaseline, '2026-05-15').includes('checkin-stale'));
  });

  it('honours severities and options from the configuration', () => {
    const text = doc('  kr Implement new inventory management software');
    const asError = analyzeText(text, { asOf: '2026-05-01', config: withRule('kr-task', 'error') });
    assert.equal(asError.diagnostics.find((d) => d.rule === 'kr-task')?.severity, 'error');
    assert.ok(!rulesRaised(text, '2026-05-01', withRule('kr-task', 'off')).includes('kr-task'));
    const four = doc(...[1, 2, 3, 4].map((n) => `  kr Increase metric ${n} from 10 to 20`));
    const config: EngineConfig = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'objective-max-krs': { severity: 'warning', options: { max: 3 } } } };
    assert.ok(rulesRaised(four, '2026-05-01', config).includes('objective-max-krs'));
    assert.ok(!rulesRaised(four).includes('objective-max-krs'));
  });

  it('objective-has-number is off by default', () => {
    const text = ['period 2026-Q2', 'objective Grow revenue by 25%', '  why Hiring', '  kr Increase MRR from $80k to $100k', ''].join('\n');
    assert.ok(!rulesRaised(text).includes('objective-has-number'));
  });
});

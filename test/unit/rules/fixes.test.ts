import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import type { Diagnostic } from '../../../server/src/engine/model/types';
import { DEFAULT_CONFIG, fixesFor } from '../../../server/src/engine/rules';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';
import type { Fix } from '../../../server/src/engine/rules/types';
import { outcomeAnswerWarning } from '../../../server/src/engine/fixes/answer-checks';

const AS_OF = '2026-05-01';

function findings(text: string, rule: string): Diagnostic[] {
  return analyzeText(text, { asOf: AS_OF }).diagnostics.filter((d) => d.rule === rule);
}

function fixes(text: string, rule: string, answers?: Record<string, string>): Fix[] {
  const analysis = analyzeText(text, { asOf: AS_OF });
  const diagnostic = analysis.diagnostics.find((d) => d.rule === rule);
  assert.ok(diagnostic, `${rule} expected`);
  return fixesFor({ text, doc: analysis.doc, progress: analysis.progress, config: analysis.config, asOf: AS_OF }, diagnostic, answers);
}

/** Applies a fix, re-parses the result, and checks that none of `gone` is raised any more. */
function applyAndRecheck(text: string, fix: Fix, gone: string[]): string {
  assert.equal(fix.needsInput, undefined, 'a fix that applies needs no input');
  const { text: out, skipped } = applyEdits(text, fix.edits);
  assert.deepEqual(skipped, []);
  const again = analyzeText(out, { asOf: AS_OF });
  assert.deepEqual(again.doc.errors.map((e) => e.message), [], out);
  for (const rule of gone) assert.ok(!again.diagnostics.some((d) => d.rule === rule), `${rule} still raised on:\n${out}`);
  return out;
}

/** Every line of `before` is in `after`, unchanged, except the ones listed. */
function assertOnlyLinesChanged(before: string, after: string, changed: number[]): void {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (changed.includes(i)) {
      j++;
      continue;
    }
    while (j < b.length && b[j] !== a[i]) j++;
    assert.ok(j < b.length, `line ${i + 1} '${a[i]}' was lost`);
    j++;
  }
}

const AR = [
  'period 2026-04-01 to 2026-08-30',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  why Invoices past 90 days are much harder to collect',
  '  kr Reduce AR>60 days by 50% by 2026-08-30',
  '    baseline $24M on 2026-03-31',
  '',
].join('\n');

describe('fixes', () => {
  describe('Rewrite as explicit dollar KR (the AR rewrite)', () => {
    it('rewrites the AR draft exactly as the coach would', () => {
      for (const rule of ['kr-ambiguous-metric', 'kr-implicit-target']) {
        const [fix] = fixes(AR, rule);
        assert.equal(fix.title, 'Rewrite as explicit dollar KR (from $24M to $12M)');
        const out = applyAndRecheck(AR, fix, ['kr-ambiguous-metric', 'kr-implicit-target', 'kr-relative-without-baseline']);
        assert.equal(out, [
          'period 2026-04-01 to 2026-08-30',
          'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
          '  why Invoices past 90 days are much harder to collect',
          '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30',
          '    baseline $24M on 2026-03-31',
          '    target $12M by 2026-08-30',
          '',
        ].join('\n'));
      }
    });

    it('follows the baseline unit and writes money as the baseline was (€900k, 30%)', () => {
      const euro = AR.replace('$24M', '€900k').replace('by 50%', 'by 30%');
      const out = applyAndRecheck(euro, fixes(euro, 'kr-ambiguous-metric')[0], ['kr-ambiguous-metric', 'kr-implicit-target']);
      assert.match(out, /kr Reduce total euros invoiced 60\+ days past due from €900k to €630k by 2026-08-30/);
      assert.match(out, /\n {4}target €630k by 2026-08-30\n/);
    });

    it('reads "over 90 days" as the age bucket and writes $7.5M as $4.5M; AP owes suppliers', () => {
      const over = AR.replace('AR>60 days by 50%', 'AR over 90 days by 40%').replace('$24M', '$7.5M');
      const out = applyAndRecheck(over, fixes(over, 'kr-ambiguous-metric')[0], ['kr-ambiguous-metric', 'kr-implicit-target']);
      assert.match(out, /kr Reduce total dollars invoiced 90\+ days past due from \$7\.5M to \$4\.5M by 2026-08-30/);
      const ap = AR.replace('AR>60 days by 50%', 'AP>30 days by 20%').replace('$24M', '€900k');
      const apOut = applyAndRecheck(ap, fixes(ap, 'kr-ambiguous-metric')[0], ['kr-ambiguous-metric', 'kr-implicit-target']);
      assert.match(apOut, /kr Reduce total euros owed to suppliers 30\+ days past due from €900k to €720k by 2026-08-30/);
    });

    it('a count baseline counts invoices', () => {
      const count = AR.replace('$24M', '120 invoices');
      const [fix] = fixes(count, 'kr-ambiguous-metric');
      assert.equal(fix.title, 'Rewrite as explicit KR (from 120 invoices to 60 invoices)');
      const out = applyAndRecheck(count, fix, ['kr-ambiguous-metric', 'kr-implicit-target']);
      assert.match(out, /kr Reduce number of unpaid invoices 60\+ days past due from 120 invoices to 60 invoices/);
    });

    it('other units get the same explicit rewrite: Increase NPS by 20% from 40 → from 40 to 48', () => {
      const text = ['period 2026-Q2', 'objective Customers love us', '  why Referrals drive growth', '  kr Increase NPS by 20% by 2026-06-30', '    baseline 40 on 2026-03-31', ''].join('\n');
      const [fix] = fixes(text, 'kr-implicit-target');
      const out = applyAndRecheck(text, fix, ['kr-implicit-target']);
      assert.match(out, /kr Increase NPS from 40 to 48 by 2026-06-30\n {4}baseline 40 on 2026-03-31\n {4}target 48 by 2026-06-30\n/);
    });

    it('comparatives count too: "10 days faster" from 40 days is a target of 30 days', () => {
      const text = ['period 2026-Q2', 'objective Pay on time', '  why Suppliers wait', '  kr Pay supplier invoices 10 days faster', ''].join('\n');
      assert.match(findings(text, 'kr-relative-without-baseline')[0].message, /^'10 days faster' is a relative change but this KR has no baseline/);
      const [fix] = fixes(text, 'kr-relative-without-baseline', { baseline: '40 days', baselineDate: '2026-03-31' });
      const out = applyAndRecheck(text, fix, ['kr-relative-without-baseline', 'kr-implicit-target']);
      assert.match(out, /\n {4}baseline 40 days on 2026-03-31\n {4}target 30 days\n/);
    });

    it('without a baseline it asks (needsInput), and with answers computes the rest', () => {
      const text = AR.replace('    baseline $24M on 2026-03-31\n', '');
      assert.equal(findings(text, 'kr-relative-without-baseline').length, 1);
      const [asking] = fixes(text, 'kr-relative-without-baseline');
      assert.deepEqual(asking.edits, []);
      assert.deepEqual(asking.needsInput?.map((i) => i.name), ['baseline', 'baselineDate', 'meaning']);
      for (const input of asking.needsInput?.slice(0, 2) ?? []) assert.ok(input.pattern && new RegExp(input.pattern).test(input.name === 'baseline' ? '$24M' : '2026-03-31'));
      // Points or percent is asked only after a percentage baseline; the date defaults to the day before the period.
      assert.deepEqual(asking.needsInput?.[2].askIf, { name: 'baseline', pattern: String.raw`%\s*$` });
      assert.equal(asking.needsInput?.[1].value, '2026-03-31');

      const [fix] = fixes(text, 'kr-relative-without-baseline', { baseline: '$24M', baselineDate: '2026-03-31' });
      const out = applyAndRecheck(text, fix, ['kr-relative-without-baseline', 'kr-ambiguous-metric', 'kr-implicit-target']);
      assert.equal(out, AR.replace('  kr Reduce AR>60 days by 50% by 2026-08-30', '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30') + '    target $12M by 2026-08-30\n'.replace(/^/, ''));
    });

    it('"Add a baseline and write the KR from baseline to target" writes both ends into the sentence, not just the baseline', () => {
      const text = ['period 2026-04-01 to 2026-08-30', 'objective Cash', '  why Cash is tight', '  kr Reduce AR>60 days to $12M by 2026-08-30', ''].join('\n');
      const [asking] = fixes(text, 'kr-ambiguous-metric');
      assert.equal(asking.title, 'Add a baseline and write the KR from baseline to target');
      const [fix] = fixes(text, 'kr-ambiguous-metric', { baseline: '$24M', baselineDate: '2026-03-31' });
      const out = applyAndRecheck(text, fix, ['kr-ambiguous-metric', 'kr-missing-baseline']);
      assert.match(out, /kr Reduce total dollars invoiced 60\+ days past due from \$24M to \$12M by 2026-08-30\n {4}baseline \$24M on 2026-03-31\n {4}target \$12M by 2026-08-30\n/);
    });

    it('"by 15%" on a percentage baseline asks: percentage points or percent of the baseline', () => {
      const text = ['period 2026-04-01 to 2026-08-30', 'objective Get paid on time', '  why Cash is tight', '  kr Increase on-time payments by 15% by 2026-08-30', '    baseline 62% on 2026-03-31', ''].join('\n');
      const [asking] = fixes(text, 'kr-implicit-target');
      assert.deepEqual(asking.edits, [], 'no silent guess');
      const question = asking.needsInput?.[0];
      assert.equal(question?.name, 'meaning');
      assert.deepEqual(question?.choices?.map((c) => c.value), ['points', 'percent']);
      assert.match(question!.choices![0].label, /62% → 77%/);
      assert.match(question!.choices![1].label, /62% → 71\.3%/);
      const points = applyAndRecheck(text, fixes(text, 'kr-implicit-target', { meaning: 'points' })[0], ['kr-implicit-target']);
      assert.match(points, /kr Increase on-time payments from 62% to 77% by 2026-08-30\n {4}baseline 62% on 2026-03-31\n {4}target 77% by 2026-08-30/);
      const percent = applyAndRecheck(text, fixes(text, 'kr-implicit-target', { meaning: 'percent' })[0], ['kr-implicit-target']);
      assert.match(percent, /from 62% to 71\.3%/);
    });

    it('asks with examples in the KR\'s own unit, never another KR\'s dollars', () => {
      const ask = (kr: string, rule: string) => fixes(['period 2026-Q2', 'objective Grow', '  why Because', `  kr ${kr}`, ''].join('\n'), rule).find((f) => f.needsInput)!.needsInput!;
      const teams = ask('Increase weekly active teams by 300 teams by 2026-06-30', 'kr-relative-without-baseline');
      assert.equal(teams[0].placeholder, 'like 300 teams');
      const rate = ask('Increase collection rates by 25%', 'kr-relative-without-baseline');
      assert.equal(rate[0].placeholder, 'like 62%');
      const unknown = ask('Increase collections by 25%', 'kr-relative-without-baseline');
      assert.doesNotMatch(unknown[0].placeholder ?? '', /^like|\$24M/);
      for (const input of [...teams, ...rate, ...unknown]) assert.notEqual(input.placeholder, '$24M');
    });

    it('keeps CRLF line endings and touches no other line', () => {
      const crlf = AR.replace(/\n/g, '\r\n');
      const out = applyAndRecheck(crlf, fixes(crlf, 'kr-implicit-target')[0], ['kr-implicit-target']);
      assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
      assertOnlyLinesChanged(crlf, out, [3]);
    });
  });

  describe('kr-task', () => {
    const text = [
      'period 2026-Q2',
      'objective Get paid faster',
      '  why Cash is tight',
      '  kr Reduce days sales outstanding from 52 to 40 days',
      '  kr Implement new inventory management software',
      '    task Pick a vendor',
      '  kr Implement an automated reminder system to increase on-time payments by 15%',
      '',
    ].join('\n');

    it('Convert to task: becomes a task under the KR before it, every other line kept', () => {
      const analysis = analyzeText(text, { asOf: AS_OF });
      const diagnostic = analysis.diagnostics.find((d) => d.rule === 'kr-task' && d.range.start.line === 4);
      assert.ok(diagnostic);
      const [convert] = fixesFor({ text, doc: analysis.doc, progress: analysis.progress, config: analysis.config, asOf: AS_OF }, diagnostic);
      assert.match(convert.title, /^Convert to task \(under the KR 'Reduce days sales outstanding/);
      const out = applyAndRecheck(text, convert, []);
      assert.equal(out.split('\n')[4], '    task Implement new inventory management software');
      assertOnlyLinesChanged(text, out, [4]);
      const again = analyzeText(out, { asOf: AS_OF });
      assert.equal(again.doc.objectives[0].keyResults[0].tasks[0].text, 'Implement new inventory management software');
      assert.ok(!again.diagnostics.some((d) => d.rule === 'kr-task' && d.range.start.line === 4));
    });

    it('the first KR converts to a task of the objective', () => {
      const first = ['period 2026-Q2', 'objective Get paid faster', '  why Cash is tight', '  kr Train staff on collection strategies', '  kr Reduce DSO from 52 to 40 days', ''].join('\n');
      const [convert] = fixes(first, 'kr-task');
      const out = applyAndRecheck(first, convert, ['kr-task']);
      assert.equal(analyzeText(out).doc.objectives[0].tasks[0].text, 'Train staff on collection strategies');
    });

    it('Split into KR and task (preferred) for mixed KRs', () => {
      const analysis = analyzeText(text, { asOf: AS_OF });
      const diagnostic = analysis.diagnostics.find((d) => d.rule === 'kr-task' && d.range.start.line === 6);
      assert.ok(diagnostic);
      const [split] = fixesFor({ text, doc: analysis.doc, progress: analysis.progress, config: analysis.config, asOf: AS_OF }, diagnostic);
      assert.equal(split.isPreferred, true);
      const out = applyAndRecheck(text, split, []);
      const lines = out.split('\n');
      assert.equal(lines[6], '  kr Increase on-time payments by 15%');
      assert.equal(lines[7], '    task Implement an automated reminder system');
      const again = analyzeText(out, { asOf: AS_OF });
      assert.ok(!again.diagnostics.some((d) => d.rule === 'kr-task' && d.range.start.line === 6));
      assertOnlyLinesChanged(text, out, [6]);
    });

    it('split keeps the date and the outcome of ", leading to a 25% increase in …"', () => {
      const mixed = ['period 2026-Q2', 'objective Get paid faster', '  why Cash is tight', '  kr Launch an online payment portal, leading to a 25% increase in on-time payments.', ''].join('\n');
      const out = applyAndRecheck(mixed, fixes(mixed, 'kr-task')[0], ['kr-task']);
      assert.match(out, /\n {2}kr Increase on-time payments by 25%\n {4}task Launch an online payment portal\n/);
    });
  });

  describe('kr-task on deliverables, capabilities and headlines', () => {
    const cases: [string, RegExp][] = [
      ['The returns portal is published', /states a finished deliverable \('is published'\)/],
      ['Warehouse staff can print pick lists from a tablet', /states a capability \('can print'\), not a measured result: what will people do with it, and how much\? Say/],
      ['Returns portal v2 (mobile and web)', /is a noun headline \('Returns portal v2 \(mobile and web\)'\)/],
      ['6 supplier webinars', /counts the team's own outputs \('6 supplier webinars'\)/],
      ['Every warehouse has a safety checklist', /coverage of the team's own deliverables/],
      ['Grow our how-to videos from 10 to 25', /changes how much the team itself produces \('Grow our how-to videos'\)/],
    ];
    for (const [sentence, evidence] of cases) {
      it(`names the pattern and quotes the words: ${sentence}`, () => {
        const text = ['period 2026-Q2', 'objective Returns stop hurting margins', '  why Returns cost us 4 points of margin', `  kr ${sentence}`, ''].join('\n');
        const [finding] = findings(text, 'kr-task');
        assert.ok(finding, sentence);
        assert.match(finding.message, evidence);
        assert.match(finding.message, /keep the (deliverable|activity) as a task under that KR/);
        assert.doesNotMatch(finding.message, /[?.]\./);
        // The words quoted are the words under the squiggle.
        const quoted = /\('(.+?)'\)/.exec(finding.message)?.[1];
        assert.equal(text.split('\n')[3].slice(finding.range.start.character, finding.range.end.character), quoted);
      });
    }

    it('Keep it as a task under a KR for its outcome: asks for the outcome, then writes KR and task', () => {
      const text = ['period 2026-Q2', 'objective Returns stop hurting margins', '  why Returns cost us 4 points of margin', '  kr The returns portal is published', '  kr Cut return shipping cost from $9 to $6 per order', ''].join('\n');
      const asked = fixes(text, 'kr-task').find((f) => f.title.startsWith('Keep '));
      assert.ok(asked);
      assert.equal(asked.needsInput?.[0].name, 'outcome');
      const [fix] = fixes(text, 'kr-task', { outcome: 'Increase self-service returns from 20% to 60%' }).filter((f) => f.title.startsWith('Keep '));
      const out = applyAndRecheck(text, fix, ['kr-task']);
      assert.match(out, /\n {2}kr Increase self-service returns from 20% to 60%\n {4}task The returns portal is published\n {2}kr Cut return shipping/);
      assertOnlyLinesChanged(text, out, [3]);
    });

    it('is not offered when the KR has numbers of its own, and stays quiet on measured outcomes', () => {
      const withTarget = ['period 2026-Q2', 'objective Returns stop hurting margins', '  kr The returns portal is published', '    target done', ''].join('\n');
      assert.ok(!fixes(withTarget, 'kr-task').some((f) => f.title.startsWith('Keep ')));
      for (const sentence of ['80% of returns are started in the portal', 'Return shipping cost ≤ $6 per order', '3+ carriers offer drop-off returns']) {
        const text = ['period 2026-Q2', 'objective Returns stop hurting margins', `  kr ${sentence}`, ''].join('\n');
        assert.deepEqual(findings(text, 'kr-task').concat(findings(text, 'kr-vague')), [], sentence);
      }
    });
  });

  describe('kr-task-with-result: an outcome led by its work, split on request', () => {
    const doc = (...lines: string[]) => ['period 2026-Q2', 'objective Returns stop hurting margins', '  why Returns cost us 4 points of margin', ...lines, ''].join('\n');
    const cases: [string, string, string, string][] = [
      ['Set up the returns drop-off desk and reach 300 drop-offs a week', 'Set up the returns drop-off desk', 'reach 300 drop-offs a week', 'Reach 300 drop-offs a week'],
      ['Record 4 packing videos that bring 2,000 views', 'Record 4 packing videos', 'bring 2,000 views', 'Bring 2,000 views'],
      ['Launch the returns chatbot with a 40% self-service rate', 'Launch the returns chatbot', 'a 40% self-service rate', 'Reach a 40% self-service rate'],
      ['Redesign the returns label so that 90% of parcels arrive with it attached', 'Redesign the returns label', '90% of parcels arrive with it attached', '90% of parcels arrive with the returns label attached'],
    ];
    for (const [sentence, activity, result, kr] of cases) {
      it(`info hint quoting both parts, split applied and re-checked: ${sentence}`, () => {
        const text = doc(`  kr ${sentence}`, '    baseline 0 on 2026-03-31');
        const [finding] = findings(text, 'kr-task-with-result');
        assert.ok(finding, sentence);
        assert.equal(finding.severity, 'info');
        assert.ok(finding.message.includes(`'${activity}' is the work and '${result}' the outcome`), finding.message);
        assert.equal(text.split('\n')[3].slice(finding.range.start.character, finding.range.end.character), activity);
        assert.deepEqual(findings(text, 'kr-task').concat(findings(text, 'kr-vague')), [], 'an outcome: no task, no vague');
        const [split] = fixes(text, 'kr-task-with-result');
        assert.equal(split.onRequestOnly, true);
        const out = applyAndRecheck(text, split, ['kr-task-with-result', 'kr-task', 'kr-vague']);
        // The result is the KR, its baseline stays with it, the activity is its task.
        assert.equal(out, doc(`  kr ${kr}`, '    baseline 0 on 2026-03-31', `    task ${activity}`));
      });
    }

    it('stays quiet when the work has no measured result, or the link belongs to the verb', () => {
      for (const sentence of ['Revamp the returns portal to improve engagement', 'Publish 6 returns guides', 'Partner with 4 courier firms', 'Cut return shipping cost from $9 to $6 per order']) {
        assert.deepEqual(findings(doc(`  kr ${sentence}`), 'kr-task-with-result'), [], sentence);
      }
    });

    it('fix-all (okr fix, fix on save) leaves the one-line form alone; turned off it is silent', () => {
      const text = doc('  kr Set up the returns drop-off desk and reach 300 drop-offs a week');
      assert.equal(fixAll(text, { asOf: AS_OF }).text, text);
      const off = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'kr-task-with-result': { severity: 'off' as const, options: {} } } };
      assert.ok(!analyzeText(text, { asOf: AS_OF, config: off }).diagnostics.some((d) => d.rule === 'kr-task-with-result'));
    });
  });

  describe('fixes that add a line from an answer', () => {
    const base = ['period 2026-Q2', 'objective Get paid faster', '  kr Increase the share of invoices paid within 30 days to 85%', ''].join('\n');

    it('objective-missing-why asks why, then adds the why line', () => {
      const [asking] = fixes(base, 'objective-missing-why');
      assert.deepEqual(asking.needsInput?.map((i) => i.name), ['why']);
      const [fix] = fixes(base, 'objective-missing-why', { why: 'Cash is tight this year' });
      const out = applyAndRecheck(base, fix, ['objective-missing-why']);
      assert.equal(out.split('\n')[2], '  why Cash is tight this year');
    });

    it('kr-missing-baseline asks for the value and date, then adds the baseline line', () => {
      const [fix] = fixes(base, 'kr-missing-baseline', { baseline: '62%', baselineDate: '2026-03-31' });
      const out = applyAndRecheck(base, fix, ['kr-missing-baseline']);
      assert.equal(out.split('\n')[3], '    baseline 62% on 2026-03-31');
    });

    it('kr-vague asks for a baseline and a target, then adds both lines', () => {
      const text = ['period 2026-Q2', 'objective Customers love us', '  why Referrals drive growth', '  kr Improve customer satisfaction by 2026-06-30', ''].join('\n');
      assert.deepEqual(fixes(text, 'kr-vague')[0].needsInput?.map((i) => i.name), ['baseline', 'baselineDate', 'target']);
      const [fix] = fixes(text, 'kr-vague', { baseline: '72%', baselineDate: '2026-03-31', target: '85' });
      const out = applyAndRecheck(text, fix, ['kr-vague']);
      assert.match(out, /\n {4}baseline 72% on 2026-03-31\n {4}target 85% by 2026-06-30\n/);
    });

    it('Measure it: says the baseline date it fills in is the day before the period, asks the target date, writes target … by DATE', () => {
      const text = ['period 2026-Q2', 'objective Customers love us', '  why Referrals drive growth', '  kr Improve customer satisfaction', ''].join('\n');
      const [asking] = fixes(text, 'kr-vague');
      assert.equal(asking.inputTitle, 'Measure It');
      assert.deepEqual(asking.needsInput?.map((i) => i.name), ['baseline', 'baselineDate', 'target', 'targetDate']);
      const [, baselineDate, , targetDate] = asking.needsInput!;
      assert.equal(baselineDate.value, '2026-03-31');
      assert.match(baselineDate.prompt, /2026-03-31, the day before the period starts/);
      assert.equal(targetDate.value, '2026-06-30');
      assert.match(targetDate.prompt, /2026-06-30, the end of the period/);
      // VS Code puts "(Press 'Enter' …)" after a prompt: none ends with parentheses of its own.
      for (const input of asking.needsInput!) assert.doesNotMatch(input.prompt, /\)\W*$/, input.prompt);
      const notYet = fixes(text, 'kr-vague', { baseline: '72%', baselineDate: '2026-03-31', target: '85%' })[0];
      assert.deepEqual(notYet.edits, [], 'no target without its date');
      const [fix] = fixes(text, 'kr-vague', { baseline: '72%', baselineDate: '2026-03-31', target: '85%', targetDate: '2026-06-15' });
      const out = applyAndRecheck(text, fix, ['kr-vague']);
      assert.match(out, /\n {4}baseline 72% on 2026-03-31\n {4}target 85% by 2026-06-15\n/);
    });

    it('Keep … as a task: the input boxes get a short title, the light bulb the full one', () => {
      const text = ['period 2026-Q2', 'objective Get paid faster', '  why Cash', '  kr Implement a new invoicing system', ''].join('\n');
      const keep = fixes(text, 'kr-task').find((f) => f.title.startsWith('Keep '))!;
      assert.ok(keep.title.length > 60);
      assert.equal(keep.inputTitle, 'Keep as a Task Under an Outcome KR');
      assert.equal(keep.needsInput?.[0].warn, 'outcome-kr');
    });

    it('Keep … as a task: an outcome answer that reads as a task or vague gets a warning, a measured outcome none', () => {
      assert.match(outcomeAnswerWarning('Migrate to the new invoicing tool')!, /^This reads as a task, not an outcome: it starts with the activity verb 'migrate'.*\.$/);
      assert.match(outcomeAnswerWarning('Improve customer satisfaction')!, /^This reads as vague: it says 'improve' but gives no number: from what, to what\?$/);
      assert.equal(outcomeAnswerWarning('Increase self-service returns from 20% to 60%'), undefined);
      assert.equal(outcomeAnswerWarning('  '), undefined);
      // A warning, not a refusal: the fix still writes the answer.
      const text = ['period 2026-Q2', 'objective Get paid faster', '  why Cash', '  kr Implement a new invoicing system', ''].join('\n');
      const [fix] = fixes(text, 'kr-task', { outcome: 'Migrate to the new invoicing tool' }).filter((f) => f.title.startsWith('Keep '));
      assert.ok(fix.edits.length);
    });

    it('kr-missing-target asks for the value, then adds the target line', () => {
      const text = ['period 2026-Q2', 'objective Grow', '  why Hiring', '  kr Increase monthly recurring revenue', '    baseline $80k on 2026-03-31', ''].join('\n');
      assert.ok(fixes(text, 'kr-missing-target')[0].needsInput);
      const out = applyAndRecheck(text, fixes(text, 'kr-missing-target', { target: '$100k' })[0], ['kr-missing-target']);
      assert.equal(out.split('\n')[5], '    target $100k');
    });
  });

  describe('applyEdits', () => {
    it('never loses text: an overlapping edit is skipped and returned', () => {
      const range = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } });
      const result = applyEdits('hello world', [{ range: range(0, 5), newText: 'HELLO' }, { range: range(3, 8), newText: 'x' }]);
      assert.equal(result.text, 'HELLO world');
      assert.equal(result.skipped.length, 1);
    });
  });
});

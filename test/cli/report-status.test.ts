// `okr report --status`: the view's status filter for a stand-up or a CI job ("what is at risk or off
// track?"). KRs in the picked statuses and what leads to them are shown; every figure still counts all.
import { strict as assert } from 'node:assert';
import { runOkr, workspace } from '../helpers/cli';

// As of 2026-05-20 (54% of the quarter): the Sales objective has one KR on track, one off track
// (scored 0.2) and one at risk; its second objective and the Support file are on track.
const SALES = `period 2026-Q2
team Sales
objective Win the mid-sized teams our rivals serve
  aligns keep-customers
  why They churn least.
  kr Sign new mid-sized customers from 0 to 40 customers by 2026-06-30
    baseline 0 customers on 2026-04-01
    target 40 customers by 2026-06-30
    checkin 2026-05-15 30 customers
  kr Hire account executives from 0 to 5 people by 2026-06-30
    baseline 0 people on 2026-04-01
    target 5 people by 2026-06-30
    checkin 2026-05-15 0 people
    score 0.2
  kr Raise NPS from 20 to 40 by 2026-06-30
    baseline 20 on 2026-04-01
    target 40 by 2026-06-30
    checkin 2026-05-15 28
objective Keep the pipeline healthy
  why Next quarter starts now.
  kr Grow qualified leads from 100 to 200 leads by 2026-06-30
    baseline 100 leads on 2026-04-01
    target 200 leads by 2026-06-30
    checkin 2026-05-15 160 leads
`;
const SUPPORT = `period 2026-Q2
team Support
objective Answer customers faster
  why Slow answers cost renewals.
  kr Reduce first reply time from 8 hours to 2 hours by 2026-06-30
    baseline 8 hours on 2026-04-01
    target 2 hours by 2026-06-30
    checkin 2026-05-15 4 hours
`;
// On track itself; the Sales objective aligns to it.
const COMPANY = `period 2026
team Company
objective Keep every customer we win
  id keep-customers
  why Keeping costs less than winning.
  kr Increase net revenue retention from 98% to 110% by 2026-12-31
    baseline 98% on 2025-12-31
    target 110% by 2026-12-31
    checkin 2026-04-30 104%
`;

const TODAY = ['--today', '2026-05-20'];
const FILTER_LINE = 'Filtered by status: at risk, off track (totals count every key result)';
const files = () => workspace({ 'sales.okr': SALES, 'support.okr': SUPPORT });
const okr = (dir: string, ...args: string[]) => runOkr(['report', ...TODAY, ...args], dir);

interface JsonKr { title: string; status: string }
interface JsonObjective { title: string; progress: number; status: string; score: number | null; scored: number; keyResultCount: number; keyResults: JsonKr[] }
interface JsonFile { file: string; objectives: JsonObjective[] }
interface JsonItem { title: string; progress: number; status: string; contributed: { count: number } | null; keyResults: JsonKr[]; contributors: JsonItem[] }

describe('okr report --status', () => {
  it('text: only the KRs in the picked statuses and their objectives, figures as without the filter, and says it is filtered', () => {
    const dir = files();
    const all = okr(dir);
    const run = okr(dir, '--status', 'at-risk,off-track');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['OKR progress as of 2026-05-20', FILTER_LINE, '']);
    assert.match(run.stdout, /• Hire account executives/);
    assert.match(run.stdout, /• Raise NPS/);
    for (const hidden of ['Sign new mid-sized customers', 'Keep the pipeline healthy', 'support.okr', 'Answer customers faster']) {
      assert.ok(!run.stdout.includes(hidden), `${hidden} is not at risk or off track:\n${run.stdout}`);
    }
    // The objective's line is the same: 38% over its three KRs, one of three scored.
    const objectiveLine = /^ {4}█.*38% {2}off track {2}score 0\.2 \(1 of 3 KRs scored\) {2}tasks 0\/0$/m;
    assert.match(all.stdout, objectiveLine);
    assert.match(run.stdout, objectiveLine);
    assert.ok(!all.stdout.includes('Filtered by status'));
  });

  it('takes the option more than once, and statuses in any case', () => {
    const dir = files();
    const once = okr(dir, '--status', 'at-risk,off-track');
    const twice = okr(dir, '--status', 'at-risk', '--status', 'Off-Track');
    assert.equal(twice.code, 0, twice.stderr);
    assert.ok(twice.stdout.includes(FILTER_LINE), twice.stdout);
    assert.equal(twice.stdout, once.stdout);
  });

  it('json: a statuses field, the KRs and objectives shown, every figure as without the filter', () => {
    const dir = files();
    const all = JSON.parse(okr(dir, '--format', 'json').stdout);
    const run = okr(dir, '--format', 'json', '--status', 'at-risk,off-track');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(all.statuses, []);
    assert.deepEqual(json.statuses, ['at-risk', 'off-track']);
    const shown = (json.files as JsonFile[]).map((f) => [f.file, f.objectives.map((o) => [o.title, o.keyResults.map((k) => [k.title.split(' from ')[0], k.status])])]);
    assert.deepEqual(shown, [['sales.okr', [['Win the mid-sized teams our rivals serve', [['Hire account executives', 'off-track'], ['Raise NPS', 'at-risk']]]]]]);
    const figures = (o: JsonObjective) => [o.progress, o.status, o.score, o.scored, o.keyResultCount];
    const allWin = (all.files as JsonFile[])[0].objectives[0];
    assert.deepEqual(figures(json.files[0].objectives[0]), figures(allWin));
    assert.deepEqual(figures(allWin).slice(1), ['off-track', 0.2, 1, 3]);
  });

  it('md and html: the filter line and only the picked KRs', () => {
    const dir = files();
    const md = okr(dir, '--format', 'md', '--status', 'at-risk,off-track');
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^As of 2026-05-20\.\n\nFiltered by status: at risk, off track \(totals count every key result\)\.$/m);
    assert.match(md.stdout, /^🔴 \*\*38%\*\* · off track · score 0\.2 \(1 of 3 scored\) · tasks 0\/0$/m);
    assert.deepEqual(md.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Key result')).map((l) => l.split(' from ')[0]), ['| Hire account executives', '| Raise NPS']);
    const html = okr(dir, '--format', 'html', '--status', 'at-risk,off-track');
    assert.equal(html.code, 0, html.stderr);
    assert.ok(html.stdout.includes(`<p class="muted">${FILTER_LINE}.</p>`), html.stdout.slice(0, 2000));
    assert.deepEqual([...html.stdout.matchAll(/<h4>([^<]*?) from /g)].map((m) => m[1]), ['Hire account executives', 'Raise NPS']);
    assert.ok(!html.stdout.includes('support.okr'));
  });

  describe('--by alignment', () => {
    const aligned = () => workspace({ 'company.okr': COMPANY, 'sales.okr': SALES, 'support.okr': SUPPORT });

    it('text: what leads to a picked KR, with the roll-ups as without the filter', () => {
      const dir = aligned();
      const all = okr(dir, '--by', 'alignment');
      const run = okr(dir, '--by', 'alignment', '--status', 'at-risk,off-track');
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.stdout.split('\n').slice(0, 3), ['OKR alignment as of 2026-05-20', FILTER_LINE, '']);
      const rollUp = /^ {2}█.*44% {2}off track {2}\(own 50% · contributors 38% \(1\)\)$/m;
      assert.match(all.stdout, rollUp);
      assert.match(run.stdout, rollUp);
      assert.match(run.stdout, /^ {2}↳ Win the mid-sized teams our rivals serve {2}sales\.okr:3/m);
      assert.match(all.stdout, /^Not aligned$/m);
      assert.ok(!run.stdout.includes('Not aligned'), 'the unaligned objectives are on track');
      assert.ok(!run.stdout.includes('Keep the pipeline healthy'));
    });

    it('text and md: the KRs in the picked statuses under their objective, the others left out', () => {
      const dir = aligned();
      const krTitle = (line: string) => line.replace(/^ *(• |- [^ ]+ )/, '').split(' from ')[0];
      // The KR lines under the Sales objective: up to its next row (text) or sibling bullet (md).
      const textKrs = (stdout: string) => {
        const lines = stdout.split('\n');
        const at = lines.findIndex((l) => l.startsWith('  ↳ Win the mid-sized teams'));
        const end = lines.findIndex((l, i) => i > at && !l.startsWith('    '));
        return lines.slice(at + 1, end).filter((l) => l.startsWith('    • ')).map(krTitle);
      };
      const all = okr(dir, '--by', 'alignment');
      assert.deepEqual(textKrs(all.stdout), ['Sign new mid-sized customers', 'Hire account executives', 'Raise NPS']);
      assert.match(all.stdout, /^ {2}• Increase net revenue retention/m);
      const run = okr(dir, '--by', 'alignment', '--status', 'at-risk,off-track');
      assert.deepEqual(textKrs(run.stdout), ['Hire account executives', 'Raise NPS']);
      assert.match(run.stdout, /^ {4}• Hire account executives from 0 to 5 people by 2026-06-30\n {6}[█░]{16} {3}0% {2}off track$/m);
      assert.match(run.stdout, /^ {4}• Raise NPS from 20 to 40 by 2026-06-30\n {6}[█░]{16} {2}40% {2}at risk$/m);
      assert.ok(!run.stdout.includes('Increase net revenue retention'), 'the company KR is on track');
      const md = okr(dir, '--by', 'alignment', '--format', 'md', '--status', 'at-risk,off-track');
      assert.equal(md.code, 0, md.stderr);
      const mdKrs = md.stdout.split('\n').filter((l) => /^ {4}- [^*]/.test(l));
      assert.deepEqual(mdKrs, [
        '    - 🔴 Hire account executives from 0 to 5 people by 2026-06-30 — 0% · off track',
        '    - 🟡 Raise NPS from 20 to 40 by 2026-06-30 — 40% · at risk',
      ]);
      assert.ok(!md.stdout.includes('Increase net revenue retention') && !md.stdout.includes('Sign new mid-sized'), md.stdout);
      assert.match(okr(dir, '--by', 'alignment', '--format', 'md').stdout, /^ {4}- 🟢 Sign new mid-sized customers/m);
    });

    it('json: a statuses field, the picked KRs only, the roll-ups as without the filter', () => {
      const dir = aligned();
      const all = JSON.parse(okr(dir, '--by', 'alignment', '--format', 'json').stdout);
      const run = okr(dir, '--by', 'alignment', '--format', 'json', '--status', 'off-track');
      assert.equal(run.code, 0, run.stderr);
      const json = JSON.parse(run.stdout);
      assert.deepEqual([all.statuses, json.statuses], [[], ['off-track']]);
      const [root] = json.roots as JsonItem[];
      const [allRoot] = all.roots as JsonItem[];
      assert.deepEqual([json.roots.length, json.unaligned], [1, []]);
      assert.deepEqual(root.keyResults, [], 'the company KR is on track');
      assert.deepEqual([root.progress, root.status, root.contributed], [allRoot.progress, allRoot.status, allRoot.contributed]);
      const [sales] = root.contributors;
      assert.deepEqual(sales.keyResults.map((k) => [k.title.split(' from ')[0], k.status]), [['Hire account executives', 'off-track']]);
      assert.equal(sales.progress, allRoot.contributors[0].progress);
    });
  });

  it('nothing matches: says so plainly and exits 0, in text, json and by alignment', () => {
    const dir = files();
    const text = okr(dir, '--status', 'achieved');
    assert.deepEqual([text.code, text.stderr], [0, '']);
    assert.equal(text.stdout, 'OKR progress as of 2026-05-20\nFiltered by status: achieved (totals count every key result)\n\nNo key result has the status achieved.\n');
    const json = okr(dir, '--format', 'json', '--status', 'achieved,no-data');
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), { asOf: '2026-05-20', statuses: ['achieved', 'no-data'], files: [] });
    const md = okr(dir, '--format', 'md', '--status', 'achieved,no-data');
    assert.match(md.stdout, /^No key result has the status achieved or no data\.$/m);
    const alignment = okr(dir, '--by', 'alignment', '--status', 'achieved');
    assert.equal(alignment.code, 0);
    assert.match(alignment.stdout, /^No key result has the status achieved\.$/m);
  });

  it('a status it does not know is a usage error that lists the valid ones and suggests the closest', () => {
    const dir = files();
    const typo = okr(dir, '--status', 'at-risk,of-track');
    assert.deepEqual([typo.code, typo.stdout], [2, '']);
    assert.equal(typo.stderr, "okr: --status takes off-track, at-risk, on-track, achieved, no-data (comma-separated), not 'of-track' — did you mean 'off-track'?\n");
    const far = okr(dir, '--status', 'purple');
    assert.equal(far.code, 2);
    assert.equal(far.stderr, "okr: --status takes off-track, at-risk, on-track, achieved, no-data (comma-separated), not 'purple'\n");
    const empty = okr(dir, '--status', '');
    assert.equal(empty.code, 2);
    assert.equal(empty.stderr, "okr: --status takes off-track, at-risk, on-track, achieved, no-data (comma-separated), not '' (an unset variable?)\n");
  });
});

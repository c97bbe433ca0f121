// `okr check` resolves ids across the files it is given; `okr report --by alignment` draws the tree.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runOkr } from '../helpers/cli';

const COMPANY = 'period 2026\nteam Company\nobjective Keep every customer we win\n  id keep-customers\n  why Keeping costs less than winning.\n  kr Increase net revenue retention from 98% to 110% by 2026-12-31\n    baseline 98% on 2025-12-31\n    target 110% by 2026-12-31\n    checkin 2026-04-30 104%\n';
const TEAM = 'period 2026-Q2\nteam Support\nobjective Answer customers faster\n  aligns keep-customers\n  why Slow answers cost renewals.\n  kr Reduce first reply time from 8 hours to 2 hours by 2026-06-30\n    baseline 8 hours on 2026-04-01\n    target 2 hours by 2026-06-30\n    checkin 2026-05-15 5 hours\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-align-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const alignmentFindings = (stdout: string) => stdout.split('\n').filter((l) => /\[(aligns|id)-/.test(l));

describe('okr CLI: alignment across files', () => {
  it('check resolves an aligns id defined in another file it is given (or the whole folder)', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM });
    assert.deepEqual(alignmentFindings(runOkr(['check', '--today', '2026-05-20'], dir).stdout), []);
    assert.deepEqual(alignmentFindings(runOkr(['check', 'company.okr', 'support.okr', '--today', '2026-05-20'], dir).stdout), []);
  });

  it('check without the file that holds the id: aligns-unknown, exit 1', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM });
    const run = runOkr(['check', 'support.okr', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 1);
    assert.deepEqual(alignmentFindings(run.stdout), [
      "support.okr:4:10 error No objective or KR has the id 'keep-customers': add `id keep-customers` to the objective or KR meant [aligns-unknown]",
    ]);
  });

  it('check: a typo gets a did-you-mean from the other file, a duplicate id is an error in both files', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM.replace('aligns keep-customers', 'aligns keep-customer\n  id keep-customers') });
    const findings = alignmentFindings(runOkr(['check', '--today', '2026-05-20'], dir).stdout);
    assert.ok(findings.includes("support.okr:4:10 error No objective or KR has the id 'keep-customer' — did you mean 'keep-customers'? [aligns-unknown]"), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('company.okr:4:6 error') && f.includes('support.okr:3') && f.endsWith('[id-duplicate]')), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('support.okr:5:6 error') && f.includes('company.okr:3') && f.endsWith('[id-duplicate]')), findings.join('\n'));
  });

  it('report --by alignment --format json: each objective with its id, aligns and contributors, own and contributed apart', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM });
    const run = runOkr(['report', '--by', 'alignment', '--format', 'json', '--today', '2026-05-20'], dir);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.roots.length, 1);
    const root = json.roots[0];
    assert.deepEqual([root.id, root.file, root.line, root.aligns], ['keep-customers', 'company.okr', 2, []]);
    assert.equal(root.own.progress, 0.5); // 98% → 104% of 98% → 110%
    assert.deepEqual(root.contributors.map((c: { title: string; aligns: string[]; id: string | null }) => [c.title, c.aligns, c.id]), [['Answer customers faster', ['keep-customers'], null]]);
    assert.equal(root.contributed.count, 1);
    assert.equal(root.contributed.progress, 0.5); // 8 → 5 hours of 8 → 2
    assert.equal(root.progress, 0.5);
    assert.deepEqual(json.unaligned, []);
  });

  it('report --by alignment text and Markdown: each objective\'s own KRs under it, before its contributors', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM });
    const lines = runOkr(['report', '--by', 'alignment', '--today', '2026-05-20'], dir).stdout.split('\n');
    const root = lines.indexOf('Keep every customer we win  [keep-customers]  company.okr:3 · Company · 2026');
    assert.ok(root >= 0, lines.join('\n'));
    assert.match(lines[root + 2], /^ {2}• Increase net revenue retention from 98% to 110% by 2026-12-31$/);
    assert.match(lines[root + 3], /^ {4}[█░]{16} {2}50% {2}on track$/);
    assert.match(lines[root + 4], /^ {2}↳ Answer customers faster {2}support\.okr:3/);
    assert.match(lines[root + 6], /^ {4}• Reduce first reply time from 8 hours to 2 hours by 2026-06-30$/);
    assert.match(lines[root + 7], /^ {6}[█░]{16} {2}50% {2}on track$/);
    const md = runOkr(['report', '--by', 'alignment', '--format', 'md', '--today', '2026-05-20'], dir).stdout.split('\n');
    const mdRoot = md.findIndex((l) => l.startsWith('- **Keep every customer we win**'));
    assert.deepEqual(md.slice(mdRoot + 1, mdRoot + 4).map((l) => l.replace(/ — .*/, '')), [
      '  - 🟢 Increase net revenue retention from 98% to 110% by 2026-12-31',
      '  - **Answer customers faster**',
      '    - 🟢 Reduce first reply time from 8 hours to 2 hours by 2026-06-30',
    ]);
    assert.match(md[mdRoot + 1], / — 50% · on track$/);
  });

  it('report --by alignment text and Markdown: a KR that is a row of the tree is not listed again under its objective', () => {
    // The Support KR aligns to the company objective itself: it is a row there, and its objective is not aligned.
    const kr = TEAM.replace('  aligns keep-customers\n', '').replace('    baseline 8 hours', '    aligns keep-customers\n    baseline 8 hours');
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': kr, 'ops.okr': 'period 2026-Q2\nteam Ops\nobjective Keep the lights on\n  kr Hold [uptime](x) at 99.9% by 2026-06-30\n' });
    const text = runOkr(['report', '--by', 'alignment', '--today', '2026-05-20'], dir).stdout;
    assert.equal(text.split('Reduce first reply time').length - 1, 1, text);
    assert.match(text, /^ {2}↳ Reduce first reply time from 8 hours to 2 hours by 2026-06-30 {2}support\.okr:5/m);
    // The Ops objective's KR is listed; the Support objective's one KR is the row above, so nothing is.
    assert.match(text, /^Not aligned\n {2}Keep the lights on {2}ops\.okr:3 · Ops · 2026-Q2 {2}— {2}no data\n {4}• Hold \[uptime\]\(x\) at 99\.9% by 2026-06-30\n {6}[█░]{16} {4}— {2}no data\n {2}Answer customers faster {2}support\.okr:3 · Support · 2026-Q2 {2}50% {2}on track\n(?! )/m);
    const md = runOkr(['report', '--by', 'alignment', '--format', 'md', '--today', '2026-05-20'], dir).stdout;
    assert.equal(md.split('Reduce first reply time').length - 1, 1, md);
    assert.match(md, /^- \*\*Keep the lights on\*\* — .*\n {2}- ⚪ Hold \\\[uptime\\\]\(x\) at 99\.9% by 2026-06-30 — — · no data$/m);
  });

  it('report --by alignment as text and Markdown, and refuses an unknown --by', () => {
    const dir = folder({ 'company.okr': COMPANY, 'support.okr': TEAM });
    const text = runOkr(['report', '--by', 'alignment', '--today', '2026-05-20'], dir).stdout;
    assert.match(text, /^Keep every customer we win {2}\[keep-customers\] {2}company\.okr:3 · Company · 2026$/m);
    assert.match(text, /^ {2}↳ Answer customers faster {2}support\.okr:3 · Support · 2026-Q2$/m);
    assert.match(text, /own 50% · contributors 50% \(1\)/);
    const md = runOkr(['report', '--by', 'alignment', '--format', 'md', '--today', '2026-05-20'], dir).stdout;
    assert.match(md, /^## Keep every customer we win$/m);
    assert.match(md, /^ {2}- \*\*Answer customers faster\*\* — 50%/m);
    const bad = runOkr(['report', '--by', 'team'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--by must be file or alignment, not 'team'/);
  });
});

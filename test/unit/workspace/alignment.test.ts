// Alignment across files in the pure engine: ids, references, the rules across files, roll-up.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { parseDocument } from '../../../server/src/engine/parser';
import { buildAlignmentTree } from '../../../server/src/engine/workspace/alignment-tree';
import { Workspace } from '../../../server/src/engine/workspace/model';
import { renameEdits } from '../../../server/src/engine/workspace/rename';
import { RollUp } from '../../../server/src/engine/workspace/rollup';
import { planClose } from '../../../server/src/engine/close';
import { formatText } from '../../../server/src/engine/format';
import { okr } from '../../helpers/markers';

const COMPANY = okr`
  period 2026
  team Company
  objective Become the default choice for mid-sized teams
    id default-choice
    kr Grow annual recurring revenue from $10M to $20M by 2026-12-31
      id arr
      baseline $10M on 2026-01-01
      target $20M by 2026-12-31
      checkin 2026-05-01 $14M
`;

const SALES = okr`
  period 2026-Q2
  team Sales
  objective Win the mid-sized teams our rivals serve
    aligns default-choice
    id win-mid-sized
    kr Sign 40 new mid-sized customers from 0 to 40 customers by 2026-06-30
      baseline 0 customers on 2026-04-01
      target 40 customers by 2026-06-30
      checkin 2026-05-15 30 customers
`;

const SUPPORT = okr`
  period 2026-Q2
  team Support
  objective Keep the customers we win
    aligns default-choice
    kr Raise renewals from 80% to 90% by 2026-06-30
      aligns arr
      baseline 80% on 2026-04-01
      target 90% by 2026-06-30
      checkin 2026-05-15 85%
`;

function workspace(files: Record<string, string>): Workspace {
  return new Workspace(Object.entries(files).map(([uri, text]) => ({ uri, doc: parseDocument(text) })));
}

function rulesOf(ws: Workspace, uri: string, text: string): string[] {
  return analyzeText(text, { asOf: '2026-05-20', workspace: ws, uri }).diagnostics.filter((d) => /^(aligns|id)-/.test(d.rule)).map((d) => `${d.rule}@${d.range.start.line}: ${d.message}`);
}

describe('alignment: the language', () => {
  it('reads id and aligns under an objective and under a KR, with the id ranges', () => {
    const doc = parseDocument(SUPPORT);
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.objectives[0].aligns![0].slug, 'default-choice');
    assert.deepEqual(doc.objectives[0].aligns![0].range, { start: { line: 3, character: 9 }, end: { line: 3, character: 23 } });
    assert.equal(doc.objectives[0].keyResults[0].aligns![0].slug, 'arr');
  });

  it('refuses an id that is not lowercase letters, digits and dashes, with the id meant', () => {
    const doc = parseDocument('objective Grow\n  id Grow Revenue\n  aligns ok-id\n');
    assert.deepEqual(doc.errors.map((e) => [e.range.start.line, e.range.start.character, e.message]), [
      [1, 5, "'Grow Revenue' is not an id: use lowercase letters, digits and single dashes, like 'grow-revenue'"],
    ]);
    assert.equal(doc.objectives[0].id, undefined);
  });

  it('the formatter indents id and aligns like a task: under the objective, or under the KR above', () => {
    const text = 'objective Grow\nid grow\n      aligns company\nkr Grow users from 10 to 20\naligns users\n';
    assert.equal(formatText(text), 'objective Grow\n  id grow\n  aligns company\n  kr Grow users from 10 to 20\n    aligns users\n');
  });

  it('reports a second id on the same objective, and an id outside any objective', () => {
    const doc = parseDocument('id lost\nobjective Grow\n  id one\n  id two\n');
    assert.deepEqual(doc.errors.map((e) => e.message), ["'id' must come under an objective or a kr", 'the id is set twice for this objective']);
  });
});

describe('alignment: the workspace model', () => {
  const ws = workspace({ 'company.okr': COMPANY, 'sales.okr': SALES, 'support.okr': SUPPORT });

  it('resolves aligns to the id in another file, and finds every reference', () => {
    assert.equal(ws.target('default-choice')!.uri, 'company.okr');
    assert.deepEqual(ws.references('default-choice').map((r) => r.node.uri).sort(), ['sales.okr', 'support.okr']);
    assert.deepEqual(ws.references('arr').map((r) => `${r.node.kind} ${r.node.uri}`), ['kr support.okr']);
  });

  it('replacing one file (a keystroke) gives the same model as building it again', () => {
    const edited = SALES.replace('aligns default-choice', 'aligns arr').replace('id win-mid-sized', 'id win');
    const replaced = ws.replaced({ uri: 'sales.okr', doc: parseDocument(edited) });
    const rebuilt = workspace({ 'company.okr': COMPANY, 'sales.okr': edited, 'support.okr': SUPPORT });
    const shape = (w: Workspace) => [
      w.ids().sort(), w.nodes.length, ['default-choice', 'arr', 'win', 'win-mid-sized'].map((slug) => w.references(slug).map((r) => r.node.uri).sort()),
      w.nodesOf('sales.okr').map((n) => n.title), w.definitionsOf('win').map((n) => n.uri),
    ];
    assert.deepEqual(shape(replaced), shape(rebuilt));
    assert.deepEqual(ws.references('default-choice').map((r) => r.node.uri).sort(), ['sales.okr', 'support.okr'], 'the original is unchanged');
  });

  it('knows which id is under the cursor', () => {
    assert.deepEqual(ws.slugAt('sales.okr', { line: 3, character: 12 })?.slug, 'default-choice');
    assert.equal(ws.slugAt('sales.okr', { line: 3, character: 12 })?.role, 'aligns');
    assert.equal(ws.slugAt('company.okr', { line: 5, character: 10 })?.role, 'id');
    assert.equal(ws.slugAt('company.okr', { line: 5, character: 10 })?.node.kind, 'kr');
    assert.equal(ws.slugAt('sales.okr', { line: 2, character: 12 }), undefined);
  });

  it('renames an id and every aligns that uses it, and refuses a name that is no id', () => {
    const result = renameEdits(ws, 'default-choice', 'market-leader');
    assert.ok('edits' in result);
    assert.deepEqual(result.edits.map((e) => `${e.uri}:${e.range.start.line}`).sort(), ['company.okr:3', 'sales.okr:3', 'support.okr:3']);
    assert.deepEqual(renameEdits(ws, 'arr', 'Bad Name'), { error: "'Bad Name' is not an id: use lowercase letters, digits and single dashes, like 'bad-name'" });
  });

  it('is quiet when everything resolves', () => {
    assert.deepEqual(rulesOf(ws, 'sales.okr', SALES), []);
    assert.deepEqual(rulesOf(ws, 'support.okr', SUPPORT), []);
  });
});

describe('alignment: the rules across files', () => {
  it('aligns-unknown with a did-you-mean from another file', () => {
    const text = SALES.replace('aligns default-choice', 'aligns default-choise');
    const ws = workspace({ 'company.okr': COMPANY, 'sales.okr': text });
    assert.deepEqual(rulesOf(ws, 'sales.okr', text), ["aligns-unknown@3: No objective or KR has the id 'default-choise' — did you mean 'default-choice'?"]);
  });

  it('id-duplicate on both places', () => {
    const text = SALES.replace('id win-mid-sized', 'id default-choice');
    const ws = workspace({ 'company.okr': COMPANY, 'sales.okr': text });
    assert.equal(rulesOf(ws, 'sales.okr', text).filter((r) => r.startsWith('id-duplicate@4: ') && r.includes('company.okr:3')).length, 1);
    assert.equal(rulesOf(ws, 'company.okr', COMPANY).filter((r) => r.startsWith('id-duplicate@3: ') && r.includes('sales.okr:3')).length, 1);
  });

  it('aligns-cycle on each aligns of the circle, across files, naming the circle', () => {
    const company = COMPANY.replace('  id default-choice\n', '  id default-choice\n  aligns win-mid-sized\n');
    const ws = workspace({ 'company.okr': company, 'sales.okr': SALES });
    assert.deepEqual(rulesOf(ws, 'company.okr', company), [
      "aligns-cycle@4: Aligning to 'win-mid-sized' closes a circle (default-choice → win-mid-sized → default-choice): alignment must lead up, never back.",
    ]);
    assert.equal(rulesOf(ws, 'sales.okr', SALES).filter((r) => r.startsWith('aligns-cycle@3')).length, 1);
  });

  it('aligns-later-period when the target starts after this period ends, not for a year above a quarter', () => {
    const q1 = SALES.replace('2026-Q2', '2026-Q1').replace('by 2026-06-30', 'by 2026-03-31').replace('2026-06-30', '2026-03-31');
    const q3Company = COMPANY.replace('period 2026', 'period 2026-Q3');
    const later = workspace({ 'company.okr': q3Company, 'sales.okr': q1 });
    assert.equal(rulesOf(later, 'sales.okr', q1).filter((r) => r.startsWith('aligns-later-period@3')).length, 1);
    const fine = workspace({ 'company.okr': COMPANY, 'sales.okr': q1 });
    assert.deepEqual(rulesOf(fine, 'sales.okr', q1), []);
  });

  it('a single file resolves its own ids by default', () => {
    const text = 'objective A\n  id a\nobjective B\n  aligns a\n  aligns b\n';
    const rules = analyzeText(text, { asOf: '2026-05-20' }).diagnostics.filter((d) => d.rule.startsWith('aligns')).map((d) => d.rule);
    assert.deepEqual(rules, ['aligns-unknown']);
  });
});

describe('alignment: closing a period', () => {
  it('carries aligns to the next period, never the id (ids are unique in the workspace)', () => {
    const text = SUPPORT.replace('  aligns default-choice', '  id keep-them\n  aligns default-choice');
    const plan = planClose(analyzeText(text, { asOf: '2026-07-02' }), { next: '2026-Q3', carry: 'all', fileName: 'support.okr' });
    const next = parseDocument(plan.nextText);
    assert.deepEqual(next.objectives[0].aligns?.map((a) => a.slug), ['default-choice']);
    assert.deepEqual(next.objectives[0].keyResults[0].aligns?.map((a) => a.slug), ['arr']);
    assert.equal(next.objectives[0].id, undefined);
    assert.deepEqual(next.errors, []);
  });
});

describe('alignment: roll-up', () => {
  const ws = workspace({ 'company.okr': COMPANY, 'sales.okr': SALES, 'support.okr': SUPPORT });
  const asOf = '2026-05-20';

  it('keeps the parent\'s own KRs and its contributors apart, and means the two', () => {
    const rollUp = new RollUp(ws, { asOf });
    const company = ws.target('default-choice')!;
    const rolled = rollUp.of(company);
    assert.equal(rolled.own.progress, 0.4); // $10M → $14M of $10M → $20M
    // Sales 30/40 = 0.75; Support: own 0.5 and its KR counted through its objective (not twice).
    assert.deepEqual(rolled.contributors.map((c) => c.doc.team?.text), ['Sales', 'Support']);
    assert.equal(rolled.contributed!.count, 2);
    assert.equal(rolled.contributed!.progress, 0.625);
    assert.equal(rolled.progress, 0.5125);
  });

  it('counts a KR whose objective aligns to the same parent once, through its objective', () => {
    const both = SUPPORT.replace('      aligns arr', '      aligns default-choice');
    const rollUp = new RollUp(workspace({ 'company.okr': COMPANY, 'sales.okr': SALES, 'support.okr': both }), { asOf });
    const rolled = rollUp.of(rollUp.ws.target('default-choice')!);
    assert.deepEqual(rolled.contributors.map((c) => c.kind), ['objective', 'objective']);
    assert.equal(rolled.contributed!.progress, 0.625);
  });

  it('builds the alignment tree: the company objective on top, contributors below, the rest apart', () => {
    const tree = buildAlignmentTree(ws, { asOf });
    assert.deepEqual(tree.roots.map((r) => `${r.id} ${r.description}`), ['default-choice 51% · on track', 'arr 45% · on track']);
    assert.deepEqual(tree.roots[0].contributors.map((c) => `${c.team}: ${c.title} [${c.aligns.join(',')}]`), [
      'Sales: Win the mid-sized teams our rivals serve [default-choice]',
      'Support: Keep the customers we win [default-choice]',
    ]);
    assert.equal(tree.roots[0].keyResults.length, 1);
    assert.deepEqual(tree.unaligned, []);
  });
});

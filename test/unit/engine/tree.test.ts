import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { buildTree, fileSummary, type TreeSource } from '../../../server/src/engine/tree';

const AS_OF = '2026-05-15';
const kr = (name: string, now: string) => [
  `  kr Increase ${name} from 10 to 20 by 2026-06-30`, '    baseline 10 on 2026-03-31', '    target 20 by 2026-06-30', `    checkin 2026-05-10 ${now}`,
];
const A = ['period 2026-Q2', 'objective Behind', '  why w', ...kr('alpha', '11'), 'objective Ahead', '  why w', ...kr('beta', '19'), ''].join('\n');
const B = ['period 2026-Q2', 'objective Close', '  why w', ...kr('gamma', '16'), ''].join('\n');

function source(uri: string, text: string): TreeSource {
  const analysis = analyzeText(text, { asOf: AS_OF });
  return { uri, doc: analysis.doc, progress: analysis.progress };
}

describe('engine: the progress tree', () => {
  it('a status filter hides rows but never changes a roll-up, and says it is on', () => {
    const sources = [source('file:///a.okr', A), source('file:///b.okr', B)];
    const all = buildTree(sources, AS_OF);
    const offTrack = buildTree(sources, AS_OF, ['off-track']);
    assert.deepEqual(all.statuses, []);
    assert.deepEqual(offTrack.statuses, ['off-track']);
    const [period] = all.periods;
    const [filtered] = offTrack.periods;
    assert.equal(filtered.description, period.description, 'the period total is over every objective');
    assert.equal(filtered.status, period.status);
    // Only the off-track branch is shown.
    const shown = filtered.files.flatMap((f) => f.objectives.map((o) => o.title));
    assert.deepEqual(shown, ['Behind']);
    assert.equal(filtered.files[0].description, period.files[0].description);
  });
});

describe('engine: the order of the periods', () => {
  const withPeriod = (period: string) => B.replace('period 2026-Q2', period);

  it('is newest first: by start date, the longer period first when two start together, files without a period last', () => {
    const sources = [
      source('file:///q3.okr', withPeriod('period 2026-Q3')),
      source('file:///none.okr', B.replace('period 2026-Q2\n', '')),
      source('file:///custom.okr', withPeriod('period 2026-04-01 to 2026-08-30')),
      source('file:///q2.okr', withPeriod('period 2026-Q2')),
      source('file:///q1.okr', withPeriod('period 2026-Q1')),
    ];
    const labels = buildTree(sources, AS_OF).periods.map((p) => p.label);
    assert.deepEqual(labels, ['2026-Q3', '2026-04-01 to 2026-08-30', '2026-Q2', '2026-Q1', 'No period']);
  });
});

describe('engine: the status bar summary', () => {
  const NEW_FILE = ['period 2026-Q2', 'team Your team', 'objective Delight new customers', '  why w',
    '  kr Reduce invoice errors per month from 40 to 10 by 2026-06-30', ''].join('\n');

  it('a file nobody has checked in on yet says so rather than 0% and 0 at risk', () => {
    const analysis = analyzeText(NEW_FILE, { asOf: AS_OF });
    const summary = fileSummary(analysis.doc, analysis.progress);
    assert.equal(summary.text, 'Q2 · no data yet');
    assert.equal(summary.progress, 0, 'the figure itself is unchanged: the KR stands at its baseline');
  });

  it('a file with objectives and no key results says so', () => {
    const analysis = analyzeText('period 2026-Q2\nobjective Sketch\n', { asOf: AS_OF });
    assert.equal(fileSummary(analysis.doc, analysis.progress).text, 'Q2 · no key results yet');
  });

  it('one check-in is enough for the figures', () => {
    const analysis = analyzeText(B, { asOf: AS_OF });
    assert.equal(fileSummary(analysis.doc, analysis.progress).text, 'Q2 · 60% · 0 at risk');
  });
});

describe('engine: the files the tree cannot show', () => {
  const latin1 = { uri: 'file:///w/team/cafe.okr', label: 'team/cafe.okr', message: 'This file is not checked: it is not valid UTF-8.' };
  const nul = { uri: 'file:///w/a.okr', label: 'a.okr', message: 'This document is not checked: it holds a NUL byte.' };

  it('lists them after the periods, ordered as the files are, never as a period or file of their own', () => {
    const tree = buildTree([source('file:///w/b.okr', B)], AS_OF, [], [latin1, nul]);
    assert.deepEqual(tree.declined, [nul, latin1]);
    assert.deepEqual(tree.periods.flatMap((p) => p.files.map((f) => f.uri)), ['file:///w/b.okr']);
  });

  it('a status filter keeps them: they have no status to filter, and a reader must know they are missing', () => {
    // Nothing in B is off track: the filter hides every period, not the declined files.
    const tree = buildTree([source('file:///w/b.okr', B)], AS_OF, ['off-track'], [latin1]);
    assert.deepEqual(tree.periods, []);
    assert.deepEqual(tree.declined, [latin1]);
  });

  it('none declined: an empty list', () => {
    assert.deepEqual(buildTree([source('file:///w/b.okr', B)], AS_OF).declined, []);
  });
});

import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { buildTree, type TreeSource } from '../../../server/src/engine/tree';

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

// The quarter's story over stdio: score completion, the hover's history and score, the chart
// data for the panel, and the requests behind the Close Period command.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../server/src/engine/analyze';
import type { PanelContent } from '../../server/src/engine/chart/panel';
import type { CloseContextResult, ClosePlanResult } from '../../server/src/lsp/protocol';
import { marked, okr } from '../helpers/markers';
import { applyEdits, LspClient } from './client';

interface CompletionItem { label: string; detail?: string; preselect?: boolean }
interface Hover { contents: { value: string } }

const TODAY = '2026-07-02';

const DOC = marked(okr`
  period 2026-Q2
  team Finance
  objective Get paid faster by our customers
    why Late payments squeeze our cash this year
    kr Reduce days sales outstanding from 52 to 40 days by 2026-06-30
      baseline 52 days on 2026-03-31
      checkin 2026-04-30 50 days on-track
      checkin 2026-05-29 48 days on-track
      checkin 2026-06-26 46 days at-risk
      score ‸
    kr Increase on-time payments from 60% to 80% by 2026-06-30
      baseline 60% on 2026-03-31
      checkin 2026-06-26 82% on-track
      score 0.9 "Autopay did it"
`);

describe('lsp: the quarter story', function () {
  let client: LspClient;
  const uri = 'file:///mem/finance-2026-Q2.okr';
  before(async () => {
    client = await LspClient.start({ settings: { today: TODAY } });
    await client.open(uri, DOC.text);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('completes a score with the grade the figures suggest, first and preselected', async () => {
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: DOC.positions[0] });
    assert.equal(items[0].label, '0.5');
    assert.equal(items[0].preselect, true);
    assert.match(items[0].detail ?? '', /progress 50%/);
    assert.deepEqual(items.slice(1).map((i) => i.label), ['1.0', '0.7', '0.3', '0.0']);
  });

  it('offers the score keyword under a KR', async () => {
    const position = { line: 12, character: 4 };
    const text = DOC.text.split('\n');
    text[12] = '    ';
    await client.change(uri, text.join('\n'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(items.some((i) => i.label === 'score'), items.map((i) => i.label).join(', '));
    await client.change(uri, DOC.text);
  });

  it("the KR hover draws the check-ins' history as a sparkline, and shows a written score", async () => {
    const first = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 6 } });
    assert.match(first.contents.value, /\*\*History:\*\* `▂▃▅` 3 check-ins · 17% → 50%/);
    const second = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 6 } });
    assert.match(second.contents.value, /\*\*Score:\*\* 0\.9 · Autopay did it/);
    const objective = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
    assert.match(objective.contents.value, /\*\*Score:\*\* 0\.9 · weighted mean of 1 scored key result/);
  });

  it('gives the chart panel one KR, an objective side by side, or the whole file', async () => {
    const kr = await client.request<PanelContent>('okr/chart', { uri, line: 6 });
    assert.equal(kr.title, 'Reduce days sales outstanding from 52 to 40 days by 2026-06-30');
    assert.equal(kr.charts.length, 1);
    assert.match(kr.charts[0].summary, /^50% · expected 100% · off track$/);
    assert.equal((kr.charts[0].svg.match(/<circle class="marker/g) ?? []).length, 3);
    const objective = await client.request<PanelContent>('okr/chart', { uri, line: 2 });
    assert.equal(objective.title, 'Get paid faster by our customers');
    assert.equal(objective.charts.length, 2);
    const file = await client.request<PanelContent>('okr/chart', { uri });
    assert.equal(file.title, 'Finance · 2026-Q2');
    assert.equal(await client.request('okr/chart', { uri: 'file:///mem/none.okr' }), null);
  });

  it('closes the period: the context to ask from, then the score edits and the next file', async () => {
    const context = await client.request<CloseContextResult>('okr/closeContext', { uri });
    assert.equal(context.period, '2026-Q2');
    assert.equal(context.suggestedNext, '2026-Q3');
    assert.deepEqual(context.krs.map((k) => [k.line, k.unfinished]), [[4, true], [10, false]]);
    assert.match(context.krs[0].description, /^50% · off track · now 46 days$/);
    assert.equal(context.suggestedFile, 'finance-2026-Q3.okr');
    assert.deepEqual([context.asOf, context.daysLeft, context.earlyWarning], [TODAY, -2, null]);
    assert.deepEqual(context.toScore.map((k) => [k.line, k.score]), [[4, 0.5]], 'the KR scored 0.9 keeps its score');

    // The unfinished `score ` line first gets its value, so the document is valid.
    const text = DOC.text.replace('    score \n', '');
    await client.change(uri, text);
    const plan = await client.request<ClosePlanResult>('okr/closePlan', { uri, next: '2026-Q3', carry: [4] });
    assert.equal(plan.nextUri, 'file:///mem/finance-2026-Q3.okr');
    const closed = applyEdits(text, plan.scoreEdits ?? []);
    assert.ok(closed.includes('    checkin 2026-06-26 46 days at-risk\n    score 0.5\n'));
    const next = analyzeText(plan.nextText ?? '', { asOf: TODAY });
    assert.deepEqual(next.doc.errors, []);
    assert.deepEqual(next.doc.objectives[0].keyResults.map((k) => k.baseline?.value.raw), ['46 days']);

    const refused = await client.request<ClosePlanResult>('okr/closePlan', { uri, next: '2026-Q1', carry: [] });
    assert.match(refused.error ?? '', /must start after 2026-Q2 ends/);
  });

  it('tells the Close Period command that a close is early, and suggests whole months after a range of months', async () => {
    const early = 'file:///mem/sales.okr';
    await client.open(early, DOC.text.replace('period 2026-Q2', 'period 2026-06-01 to 2026-09-29'));
    const context = await client.request<CloseContextResult>('okr/closeContext', { uri: early });
    assert.equal(context.daysLeft, 89);
    assert.equal(context.earlyWarning, `2026-06-01 to 2026-09-29 ends in 89 days (2026-09-29): closing now scores its key results on the figures as of ${TODAY}.`);
    assert.equal(context.suggestedNext, '2026-10-01 to 2027-01-31');
    assert.equal(context.suggestedFile, 'sales-2026-10-01_to_2027-01-31.okr');
    await client.close(early);
  });
});

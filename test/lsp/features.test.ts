// Hover, completion, symbols, folding, formatting and inlay hints over stdio.
import { strict as assert } from 'node:assert';
import { applyEdits, LspClient, positionOf, type Range, type TextEdit } from './client';
import { AR, SETTINGS, TODAY } from './fixtures';

interface Hover { contents: { kind: string; value: string }; range?: Range }
interface CompletionItem { label: string; kind?: number; textEdit?: TextEdit; insertTextFormat?: number }
interface DocumentSymbol { name: string; detail?: string; kind: number; range: Range; selectionRange: Range; children?: DocumentSymbol[] }
interface InlayHint { position: { line: number; character: number }; label: string; paddingLeft?: boolean }

describe('lsp: language features', function () {
  let client: LspClient;
  const uri = 'file:///mem/features.okr';
  before(async () => {
    client = await LspClient.start({ settings: SETTINGS });
    await client.open(uri, AR);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const hoverAt = (position: { line: number; character: number }, doc = uri) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri: doc }, position });

  describe('hover', () => {
    it('shows a KR progress with a bar, baseline → target, current, expected, statuses and tasks', async () => {
      const hover = await hoverAt(positionOf(AR, 'kr Reduce total', 5));
      assert.ok(hover);
      const md = hover.contents.value;
      assert.equal(hover.contents.kind, 'markdown');
      assert.match(md, /`█{8}░{12}` \*\*38%\*\*/);
      assert.match(md, /expected \*\*26%\*\* today/);
      assert.match(md, /\\\$24M on 2026-03-31 → \\\$12M by 2026-08-30/);
      assert.match(md, /\*\*Current:\*\* \\\$19\.4M on 2026-05-01/);
      assert.match(md, /\*\*Status:\*\* \*\*on track\*\* \(your call: \*\*at risk\*\*\)/);
      assert.match(md, /\*\*Tasks:\*\* 1\/2 done/);
      assert.deepEqual(hover.range?.start, { line: 8, character: 2 });
    });

    it('shows the same KR hover from a line under the KR', async () => {
      const hover = await hoverAt(positionOf(AR, 'weight 2', 2));
      assert.match(hover!.contents.value, /38%/);
    });

    it("shows an objective's roll-up with each KR", async () => {
      const hover = await hoverAt(positionOf(AR, 'objective Strategically', 3));
      const md = hover!.contents.value;
      assert.match(md, /^\*\*Objective\*\*/);
      assert.match(md, /weighted mean of 2 key results/);
      assert.match(md, /38% · on track — Reduce total dollars/);
      assert.match(md, /28% · on track — Increase the share/);
    });

    it('says which KRs an objective\'s progress counts, and why the others are left out', async () => {
      const doc = 'file:///mem/objective-count.okr';
      const text = [
        'period 2026-04-01 to 2026-08-30', 'objective Grow', '  why w',
        '  kr Increase paid teams from 10 to 20 by 2026-08-30', '    baseline 10 on 2026-03-31', '    checkin 2026-05-01 14',
        '  kr Increase trials from 100 to 200 by 2026-08-30', '    baseline 100 on 2026-03-31',
        '  kr Improve customer satisfaction', '',
      ].join('\n');
      await client.open(doc, text);
      const md = (await hoverAt({ line: 1, character: 11 }, doc))!.contents.value;
      assert.match(md, /weighted mean of 2 of 3 key results/);
      assert.match(md, /1 left out: no baseline and target/);
      assert.match(md, /Increase trials.*counts at its baseline until the first check-in/);
      assert.match(md, /Improve customer satisfaction.*left out/);
    });

    it('does not repeat the finding under the cursor (the editor shows it beside the hover)', async () => {
      const doc = 'file:///mem/hover-finding.okr';
      const text = 'period 2026-04-01 to 2026-08-30\nobjective Cash\n  why w\n  kr Reduce AR>60 days by 50% by 2026-08-30\n    baseline $24M on 2026-03-31\n';
      const { diagnostics } = await client.open(doc, text);
      const finding = diagnostics.find((d) => d.code === 'kr-ambiguous-metric')!;
      const on = (await hoverAt(finding.range.start, doc))!.contents.value;
      assert.doesNotMatch(on, /kr-ambiguous-metric/);
      const sameLine = (await hoverAt({ line: 3, character: 6 }, doc))!.contents.value;
      assert.doesNotMatch(sameLine, /kr-ambiguous-metric/, 'the finding on the hovered line is in sight');
      const beside = (await hoverAt({ line: 4, character: 6 }, doc))!.contents.value;
      assert.match(beside, /kr-ambiguous-metric/, 'elsewhere in the KR the finding is listed');
    });

    it('keeps an empty KR\'s hover short: no "— → —", no "Tasks: 0/0"', async () => {
      const doc = 'file:///mem/hover-empty.okr';
      await client.open(doc, 'period 2026-04-01 to 2026-08-30\nobjective Cash\n  why w\n  kr Improve customer satisfaction\n');
      const md = (await hoverAt({ line: 3, character: 8 }, doc))!.contents.value;
      assert.match(md, /Improve customer satisfaction/);
      assert.doesNotMatch(md, /— → —|Baseline → target/);
      assert.doesNotMatch(md, /Tasks:/);
      assert.doesNotMatch(md, /expected|░/, 'no empty bar, no expected progress for a KR that has none');
      assert.match(md, /No progress to show yet: it needs a baseline and a target\./);
      await client.open('file:///mem/hover-no-target.okr', 'period 2026-04-01 to 2026-08-30\nobjective Cash\n  why w\n  kr Increase NPS\n    baseline 30 on 2026-03-31\n');
      const noTarget = (await hoverAt({ line: 3, character: 8 }, 'file:///mem/hover-no-target.okr'))!.contents.value;
      assert.match(noTarget, /No progress to show yet: it needs a target\./);
      assert.match(noTarget, /\*\*Baseline → target:\*\* 30 on 2026-03-31 → —/);
    });

    it('explains an abbreviation from the glossary', async () => {
      const text = 'objective Cash\n  kr Reduce AR>60 days by 50% by 2026-08-30\n';
      const doc = 'file:///mem/glossary.okr';
      await client.open(doc, text);
      const hover = await hoverAt({ line: 1, character: 12 }, doc);
      assert.match(hover!.contents.value, /^\*\*AR\*\*: accounts receivable\./);
      assert.deepEqual(hover!.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } });
    });

    it('escapes KR text so it cannot inject links, commands or HTML', async () => {
      const doc = 'file:///mem/inject.okr';
      const text = 'objective [x](command:workbench.action.quit) <img src=x onerror=alert(1)>\n  kr Grow [click](command:evil.run?%5B%5D) <b>bold</b> from 1 to 2\n';
      await client.open(doc, text);
      for (const position of [{ line: 0, character: 2 }, { line: 1, character: 4 }]) {
        const md = (await hoverAt(position, doc))!.contents.value;
        assert.doesNotMatch(md, /(?<!\\)\]\(command:/, "an unescaped link");
        assert.doesNotMatch(md, /(?<!\\)<img|(?<!\\)<b>/, "unescaped HTML");
        assert.match(md, /\\\[(x|click)\\\]/);
      }
    });

    it('answers nothing on a blank line, past the end, and for an unknown document', async () => {
      assert.equal(await hoverAt({ line: 3, character: 0 }), null);
      assert.equal(await hoverAt({ line: 500, character: 3 }), null);
      assert.equal(await hoverAt({ line: 0, character: 0 }, 'file:///mem/never-opened.okr'), null);
    });
  });

  describe('completion', () => {
    const complete = async (text: string, marker = '|') => {
      const doc = `file:///mem/complete-${Math.random().toString(36).slice(2)}.okr`;
      const position = positionOf(text, marker);
      await client.open(doc, text.replace(marker, ''));
      const result = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri: doc }, position });
      return Array.isArray(result) ? result : result.items;
    };

    it('offers the keywords that fit under a KR, check-in first', async () => {
      const items = await complete('period 2026-Q2\nobjective O\n  kr Grow from 1 to 2\n    |\n');
      assert.equal(items[0].label, 'checkin');
      assert.ok(items.some((i) => i.label === 'baseline'));
      assert.equal(items.some((i) => i.label === 'period'), false, 'the file already has a period');
    });

    it('offers period, team and objective at the top of an empty file, and no kr, task or check-in (keyword or snippet)', async () => {
      const items = await complete('|');
      assert.deepEqual(items.filter((i) => i.kind !== 15).map((i) => i.label), ['period', 'team', 'objective']);
      assert.deepEqual(items.filter((i) => i.kind === 15).map((i) => i.label), ['objective']);
    });

    it('offers no second baseline, target or weight on a KR that has them; block snippets dated from the period', async () => {
      const items = await complete('period 2026-Q2\nobjective O\n  kr Grow from 1 to 2 by 2026-06-30\n    baseline 1 on 2026-03-31\n    target 2 by 2026-06-30\n    |\n');
      const labels = items.map((i) => i.label);
      for (const gone of ['baseline', 'target']) assert.equal(labels.includes(gone), false, labels.join());
      assert.ok(labels.includes('checkin') && labels.includes('weight'), labels.join());
      const kr = items.find((i) => i.label === 'kr' && i.kind === 15)!;
      assert.match(kr.textEdit!.newText, /by \$\{4:2026-06-30\}\n {2}baseline \$\{2\} on \$\{5:2026-03-31\}/);
    });

    it("inserts today's date as a snippet for checkin and offers today after `checkin `", async () => {
      const items = await complete('objective O\n  kr Grow from 1 to 2\n    chec|\n');
      const checkin = items.find((i) => i.label === 'checkin')!;
      assert.equal(checkin.insertTextFormat, 2);
      assert.match(checkin.textEdit!.newText, new RegExp(`^checkin ${TODAY} \\$\\{1:value\\}`));
      const dates = await complete('objective O\n  kr Grow from 1 to 2\n    checkin |\n');
      assert.deepEqual(dates.map((i) => i.label), [TODAY]);
    });

    it("offers the period's end after `by`", async () => {
      const items = await complete('period 2026-04-01 to 2026-08-30\nobjective O\n  kr Grow from 1 to 2\n    target 2 by |\n');
      assert.deepEqual(items.map((i) => i.label), ['2026-08-30']);
      const inSentence = await complete('period 2026-Q2\nobjective O\n  kr Grow from 1 to 2 by |\n');
      assert.deepEqual(inSentence.map((i) => i.label), ['2026-06-30']);
    });

    it('offers statuses after a check-in value and units after a number', async () => {
      const items = await complete('objective O\n  kr Cut onboarding from 45 days to 30 days\n    baseline 45 days\n    checkin 2026-05-01 40 |\n');
      const labels = items.map((i) => i.label);
      assert.ok(['on-track', 'at-risk', 'off-track'].every((s) => labels.includes(s)), labels.join());
      assert.ok(labels.includes('days'));
    });

    it('offers nothing inside a comment and past the end', async () => {
      assert.deepEqual(await complete('# a comment |\n'), []);
      const result = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 999, character: 0 } });
      assert.deepEqual(result, []);
    });
  });

  it('lists objectives → KRs → tasks as document symbols, with progress as detail', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const objective = symbols.find((s) => s.name.startsWith('Strategically'))!;
    assert.ok(objective, symbols.map((s) => s.name).join());
    assert.deepEqual(objective.children!.map((c) => c.detail), ['38% · on track', '28% · on track']);
    assert.deepEqual(objective.children![0].children!.map((t) => t.name), [
      'Weekly report of the top 10 accounts by aging bucket', 'Call the biggest accounts heading into the 60+ bucket',
    ]);
    assert.equal(objective.range.start.line, 4);
    assert.equal(objective.range.end.line, 21);
  });

  it('folds objectives and KRs', async () => {
    const ranges = await client.request<{ startLine: number; endLine: number; kind?: string }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.filter((r) => !r.kind).map((r) => [r.startLine, r.endLine]), [[4, 21], [8, 15], [17, 21]]);
  });

  it('shows `38% · on track` at the end of each KR line', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label, h.paddingLeft]), [[8, '38% · on track', true], [17, '28% · on track', true]]);
    assert.equal(hints[0].position.character, AR.split('\n')[8].length);
    const none = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } });
    assert.deepEqual(none, []);
  });

  it('formats to canonical indentation, losslessly and idempotently, keeping CRLF', async () => {
    const doc = 'file:///mem/format.okr';
    const messy = '# keep me\r\nobjective O\r\nkr Grow from 1 to 2\r\nbaseline   1   on 2026-03-31\r\n      checkin 2026-04-01 1 "two  spaces"\r\n';
    await client.open(doc, messy);
    const options = { tabSize: 4, insertSpaces: true };
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: doc }, options });
    const once = applyEdits(messy, edits);
    assert.equal(once, '# keep me\r\nobjective O\r\n  kr Grow from 1 to 2\r\n    baseline 1 on 2026-03-31\r\n    checkin 2026-04-01 1 "two  spaces"\r\n');
    await client.change(doc, edits);
    const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: doc }, options });
    assert.deepEqual(again, []);
  });
});

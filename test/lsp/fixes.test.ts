// Every quick fix the server offers, applied and the document re-checked; the fix that asks
// for a baseline, answered; and "Fix all" as a source action.
import { strict as assert } from 'node:assert';
import { applyEdits, LspClient, type Diagnostic, type TextEdit } from './client';
import { COACHING, NO_BASELINE, SETTINGS } from './fixtures';

interface CodeAction {
  title: string; kind?: string; isPreferred?: boolean; diagnostics?: Diagnostic[];
  edit?: { changes: Record<string, TextEdit[]> };
  command?: { command: string; arguments: { uri: string; diagnostic: unknown; title: string; inputs: { name: string }[] }[] };
}

describe('lsp: quick fixes', function () {
  let client: LspClient;
  let counter = 0;
  before(async () => {
    client = await LspClient.start({ settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const actionsFor = (uri: string, d: Diagnostic, only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });

  it('offers a fix for each coaching finding it can repair, the rewrite marked preferred', async () => {
    const uri = 'file:///mem/offer.okr';
    const { diagnostics } = await client.open(uri, COACHING);
    const ambiguous = diagnostics.find((d) => d.code === 'kr-ambiguous-metric')!;
    const actions = await actionsFor(uri, ambiguous, ['quickfix']);
    const rewrite = actions.find((a) => a.title.startsWith('Rewrite as explicit dollar KR'));
    assert.ok(rewrite, actions.map((a) => a.title).join());
    assert.equal(rewrite.isPreferred, true);
    assert.equal(rewrite.kind, 'quickfix');
    assert.deepEqual(rewrite.diagnostics?.map((d) => d.code), ['kr-ambiguous-metric']);
  });

  it('applies every offered quick fix; each leaves other lines alone and removes its finding', async () => {
    const base = 'file:///mem/apply';
    const { diagnostics } = await client.open(`${base}.okr`, COACHING);
    let applied = 0;
    for (const d of diagnostics) {
      const actions = (await actionsFor(`${base}.okr`, d, ['quickfix'])).filter((a) => a.edit);
      for (const action of actions) {
        const uri = `${base}-${counter++}.okr`;
        await client.open(uri, COACHING);
        const edits = action.edit!.changes[`${base}.okr`];
        const fixed = applyEdits(COACHING, edits);
        const after = await client.change(uri, fixed);
        const where = `${action.title} for ${d.code}`;
        assert.deepEqual(after.diagnostics.filter((x) => x.code === 'syntax'), [], `${where} broke the syntax`);
        assert.equal(after.diagnostics.some((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.message === d.message), false, `${where} left its finding`);
        const touched = new Set(edits.flatMap((e) => [e.range.start.line, e.range.end.line]));
        const firstTouched = Math.min(...touched);
        assert.deepEqual(fixed.split('\n').slice(0, firstTouched), COACHING.split('\n').slice(0, firstTouched), `${where} changed lines before its edit`);
        applied++;
      }
    }
    assert.ok(applied >= 2, `only ${applied} fixes were applied`);
  });

  it('turns the AR KR into the explicit dollar KR the product is known for', async () => {
    const uri = 'file:///mem/rewrite.okr';
    const { diagnostics } = await client.open(uri, COACHING);
    const d = diagnostics.find((x) => x.code === 'kr-ambiguous-metric')!;
    const rewrite = (await actionsFor(uri, d)).find((a) => a.isPreferred)!;
    const fixed = applyEdits(COACHING, rewrite.edit!.changes[uri]);
    assert.match(fixed, /\n {2}kr Reduce total dollars invoiced 60\+ days past due from \$24M to \$12M by 2026-08-30\n {4}baseline \$24M on 2026-03-31\n {4}target \$12M by 2026-08-30\n/);
    const after = await client.change(uri, fixed);
    const left = after.diagnostics.filter((x) => x.range.start.line === 5).map((x) => x.code);
    assert.equal(left.includes('kr-ambiguous-metric') || left.includes('kr-implicit-target'), false, left.join());
  });

  it('asks for the baseline through a command, then computes the rest from the answers', async () => {
    const uri = 'file:///mem/ask.okr';
    const { diagnostics } = await client.open(uri, NO_BASELINE);
    const d = diagnostics.find((x) => x.code === 'kr-relative-without-baseline' || x.code === 'kr-ambiguous-metric')!;
    assert.ok(d, diagnostics.map((x) => x.code).join());
    const action = (await actionsFor(uri, d)).find((a) => a.command)!;
    assert.ok(action, 'no fix asks for input');
    assert.equal(action.command!.command, 'okr.applyFixWithInput');
    const args = action.command!.arguments[0];
    assert.deepEqual(args.inputs.map((i) => i.name), ['baseline', 'baselineDate']);
    const result = await client.request<{ edits?: TextEdit[]; error?: string }>('okr/fixWithAnswers', {
      uri, diagnostic: args.diagnostic, title: args.title, answers: { baseline: '$7.5M', baselineDate: '2026-03-31' },
    });
    assert.ok(result.edits, result.error);
    const fixed = applyEdits(NO_BASELINE, result.edits);
    assert.match(fixed, /from \$7\.5M to \$3\.75M by 2026-08-30/);
    assert.match(fixed, /baseline \$7\.5M on 2026-03-31/);
    const after = await client.change(uri, fixed);
    assert.deepEqual(after.diagnostics.filter((x) => ['syntax', 'kr-relative-without-baseline', 'kr-ambiguous-metric'].includes(String(x.code))), []);
  });

  it('says what is wrong when an answer does not fit, and when the document changed', async () => {
    const uri = 'file:///mem/ask-bad.okr';
    const { diagnostics } = await client.open(uri, NO_BASELINE);
    const d = diagnostics.find((x) => x.code === 'kr-relative-without-baseline')!;
    const args = (await actionsFor(uri, d)).find((a) => a.command)!.command!.arguments[0];
    const bad = await client.request<{ edits?: TextEdit[]; error?: string }>('okr/fixWithAnswers', { uri, diagnostic: args.diagnostic, title: args.title, answers: { baseline: 'lots', baselineDate: 'soon' } });
    assert.equal(bad.edits, undefined);
    assert.ok(bad.error && bad.error.length > 10, bad.error);
    await client.change(uri, 'objective Gone\n');
    const gone = await client.request<{ error?: string }>('okr/fixWithAnswers', { uri, diagnostic: args.diagnostic, title: args.title, answers: { baseline: '$1M', baselineDate: '2026-03-31' } });
    assert.match(gone.error!, /changed/);
  });

  it('offers "Fix all" as a source action that applies the fixes needing no answer', async () => {
    const uri = 'file:///mem/fix-all.okr';
    const { diagnostics } = await client.open(uri, COACHING);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.okr');
    const fixed = applyEdits(COACHING, actions[0].edit!.changes[uri]);
    const after = await client.change(uri, fixed);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'syntax'), []);
    assert.ok(after.diagnostics.length < diagnostics.length, `${after.diagnostics.length} findings left of ${diagnostics.length}`);
    for (const word of ['Strategically', 'inventory', 'management', 'software']) assert.ok(fixed.includes(word), `lost '${word}'`);
  });
});

// Every quick fix the server offers, applied and the document re-checked; the fix that asks
// for a baseline, answered; and "Fix all" as a source action.
import { strict as assert } from 'node:assert';
import { applyEdits, LspClient, type Diagnostic, type TextEdit } from './client';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixText } from '../../server/src/cli/fix';
import { COACHING, NO_BASELINE, SETTINGS, TODAY } from './fixtures';

interface CodeAction {
  title: string; kind?: string; isPreferred?: boolean; diagnostics?: Diagnostic[];
  edit?: { changes: Record<string, TextEdit[]> };
  command?: { command: string; arguments: { uri: string; diagnostic: unknown; title: string; inputs: { name: string }[] }[] };
  data?: unknown;
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

  it('warns, through okr/answerWarning, when an answer meant as an outcome KR reads as a task', async () => {
    const warning = (answer: unknown, warn: unknown = 'outcome-kr') => client.request<{ message: string | null }>('okr/answerWarning', { warn, answer });
    assert.match((await warning('Migrate to the new invoicing tool')).message ?? '', /^This reads as a task, not an outcome/);
    assert.equal((await warning('Reduce invoice errors per month from 40 to 10')).message, null);
    assert.equal((await warning(42)).message, null);
    assert.equal((await warning('Migrate to the new invoicing tool', 'other')).message, null);
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
    // The input boxes get a short title (the light bulb keeps the long one); the answers come back with it.
    assert.equal(args.title, 'Add a Baseline');
    assert.equal(action.title, 'Add a baseline and write the KR from baseline to target');
    // "by 50%": points or percent is asked only when the baseline answer is a percentage.
    assert.deepEqual(args.inputs.map((i) => i.name), ['baseline', 'baselineDate', 'meaning']);
    assert.deepEqual((args.inputs[2] as { askIf?: unknown }).askIf, { name: 'baseline', pattern: String.raw`%\s*$` });
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

  it('offers "Fix all" as a source action computed only on resolve, with the same result as okr fix', async () => {
    const uri = 'file:///mem/fix-all.okr';
    const { diagnostics } = await client.open(uri, COACHING);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.okr');
    assert.equal(actions[0].edit, undefined, 'the edit waits for codeAction/resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const fixed = applyEdits(COACHING, resolved.edit!.changes[uri]);
    assert.equal(fixed, fixText(COACHING, TODAY).text);
    const after = await client.change(uri, fixed);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'syntax'), []);
    assert.ok(after.diagnostics.length < diagnostics.length, `${after.diagnostics.length} findings left of ${diagnostics.length}`);
    for (const word of ['Strategically', 'inventory', 'management', 'software']) assert.ok(fixed.includes(word), `lost '${word}'`);
  });

  it('fixes consecutive task-like KRs as okr fix does: each a task of the KR that stays, none nested in another', async () => {
    const text = [
      'period 2026-04-01 to 2026-08-30', 'objective Ship the new billing', '  why Customers wait too long.',
      '  kr Increase the share of invoices paid on time from 60% to 80% by 2026-08-30', '    baseline 60% on 2026-03-31', '    target 80% by 2026-08-30',
      '  kr Implement new inventory management software', '  kr Build a customer portal', '  kr Launch the reminder emails', '',
    ].join('\n');
    const uri = 'file:///mem/fix-all-tasks.okr';
    await client.open(uri, text);
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.okr'] },
    });
    const resolved = await client.request<CodeAction>('codeAction/resolve', action);
    const fixed = applyEdits(text, resolved.edit!.changes[uri]);
    assert.equal(fixed, fixText(text, TODAY).text);
    assert.deepEqual(fixed.split('\n').slice(6, 9), ['    task Implement new inventory management software', '    task Build a customer portal', '    task Launch the reminder emails']);
    // The command "Fix all auto-fixable problems" asks the same of the server.
    const direct = await client.request<{ edits: TextEdit[]; applied: number; needsAnswers: number }>('okr/fixAll', { uri });
    assert.equal(applyEdits(text, direct.edits), fixed);
    assert.equal(direct.applied, 3);
  });

  it('offers "Check in…" on a stale KR: it runs okr.checkIn on that KR, and the check-in it leads to clears the finding', async () => {
    const uri = 'file:///mem/stale.okr';
    const text = ['period 2026-Q2', 'objective Get paid faster', '  why Cash', '  kr Reduce DSO from 52 to 40 days',
      '    baseline 52 days on 2026-04-01', '    target 40 days by 2026-06-30', ''].join('\n');
    const { diagnostics } = await client.open(uri, text);
    const stale = diagnostics.find((d) => d.code === 'checkin-stale');
    assert.ok(stale, diagnostics.map((d) => d.code).join());
    const actions = await actionsFor(uri, stale, ['quickfix']);
    const checkIn = actions.find((a) => a.title === 'Check in…');
    assert.ok(checkIn, actions.map((a) => a.title).join());
    assert.equal(checkIn.command?.command, 'okr.checkIn');
    const kr = (checkIn.command?.arguments as unknown as { kind: string; uri: string; kr: { range: { start: { line: number; character: number } } } }[])[0];
    assert.deepEqual([kr.kind, kr.uri, kr.kr.range.start.line], ['kr', uri, 3]);
    const context = await client.request<{ title: string }>('okr/checkInContext', { uri, position: kr.kr.range.start });
    assert.equal(context.title, 'Reduce DSO from 52 to 40 days');
    const result = await client.request<{ edit?: TextEdit }>('okr/checkInEdit', { uri, position: kr.kr.range.start, value: '49 days' });
    const after = await client.change(uri, applyEdits(text, [result.edit!]));
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'checkin-stale' || d.code === 'syntax'), []);
  });

  it('offers "Show documentation" and "Disable rule in .okrrc.json" for a rule\'s finding', async () => {
    const uri = 'file:///mem/rule-actions.okr';
    const { diagnostics } = await client.open(uri, COACHING);
    const task = diagnostics.find((d) => d.code === 'kr-task')!;
    const actions = await actionsFor(uri, task, ['quickfix']);
    const docs = actions.find((a) => a.title === "Show documentation for rule 'kr-task'");
    assert.ok(docs, actions.map((a) => a.title).join());
    assert.equal(docs.command?.command, 'okr.showRuleDocumentation');
    assert.deepEqual((docs.command?.arguments as unknown[])[0], 'kr-task');
    assert.ok(actions.some((a) => a.title === "Disable rule 'kr-task' in .okrrc.json"));
    // Fixes come first: the rule's own actions are last.
    assert.ok(actions.findIndex((a) => a.title.startsWith('Convert to task')) < actions.indexOf(docs));
  });
});

describe('lsp: disabling a rule in .okrrc.json', function () {
  const dir = mkdtempSync(join(tmpdir(), 'okr-disable-'));
  const file = join(dir, 'plan.okr');
  const uri = pathToFileURL(file).href;
  let client: LspClient;
  before(async () => {
    writeFileSync(file, COACHING);
    client = await LspClient.start({ folder: dir, settings: SETTINGS });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const disable = async (rule: string) => {
    const { diagnostics } = await client.open(uri, COACHING);
    const d = diagnostics.find((x) => x.code === rule)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const action = actions.find((a) => a.title === `Disable rule '${rule}' in .okrrc.json`)!;
    assert.equal(action.edit, undefined, 'computed on resolve');
    return client.request<CodeAction & { edit: { documentChanges?: unknown[]; changes?: Record<string, TextEdit[]> } }>('codeAction/resolve', action);
  };

  it('creates .okrrc.json in the workspace folder when there is none', async () => {
    const resolved = await disable('kr-task');
    const configUri = pathToFileURL(join(dir, '.okrrc.json')).href;
    const [create, edit] = resolved.edit.documentChanges as [{ kind: string; uri: string }, { textDocument: { uri: string }; edits: TextEdit[] }];
    assert.deepEqual([create.kind, create.uri, edit.textDocument.uri], ['create', configUri, configUri]);
    assert.deepEqual(JSON.parse(edit.edits[0].newText), { rules: { 'kr-task': 'off' } });
  });

  it('turns the rule off in the existing file, keeping its comments and the rule\'s options', async () => {
    const before = '// team settings\n{\n  "rules": { "kr-task": ["error", { "note": 1 }] }\n}\n';
    writeFileSync(join(dir, '.okrrc.json'), before);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.okrrc.json')).href, type: 1 }] });
    await client.close(uri);
    const resolved = await disable('kr-task');
    const configUri = pathToFileURL(join(dir, '.okrrc.json')).href;
    const after = applyEdits(before, resolved.edit.changes![configUri]);
    assert.match(after, /^\/\/ team settings\n/);
    assert.match(after, /"kr-task": \["off", \{ "note": 1 \}\]/);
  });
});

// The extension manifest and the editor files it points at: every path exists, every command
// is registered by the client, the language configuration's rules do what they promise.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { okrrcSchema } from '../../server/src/engine/config-schema';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
const regex = (r: string | { pattern: string; flags?: string }) => (typeof r === 'string' ? new RegExp(r) : new RegExp(r.pattern, r.flags));

describe('manifest and language configuration', () => {
  it('points at files that exist', () => {
    const c = pkg.contributes;
    const paths = [
      pkg.main, pkg.icon, ...c.languages.map((l: { configuration: string }) => l.configuration), ...c.grammars.map((g: { path: string }) => g.path),
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      ...c.jsonValidation.map((j: { url: string }) => j.url),
    ];
    for (const p of paths) assert.ok(existsSync(join(root, p.replace(/^\.\/dist\/.*/, 'client/src/extension.ts'))), p);
  });

  it('registers every contributed command in the client', () => {
    const source = readdirSync(join(root, 'client', 'src')).map((f) => readFileSync(join(root, 'client', 'src', f), 'utf8')).join('\n');
    for (const { command } of pkg.contributes.commands) assert.match(source, new RegExp(`['"]${command.replace('.', '\\.')}['"]`), command);
  });

  it('sets editor defaults for .okr files that snippets and the formatter need', () => {
    const okr = pkg.contributes.configurationDefaults['[okr]'];
    // Word-based suggestions inside snippet fields turned "Sam" into "same" (issue 10.1).
    assert.equal(okr['editor.wordBasedSuggestions'], 'off');
    // The formatter indents with two spaces; new files must do the same.
    assert.equal(okr['editor.tabSize'], 2);
    assert.equal(okr['editor.insertSpaces'], true);
  });

  it('contributes the .okrrc.json schema, generated from the rule registry, that accepts good configs and rejects bad ones', () => {
    const [validation] = pkg.contributes.jsonValidation;
    assert.equal(validation.fileMatch, '.okrrc.json');
    const schema = JSON.parse(readFileSync(join(root, validation.url), 'utf8'));
    assert.deepEqual(schema, okrrcSchema(), 'schemas/okrrc.schema.json is stale: run npm run schema');
    const validate = new Ajv({ strict: false }).compile(schema);
    const good = [
      { rules: { 'kr-task': 'error', 'objective-max-krs': ['warning', { max: 4 }], 'objective-has-number': 'info' }, status: { onTrack: 0.1, atRisk: 0.25 } },
      { rules: { 'checkin-stale': ['off'] } },
      {},
    ];
    for (const config of good) assert.ok(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
    const bad = [
      { rules: { 'kr-tsak': 'error' } },
      { rules: { 'kr-task': 'fatal' } },
      { rules: { 'objective-max-krs': ['warning', { maximum: 4 }] } },
      { rules: { 'objective-max-krs': ['warning', { max: -1 }] } },
      { status: { onTrack: 2 } },
      { rule: {} },
    ];
    for (const config of bad) assert.equal(validate(config), false, JSON.stringify(config));
  });

  it('keeps the view names the end-to-end tests look for, and a title VS Code shows once', () => {
    // A lone view's title is "CONTAINER: VIEW" unless both are the same ("OKR: OKR PROGRESS" before).
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].title, 'OKR Progress');
    assert.equal(pkg.contributes.views.okr[0].name, 'OKR Progress');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.deepEqual(pkg.activationEvents, ['onLanguage:okr', 'workspaceContains:**/*.okr']);
  });

  it('offers New OKR File in File > New File…, titled so the palette does not read "OKR: New OKR File"', () => {
    const command = pkg.contributes.commands.find((c: { command: string }) => c.command === 'okr.newFile');
    assert.equal(`${command.category ? `${command.category}: ` : ''}${command.title}`, 'New OKR File');
    assert.deepEqual(pkg.contributes.menus['file/newFile'].map((m: { command: string }) => m.command), ['okr.newFile']);
    const [major, minor] = String(pkg.engines.vscode).replace(/^\^/, '').split('.').map(Number);
    assert.ok(major > 1 || minor >= 54, 'file/newFile exists since VS Code 1.54');
  });

  it('describes the settings in plain sentences: thresholds as fractions, the as-of date and its empty default', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['okr.today'].markdownDescription, 'Compute progress as of this date (`YYYY-MM-DD`). Empty: today.');
    for (const key of ['okr.status.onTrack', 'okr.status.atRisk']) assert.match(props[key].markdownDescription, /as a fraction: `0\.\d\d` = \d+ percentage points\./, key);
    assert.match(props['okr.status.atRisk'].markdownDescription, /Further behind is \*\*off track\*\*\. Set it at or above `#okr\.status\.onTrack#`\./);
  });

  it('the empty view links the walkthrough, and its title bar hides what needs .okr files', () => {
    const [welcome] = pkg.contributes.viewsWelcome;
    const link = /\[[^\]]+\]\(command:workbench\.action\.openWalkthrough\?([^)]+)\)/.exec(welcome.contents);
    assert.ok(link, welcome.contents);
    const [id] = JSON.parse(decodeURIComponent(link[1]));
    assert.equal(id, `${pkg.publisher}.${pkg.name}#${pkg.contributes.walkthroughs[0].id}`);
    const titleBar = pkg.contributes.menus['view/title'] as Array<{ command: string; when: string }>;
    for (const command of ['okr.filterTree', 'okr.showAlignment', 'okr.exportReport']) {
      assert.match(titleBar.find((m) => m.command === command)!.when, /!okr\.noFiles\b/, command);
    }
    assert.doesNotMatch(titleBar.find((m) => m.command === 'okr.refreshTree')!.when, /noFiles/, 'Refresh stays');
  });

  it('indents after an objective or a kr line on Enter, and not after a baseline', () => {
    const indentRule = config.onEnterRules.find((r: { action: { indent: string } }) => r.action.indent === 'indent');
    const before = regex(indentRule.beforeText);
    assert.ok(before.test('  kr Reduce churn from 5% to 3% by 2026-06-30'));
    assert.ok(before.test('objective Grow'));
    assert.ok(before.test('  KR Grow'));
    assert.equal(before.test('    baseline 5% on 2026-03-31'), false);
    assert.equal(before.test('  krr typo'), false);
    assert.ok(regex(config.indentationRules.increaseIndentPattern).test('  kr Grow'));
  });

  it('outdents on Enter on a blank line below a KR body line, and only there', () => {
    const rule = config.onEnterRules.find((r: { action: { indent: string } }) => r.action.indent === 'outdent');
    assert.ok(rule, 'an outdent rule');
    const [blank, above] = [regex(rule.beforeText), regex(rule.previousLineText)];
    assert.ok(blank.test('') && blank.test('    '));
    assert.equal(blank.test('    checkin 2026-05-15 $17M'), false, 'Enter after a body line stays in the body');
    assert.ok(above.test('    target 60% by 2026-06-30'));
    assert.equal(above.test('  why Because'), false, 'a blank line below an objective line keeps its level');
    assert.equal(above.test(''), false);
  });

  it('treats values as single words for double-click and completion', () => {
    const word = new RegExp(config.wordPattern, 'g');
    assert.deepEqual('checkin 2026-05-01 $19.4M on-track 1,200'.match(word), ['checkin', '2026-05-01', '$19.4M', 'on-track', '1,200']);
  });

  it('contributes no static snippets: the server offers block snippets only where they fit', () => {
    assert.equal(pkg.contributes.snippets, undefined);
  });
});

// End to end: what a person sees in VS Code (code-server + Debian chromium) with the packaged
// extension installed, on the accounts-receivable sample. The steps run in order on one page;
// each leaves a screenshot in test-results/e2e/ (and in docs/images/ for `npm run screenshots`).
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  AS_OF, ensureCodeServer, installExtension, launchChromium, makeWorkspace, openWorkbench, repoRoot, startCodeServer,
  workbenchUrl, type CodeServer,
} from '../integration/codeServer';
import {
  expandAll, goTo, widenSideBar, lineTexts, openFile, openViewContainer, problemCounts, renderedLines, runCommand, showHover,
  squiggles, statusBarTexts, tokenColor, treeRows,
} from './workbench';

const SAMPLE = 'accounts-receivable.okr';
const SAMPLE_LINES = readFileSync(join(repoRoot, 'samples', SAMPLE), 'utf8').split(/\r?\n/);

/** The 1-based line of the sample that holds `needle` (the steps move the cursor by what a line says). */
function sampleLine(needle: string): number {
  const index = SAMPLE_LINES.findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `${needle} is in samples/${SAMPLE}`);
  return index + 1;
}
const VSIX = process.env.OKR_VSIX ?? join(repoRoot, 'okr-as-code.vsix');
/** OKR_E2E_DEV=1 loads the extension from the working tree instead of the .vsix (quicker while iterating). */
const FROM_WORKING_TREE = process.env.OKR_E2E_DEV === '1';
const SHOTS = join(repoRoot, 'test-results', 'e2e');
/** `npm run screenshots` sets this to docs/images: the README's pictures come from this run. */
const README_IMAGES = process.env.OKR_README_IMAGES;

suite('VS Code end to end: the accounts-receivable sample', function () {
  this.timeout(120_000);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stateDir: string;

  async function screenshot(name: string, forReadme = false): Promise<void> {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, animations: 'disabled' });
    if (forReadme && README_IMAGES) {
      mkdirSync(README_IMAGES, { recursive: true });
      cpSync(path, join(README_IMAGES, `${name}.png`));
    }
  }

  suiteSetup(async function () {
    this.timeout(600_000); // the first run installs code-server (about two minutes)
    if (!FROM_WORKING_TREE && !existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
    mkdirSync(SHOTS, { recursive: true });
    const { codeServerBin, chromiumPath } = await ensureCodeServer();
    stateDir = mkdtempSync(join(tmpdir(), 'okr-e2e-'));
    const workspace = makeWorkspace(stateDir);
    const options = {
      codeServerBin, stateDir,
      // okr.today is fixed in the workspace settings, so percentages are the same every day.
      settings: { 'editor.minimap.enabled': false, 'workbench.reduceMotion': 'on', 'workbench.colorTheme': 'Default Light Modern' },
    };
    if (!FROM_WORKING_TREE) await installExtension(options, VSIX);
    server = await startCodeServer(options);
    browser = await launchChromium(chromiumPath);
    const url = workbenchUrl(server, workspace);
    page = await openWorkbench(browser, FROM_WORKING_TREE ? `${url}&payload=${encodeURIComponent(JSON.stringify(
      [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${repoRoot}`]]))}` : url);
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({ path: join(SHOTS, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    }
  });

  suiteTeardown(async () => {
    await browser?.close();
    await server?.stop();
    // OKR_E2E_KEEP=1 keeps code-server's logs and the workspace for a look after a failure.
    if (stateDir && process.env.OKR_E2E_KEEP !== '1') rmSync(stateDir, { recursive: true, force: true });
    else if (stateDir) console.log(`state kept in ${stateDir}`);
  });

  test('colours tokens by kind', async () => {
    await openFile(page, SAMPLE);
    // TextMate tokenizes in the background: wait until the keyword is a token of its own.
    await page.locator('.view-line span span', { hasText: /^objective$/ }).first().waitFor();
    const lines = await renderedLines(page);
    const plain = tokenColor(lines, 'objective Strategically', 'Strategically reduce dollars');
    const keyword = tokenColor(lines, 'objective Strategically', 'objective');
    const comment = tokenColor(lines, '# Accounts Receivable', '# Accounts Receivable');
    const date = tokenColor(lines, 'baseline $24M on 2026-03-31', '2026-03-31');
    const status = tokenColor(lines, 'checkin 2026-05-01', 'at-risk');
    const kinds = { plain, keyword, comment, date };
    assert.equal(new Set(Object.values(kinds)).size, 4, `keywords, comments, dates and text differ: ${JSON.stringify(kinds)}`);
    // The default light theme paints constants (statuses) and keywords alike; they still stand out from text.
    assert.notEqual(status, plain, 'statuses are coloured');
    // Free prose reads as text, not as a string (Default Light Modern paints strings red).
    const prose = tokenColor(lines, 'kr Reduce total dollars', 'Reduce total dollars');
    const why = tokenColor(lines, 'why Invoices past', 'Invoices past');
    const task = tokenColor(lines, 'task Call the biggest', 'Call the biggest');
    const done = tokenColor(lines, 'task [x] Weekly report', 'Weekly report');
    assert.deepEqual({ why, task, done }, { why: prose, task: prose, done: prose }, 'why and task text are coloured like a KR\'s text');
    await screenshot('01-highlighting', true);
  });

  test('squiggles the vague KR and counts it in Problems', async () => {
    await page.locator('.view-overlays [class*="squiggly-"]').first().waitFor();
    const marks = await squiggles(page);
    const vague = marks.find((mark) => mark.line.includes('kr Improve customer satisfaction'));
    assert.ok(vague, `a squiggle on the vague KR: ${JSON.stringify(marks)}`);
    assert.ok(marks.some((mark) => mark.line.includes('kr Reduce AR>90 days by 40%')), `a squiggle on the AR KR: ${JSON.stringify(marks)}`);
    assert.ok(!marks.some((mark) => mark.line.includes('kr Reduce total dollars')), 'no squiggle on the well-formed KR');
    const counts = await problemCounts(page);
    assert.ok(counts.errors + counts.warnings + counts.infos >= 2, `Problems counts them: ${JSON.stringify(counts)}`);
    // Hovering the squiggle shows the coaching message with its rule.
    await goTo(page, sampleLine('kr Improve customer satisfaction'), 8);
    const hover = await showHover(page, 'kr-vague');
    assert.match(await hover.innerText(), /vague/i);
    await screenshot('02-diagnostics', true);
    await page.keyboard.press('Escape');
  });

  test('hovers a KR with its progress bar', async () => {
    await goTo(page, sampleLine('kr Reduce total dollars'), 8);
    const hover = await showHover(page, '38%');
    const text = await hover.innerText();
    assert.match(text, /38%/, 'progress of $24M → $19.4M toward $12M');
    assert.match(text, /[█▓▒░■□▰▱━─]{5,}|progress/i, `a progress bar: ${text}`);
    assert.match(text, /\$24M/);
    assert.match(text, /\$12M/);
    await screenshot('03-hover', true);
    await page.keyboard.press('Escape');
  });

  test('Ctrl+. rewrites the AR KR into an explicit from-to KR and its finding goes', async () => {
    await goTo(page, sampleLine('kr Reduce AR>90'), 15);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget .monaco-list-row');
    await menu.first().waitFor();
    const titles = await menu.allInnerTexts();
    assert.ok(titles.some((title) => /Rewrite .*from \$7\.5M to \$4\.5M/.test(title)), JSON.stringify(titles));
    await screenshot('04-quick-fix', true);
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: 'past due from $7.5M to $4.5M by 2026-08-30' }).first().waitFor();
    const texts = await lineTexts(page);
    assert.ok(!texts.some((line) => line.includes('AR>90 days by 40%')), 'the vague sentence is gone');
    assert.ok(texts.some((line) => /^ {4}target \$4\.5M by 2026-08-30$/.test(line)), `a target line: ${JSON.stringify(texts)}`);
    // The Problems panel follows the server's re-check: the ambiguous-metric finding leaves it.
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await problems.first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'kr-ambiguous-metric' }).first().waitFor({ state: 'detached' });
    assert.ok(await problems.filter({ hasText: 'kr-vague' }).count() > 0, 'the vague KR is still listed');
    await screenshot('05-rewritten', true);
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  });

  test('shows the tree of objectives and KRs with percentages and status icons', async () => {
    await openViewContainer(page, 'OKR');
    // Wide enough for whole KR titles with their percentages.
    await widenSideBar(page, 860);
    // A container with a single view hides the view's own header: attached is enough.
    await page.locator('.pane-header[aria-label*="OKR Progress"]').waitFor({ state: 'attached' });
    await expandAll(page, 'OKR Progress');
    await page.locator('.monaco-list-row', { hasText: 'Reduce total dollars' }).first().waitFor();
    const rows = await treeRows(page, 'OKR Progress');
    const kr = rows.find((row) => row.label.includes('Reduce total dollars'));
    assert.ok(kr, `the first KR is in the tree: ${JSON.stringify(rows)}`);
    assert.match(kr.description, /38%/);
    assert.ok(rows.some((row) => row.label.includes('Strategically reduce dollars')), 'the objective is in the tree');
    assert.ok(rows.filter((row) => /codicon-/.test(row.icon)).length >= 3, `status icons: ${JSON.stringify(rows.map((r) => r.icon))}`);
    await screenshot('06-tree', true);
  });

  test('updates the tree as a check-in is typed', async () => {
    await goTo(page, sampleLine('checkin 2026-05-01 $19.4M'), 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`checkin ${AS_OF} $17M on-track`);
    await page.keyboard.press('Escape');
    // (24 - 17) / (24 - 12) = 58%, without saving the file.
    await page.locator('.monaco-list-row', { hasText: 'Reduce total dollars' }).locator('.label-description', { hasText: '58%' }).waitFor();
    const texts = await lineTexts(page);
    assert.ok(texts.some((line) => /^\s+checkin 2026-05-15 \$17M on-track$/.test(line)), `the typed check-in: ${JSON.stringify(texts)}`);
    // Completion may have opened after the last word: close it for the picture.
    await page.keyboard.press('Escape');
    await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
    await screenshot('07-tree-after-checkin', true);
  });

  test('shows the file\'s progress in the status bar, the same as its row in the tree', async () => {
    const texts = await statusBarTexts(page);
    const item = texts.find((text) => /^\S.* · \d+% · \d+ at risk$/.test(text));
    assert.ok(item, `an OKR status-bar item like "Q2 · 62% · 2 at risk": ${JSON.stringify(texts)}`);
    const file = (await treeRows(page, 'OKR Progress')).find((row) => row.label === 'Accounts Receivable');
    assert.ok(file, 'the file\'s row (its team) in the tree');
    const percent = /^\d+%/.exec(file.description)?.[0];
    assert.ok(percent && item.includes(` · ${percent} · `), `status bar "${item}" agrees with the tree "${file.description}"`);
    await screenshot('08-status-bar');
  });

  test('charts a KR\'s check-ins against the expected line in a panel beside the editor', async () => {
    // The side bar closed, so the editor and the chart share the window.
    await page.keyboard.press('Control+B');
    await goTo(page, sampleLine('kr Reduce total dollars'), 5);
    await runCommand(page, 'OKR: Show Progress Chart');
    const chart = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await chart.locator('svg.okr-chart').first().waitFor();
    assert.equal(await chart.locator('h1').textContent(), 'Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30');
    assert.equal(await chart.locator('svg.okr-chart circle.marker').count(), 3, 'one marker per check-in, the typed one included');
    assert.equal(await chart.locator('svg.okr-chart .expected').count(), 1, 'the expected line');
    // The theme's colour reaches the chart: the actual line is drawn in the theme's blue, not black.
    const stroke = await chart.locator('svg.okr-chart .actual').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(el).stroke);
    assert.match(stroke, /^rgb\(/);
    assert.notEqual(stroke, 'rgb(0, 0, 0)');
    await page.locator('.tab.active[aria-label*="Progress: Reduce total dollars"]').waitFor();
    await screenshot('09-progress-chart', true);
  });

  test('shows the alignment tree: company objectives on top, the team objectives that contribute below', async () => {
    await page.keyboard.press('Control+B');
    await openViewContainer(page, 'OKR');
    await runCommand(page, 'OKR: Show Alignment Across Files');
    // Only the Alignment mode has a "Not aligned" group; company objectives with contributors open expanded.
    await page.locator('.monaco-list-row', { hasText: 'Not aligned' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Strategically reduce dollars' }).first().waitFor();
    const rows = await treeRows(page, 'OKR Progress');
    const company = rows.findIndex((row) => row.label.includes('Turn revenue into cash faster'));
    const team = rows.findIndex((row) => row.label.includes('Strategically reduce dollars'));
    assert.ok(company >= 0 && team > company, `the team objective sits under the company one: ${JSON.stringify(rows.map((r) => r.label))}`);
    await screenshot('11-alignment', true);
    await runCommand(page, 'OKR: Show Progress by File');
  });
});


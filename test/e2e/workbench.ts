// What a person does and sees in the VS Code workbench, as playwright-core calls and DOM reads.
// Every wait is for something to appear in the page (never a fixed sleep).
import type { Locator, Page } from 'playwright-core';
import type { PageElement } from './dom';

export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(name);
  // Pressing Enter before the file is listed opens nothing.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.monaco-editor .view-line').first().waitFor();
}

/** Moves the cursor with Go to Line (`Ctrl+G`, `line:column`, 1-based). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.monaco-editor textarea.inputarea').focus();
}

export interface RenderedLine {
  top: number;
  text: string;
  /** Each token span's text with its computed colour. */
  tokens: Array<{ text: string; color: string }>;
}

/** The editor's visible lines in order, with the colour of each token. */
export async function renderedLines(page: Page): Promise<RenderedLine[]> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((elements: PageElement[]) =>
    elements.map((element) => ({
      top: parseFloat(element.style.top),
      text: (element.textContent ?? '').replace(/\u00a0/g, ' '),
      tokens: Array.from(element.querySelectorAll(':scope > span > span')).map((span) => ({
        text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
        color: (globalThis as unknown as { getComputedStyle(e: PageElement): { color: string } }).getComputedStyle(span).color,
      })),
    })));
  return lines.sort((a, b) => a.top - b.top);
}

export async function lineTexts(page: Page): Promise<string[]> {
  return (await renderedLines(page)).map((line) => line.text);
}

/** The colour of the first token whose text starts with `text` on a line that contains `lineNeedle`. */
export function tokenColor(lines: RenderedLine[], lineNeedle: string, text: string): string {
  const line = lines.find((candidate) => candidate.text.includes(lineNeedle));
  if (!line) throw new Error(`no visible line contains ${JSON.stringify(lineNeedle)}`);
  const token = line.tokens.find((candidate) => candidate.text.trim().startsWith(text));
  if (!token) {
    throw new Error(`no token ${JSON.stringify(text)} on line ${JSON.stringify(line.text)}: ` +
      JSON.stringify(line.tokens.map((t) => t.text)));
  }
  return token.color;
}

export interface Squiggle {
  severity: 'error' | 'warning' | 'info' | 'hint';
  line: string;
}

/** The squiggles drawn in the editor, each with the text of the line it sits on. */
export async function squiggles(page: Page): Promise<Squiggle[]> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const lines = await renderedLines(page);
  const marks = await editor.locator('.view-overlays [class*="squiggly-"]').evaluateAll((elements: PageElement[]) =>
    elements.map((element) => ({
      className: element.className,
      top: parseFloat(element.parentElement?.style.top ?? ''),
    })));
  return marks.map((mark) => {
    const severity = (/squiggly-(error|warning|info|hint)/.exec(mark.className)?.[1] ?? 'hint') as Squiggle['severity'];
    return { severity, line: lines.find((line) => line.top === mark.top)?.text ?? `(line at ${mark.top}px)` };
  });
}

type ProblemCounts = { errors: number; warnings: number; infos: number };

function parseProblems(label: string): ProblemCounts {
  const count = (word: string) => Number(new RegExp(`${word}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

const PROBLEMS = '#status\\.problems a, #status\\.problems';

/** The Problems entry of the status bar, read from its accessible label ("Errors: 0, Warnings: 3, Infos: 1"). */
export async function problemCounts(page: Page): Promise<ProblemCounts> {
  return parseProblems(await page.locator(PROBLEMS).first().getAttribute('aria-label') ?? '');
}

export async function statusBarTexts(page: Page): Promise<string[]> {
  return page.locator('.statusbar-item').evaluateAll((items: PageElement[]) =>
    items.map((item) => item.innerText.trim()).filter((text) => text.length > 0));
}

/** Shows the hover at the cursor (`Ctrl+K Ctrl+I`) and returns the hover that contains `expected`. */
export async function showHover(page: Page, expected: string | RegExp): Promise<Locator> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover-content', { hasText: expected }).first();
  await hover.waitFor();
  return hover;
}

/** Opens the activity-bar container with this title and returns its tree rows' locator. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = page.locator(`.activitybar a[aria-label^="${title}"], .activitybar li[aria-label^="${title}"]`).first();
  await item.waitFor();
  const selected = await page.locator(`.activitybar li.checked a[aria-label^="${title}"], .activitybar li.checked[aria-label^="${title}"]`).count();
  if (selected === 0) await item.click();
}

export interface TreeRow {
  label: string;
  description: string;
  icon: string;
  level: number;
  expanded: string | null;
}

export async function treeRows(page: Page, viewTitle: string): Promise<TreeRow[]> {
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label*="${viewTitle}"]`) });
  return pane.locator('.monaco-list-row').evaluateAll((rows: PageElement[]) => rows.map((row) => ({
    label: row.querySelector('.label-name')?.textContent ?? '',
    description: row.querySelector('.label-description')?.textContent ?? '',
    icon: row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '',
    level: Number(row.getAttribute('aria-level') ?? 0),
    expanded: row.getAttribute('aria-expanded'),
  })));
}

/** Expands every collapsed row of the view, level by level (trees render their children lazily). */
export async function expandAll(page: Page, viewTitle: string): Promise<void> {
  const pane = page.locator('.pane', { has: page.locator(`.pane-header[aria-label*="${viewTitle}"]`) });
  for (let round = 0; round < 200; round++) {
    const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]').first();
    if (await collapsed.count() === 0) return;
    const label = await collapsed.getAttribute('aria-label');
    await collapsed.locator('.monaco-tl-twistie').click();
    // A refresh of the view (a file indexed, a setting read) can redraw the row collapsed again:
    // then the next round finds it collapsed and clicks it again.
    await pane.locator(`.monaco-list-row[aria-expanded="true"][aria-label="${(label ?? '').replace(/"/g, '\\"')}"]`).first()
      .waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  throw new Error(`${viewTitle}: rows still collapsed after 200 rounds of expanding`);
}

/** Drags the sash on the side bar's right edge so the side bar is about `width` pixels wide. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 2) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the Command Palette by its title (`OKR: Show Progress Chart`). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

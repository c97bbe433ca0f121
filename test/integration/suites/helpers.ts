// Helpers for the integration suite: everything goes through the public `vscode` API, and every
// wait is for an event (with a deadline that turns a hang into a clear failure).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Matches `okr.today` in the workspace settings that codeServer.ts makeWorkspace() writes. */
export const AS_OF = '2026-05-15';
const WAIT_MS = 20_000;

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace folder holding copies of samples/');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Resolves when the diagnostics of `uri` satisfy `ready` (checked now and on every change). */
export function waitForDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics'): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ready(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.path}; last seen: ${JSON.stringify(seen)}`));
    }, WAIT_MS);
    check();
  });
}

/** Resolves with the next diagnostics published for `uri` after `action` runs. */
export async function diagnosticsAfter(uri: vscode.Uri, action: () => Thenable<unknown>): Promise<vscode.Diagnostic[]> {
  const next = new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no diagnostics were published for ${uri.path} after the edit`));
    }, WAIT_MS);
  });
  await action();
  return next;
}

/** Opens a sample in an editor and waits until the server has checked it (any rule from `expectRules`). */
export async function openSample(name: string, expectRules: string[]): Promise<{ doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceUri(name);
  const waiting = waitForDiagnostics(uri, (ds) => expectRules.every((rule) => ds.some((d) => ruleOf(d) === rule)),
    `rules ${expectRules.join(', ')}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return { doc, diagnostics: await waiting };
}

/** Opens an untitled-like scratch `.okr` file with this text (a real file, so the server indexes it). */
export async function openScratch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the `occurrence`-th match of `needle` (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = doc.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `${JSON.stringify(needle)} (occurrence ${i + 1}) is in ${doc.uri.path}`);
  }
  return doc.positionAt(index + offset);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

/** Replaces the whole document (unsaved) and waits for the server's next diagnostics. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<vscode.Diagnostic[]> {
  return diagnosticsAfter(doc.uri, async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** Answers each prompt from what it shows (its prompt text and placeholder). */
export type Answerer = (shown: { prompt: string; placeholder?: string; value?: string; hint?: string }) => string | undefined;

/** The first example a placeholder gives: "like 62%" → 62%; "a number …, such as 62%, $1.2M or 45 days" → 62%. */
function firstExample(placeholder: string): string {
  return /(?:^like |such as )(.+?)(?:,| or |$)/.exec(placeholder)?.[1] ?? placeholder;
}

/** Accepts a prefilled answer, else types the box's own (first) example, else picks the first item. */
export const typeTheExample: Answerer = (shown) => shown.value || (shown.placeholder === undefined ? undefined : firstExample(shown.placeholder));

/**
 * Answers the input boxes and quick picks that the next command shows, in order, then restores
 * them. The tests module shares the extension's `vscode` API object (both live under the
 * extension's folder), so the extension's calls land here.
 */
export async function answeringPrompts<T>(answers: Array<string | undefined> | Answerer, run: () => Thenable<T>): Promise<{ result: T; prompts: string[]; warnings: string[] }> {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const originalInput = window.showInputBox;
  const originalPick = window.showQuickPick;
  const originalWarning = window.showWarningMessage;
  const prompts: string[] = [];
  // The warnings the boxes showed under the answers they took (as `prompt: warning`).
  const warnings: string[] = [];
  const queue = typeof answers === 'function' ? [] : [...answers];
  // `hint` is the box's or the pick's own placeholder text (a pick's `placeholder` is its first item).
  const next = (prompt: string, placeholder?: string, value?: string, hint?: string) => {
    prompts.push(prompt);
    if (typeof answers === 'function') return answers({ prompt, placeholder, value, hint });
    if (queue.length === 0) throw new Error(`unexpected prompt ${JSON.stringify(prompt)}: no answer left`);
    return queue.shift();
  };
  window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    const answer = next(options?.prompt ?? options?.title ?? options?.placeHolder ?? 'input box', options?.placeHolder, options?.value, options?.placeHolder);
    if (answer !== undefined && options?.validateInput) {
      const shown = await options.validateInput(answer);
      // A warning (severity Warning or Info) lets the answer through, as the input box does.
      const problem = typeof shown === 'string' ? shown : shown && shown.severity === vscode.InputBoxValidationSeverity.Error ? shown.message : undefined;
      if (problem) throw new Error(`the input box refused ${JSON.stringify(answer)}: ${JSON.stringify(problem)}`);
      if (shown && typeof shown === 'object' && shown.severity === vscode.InputBoxValidationSeverity.Warning) warnings.push(`${prompts[prompts.length - 1]}: ${shown.message}`);
    }
    return answer;
  }) as typeof window.showInputBox;
  window.showQuickPick = (async (items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>,
    options?: vscode.QuickPickOptions) => {
    const list = await items;
    const label = (item: string | vscode.QuickPickItem) => (typeof item === 'string' ? item : item.label);
    const answer = next(options?.title ?? options?.placeHolder ?? 'quick pick', list.length ? label(list[0]) : undefined, undefined, options?.placeHolder);
    if (answer === undefined) return undefined;
    const chosen = list.find((item) => label(item) === answer) ?? list.find((item) => label(item).includes(answer));
    if (!chosen) throw new Error(`no quick pick item ${JSON.stringify(answer)} in ${JSON.stringify(list.map(label))}`);
    return options?.canPickMany ? [chosen] : chosen;
  }) as typeof window.showQuickPick;
  // A modal warning ("Write the check-in anyway?") is a prompt too; the answer is the button's title.
  window.showWarningMessage = ((message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null && 'modal' in rest[0] ? rest.shift() as vscode.MessageOptions : undefined;
    if (!options?.modal) return (originalWarning as (...args: unknown[]) => Thenable<unknown>)(message, ...rest);
    const buttons = rest.map((b) => (typeof b === 'string' ? b : (b as vscode.MessageItem).title));
    const answer = next(message, buttons[0]);
    return Promise.resolve(answer === undefined ? undefined : rest[buttons.indexOf(answer)]);
  }) as typeof window.showWarningMessage;
  try {
    const result = await run();
    return { result, prompts, warnings };
  } finally {
    window.showInputBox = originalInput;
    window.showQuickPick = originalPick;
    window.showWarningMessage = originalWarning;
  }
}

// The commands: Check In…, Export Progress Report, New OKR File, tree actions, and the
// input boxes a fix asks through when it needs answers (the AR rewrite without a baseline).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkInDateProblem, checkInValueProblem, checkInValueWarning } from '../../server/src/engine/checkin';
import type { ComputedStatus } from '../../server/src/engine/progress/types';
import { fileNameProblem, newFileName, newFileTemplate, withOkrExtension } from '../../server/src/engine/template';
import {
  AnswerWarningRequest, type AnswerWarningResult, CheckInContextRequest, CheckInEditRequest, FixAllRequest, FixWithAnswersRequest, ReportRequest,
  type CheckInContextResult, type CheckInEditParams, type CheckInEditResult, type FixAllResult, type FixWithAnswersResult,
  type FixWithInputArgs, type ReportResult,
} from '../../server/src/lsp/protocol';
import type { Node, ProgressTree } from './tree';
import { folderLabel } from './new-file-location';
import { FILTER_STATUSES, REPORTED_STATUSES, statusPickLabel } from './status-words';
import { filterDescription, filterMessage } from './tree-filter';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, tree: ProgressTree, view: vscode.TreeView<Node>): void {
  const running = (): LanguageClient | undefined => {
    const c = client();
    if (!c || !c.isRunning()) {
      void vscode.window.showWarningMessage('The OKR language server is not running yet.');
      return undefined;
    }
    return c;
  };
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('okr.revealRange', async (uri: string, range: Range) => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
    const target = toRange(range);
    editor.selection = new vscode.Selection(target.start, target.start);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });

  register('okr.refreshTree', () => tree.refresh());

  // The active filter shows in the view's description, with a Clear Filter button beside it. It
  // stays on across the view's modes (by file, Alignment); both ask the server with it.
  const showFilter = () => {
    view.description = filterDescription(tree.statuses);
    view.message = filterMessage(tree.statuses, false);
    void vscode.commands.executeCommand('setContext', 'okr.treeFiltered', tree.statuses.length > 0);
    tree.refresh();
  };
  // The message follows the rows loaded: it says so when the filter leaves nothing to show.
  context.subscriptions.push(tree.onDidShowRoots(({ statuses, nothingShown, noFiles }) => {
    view.message = filterMessage(statuses, nothingShown);
    void vscode.commands.executeCommand('setContext', 'okr.noFiles', noFiles);
  }));

  register('okr.filterTree', async () => {
    // The tree's words and icons; the server is sent the protocol tokens.
    const picked = await vscode.window.showQuickPick(
      FILTER_STATUSES.map((status) => ({ label: statusPickLabel(status), status, picked: tree.statuses.includes(status) })),
      { canPickMany: true, title: 'Filter by Status', placeHolder: 'Show key results that are… (pick none to show everything)' },
    );
    if (!picked) return;
    tree.statuses = picked.map((p): ComputedStatus => p.status);
    showFilter();
  });

  register('okr.clearTreeFilter', () => {
    tree.statuses = [];
    showFilter();
  });

  register('okr.exportReport', async () => {
    const c = running();
    if (!c) return;
    const open = vscode.workspace.textDocuments.some((d) => d.languageId === 'okr');
    if (!open && (await vscode.workspace.findFiles('**/*.okr', undefined, 1)).length === 0) {
      void vscode.window.showInformationMessage('No .okr files to report on.');
      return;
    }
    const result = await c.sendRequest<ReportResult>(ReportRequest, {});
    // The report as it reads (no \$ or \_ escapes), its Markdown source in a tab of its own to copy or save.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  });

  register('okr.newFile', async (folder?: vscode.Uri) => {
    const today = localToday();
    const content = newFileTemplate(today);
    const target = folder instanceof vscode.Uri ? folder : vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0].uri : undefined;
    if (!target) {
      const document = await vscode.workspace.openTextDocument({ language: 'okr', content });
      walkthroughDone('fileCreated');
      await withPlaceholders(await vscode.window.showTextDocument(document, { preview: false }), content);
      return;
    }
    const suggested = newFileName(today);
    const exists = async (name: string) => vscode.workspace.fs.stat(vscode.Uri.joinPath(target, withOkrExtension(name))).then(() => true, () => false);
    const name = await vscode.window.showInputBox({
      title: 'New OKR File',
      prompt: `File name in ${folderLabel(target.path, (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, path: f.uri.path })))}`,
      value: suggested,
      valueSelection: [0, suggested.length - '.okr'.length],
      ignoreFocusOut: true,
      validateInput: async (v) => fileNameProblem(v) ?? ((await exists(v)) ? `${withOkrExtension(v)} already exists in that folder.` : undefined),
    });
    if (name === undefined) return;
    const uri = vscode.Uri.joinPath(target, withOkrExtension(name));
    if (await exists(name)) {
      void vscode.window.showWarningMessage(`${withOkrExtension(name)} already exists in that folder.`);
      await vscode.window.showTextDocument(uri);
      return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    walkthroughDone('fileCreated');
    // A tab of its own (not the italic preview a next click replaces), with Tab through the team and owner.
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    await withPlaceholders(editor, content);
  });

  // The editor is checked before the server: clicked on the Welcome page before any .okr file
  // was opened, the command says what to open rather than that the server is still starting.
  register('okr.checkIn', async (node?: Node) => {
    let uri: string;
    let position: { line: number; character: number };
    if (node && typeof node === 'object' && 'kind' in node && node.kind === 'kr') {
      uri = node.uri;
      position = node.kr.range.start;
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'okr') {
        void vscode.window.showWarningMessage('Open a .okr file and put the cursor on a key result to check in.');
        return;
      }
      uri = editor.document.uri.toString();
      position = { line: editor.selection.active.line, character: editor.selection.active.character };
    }
    const c = running();
    if (!c) return;
    const kr = await c.sendRequest<CheckInContextResult | null>(CheckInContextRequest, { uri, position });
    if (!kr) {
      void vscode.window.showWarningMessage('Put the cursor on a key result (its kr line or the lines under it) to check in.');
      return;
    }
    const facts = kr.facts;
    const unit = facts.milestone ? 'a milestone: done' : facts.unitLabel ? `in ${facts.unitLabel}` : 'a number with its unit';
    const last = facts.lastValue ? ` · last ${facts.lastValue}${facts.lastDate ? ` on ${facts.lastDate}` : ''}` : '';
    const value = await vscode.window.showInputBox({
      // A short title that fits one line; the KR (however long) goes in the prompt.
      title: 'Check In (1/4): Value',
      prompt: `${kr.title}: current value, ${unit}${last}`,
      placeHolder: facts.milestone ? 'done' : facts.lastValue && facts.lastValue !== 'done' ? `like ${facts.lastValue}` : 'like 64%, $18.2M or 45 days',
      value: facts.milestone ? 'done' : '',
      ignoreFocusOut: true,
      // Checked as it is typed: the value and its unit against the KR (the engine's own check);
      // a likely slip ("17" after $19.4M) is a warning that Enter still accepts.
      validateInput: (v) => checkInValueProblem(v, facts) ?? asWarning(checkInValueWarning(v, facts)),
    });
    if (value === undefined) return;
    const date = await vscode.window.showInputBox({
      title: 'Check In (2/4): Date',
      // No closing parenthesis: VS Code appends its own "(Press 'Enter' to confirm…)".
      prompt: 'Date of the check-in, as YYYY-MM-DD',
      value: kr.today,
      ignoreFocusOut: true,
      validateInput: (v) => {
        const problem = checkInDateProblem(v, facts, kr.today);
        return problem.error ?? asWarning(problem.warning);
      },
    });
    if (date === undefined) return;
    const warning = checkInDateProblem(date, facts, kr.today).warning;
    if (warning) {
      const go = await vscode.window.showWarningMessage(`${warning} Write the check-in anyway?`, { modal: true }, 'Write Check-In');
      if (go !== 'Write Check-In') return;
    }
    // "No status" first: Enter on the optional pick records no call of your own. Escape still
    // cancels the whole check-in (VS Code's convention); the placeholders say how to skip.
    const statusPick = await vscode.window.showQuickPick(
      [
        { label: 'No status', description: 'leave the call to the numbers', status: undefined },
        ...REPORTED_STATUSES.map((r) => ({ label: statusPickLabel(r.status), description: r.description, status: r.status })),
      ],
      { title: 'Check In (3/4): Your Call (Optional)', placeHolder: 'Your call on the key result. Press Enter to skip.', ignoreFocusOut: true },
    );
    if (!statusPick) return;
    const note = await vscode.window.showInputBox({
      title: 'Check In (4/4): Note (Optional)', prompt: 'What happened since the last check-in?', placeHolder: 'Press Enter to skip', ignoreFocusOut: true,
    });
    if (note === undefined) return;
    const params: CheckInEditParams = {
      uri, position, value, date: date.trim(),
      ...(statusPick.status ? { status: statusPick.status } : {}),
      ...(note.trim() ? { note } : {}),
    };
    const result = await c.sendRequest<CheckInEditResult>(CheckInEditRequest, params);
    if (!result.edit) {
      void vscode.window.showErrorMessage(result.error ?? 'The check-in could not be added.');
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(vscode.Uri.parse(uri), toRange(result.edit.range), result.edit.newText);
    if (await vscode.workspace.applyEdit(edit)) walkthroughDone('checkedIn');
  });

  register('okr.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'okr') {
      void vscode.window.showWarningMessage('Open a .okr file to fix its problems.');
      return;
    }
    const c = running();
    if (!c) return;
    const uri = editor.document.uri;
    const result = await c.sendRequest<FixAllResult>(FixAllRequest, { uri: uri.toString() });
    if (result.edits.length) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits) edit.replace(uri, toRange(e.range), e.newText);
      if (await vscode.workspace.applyEdit(edit) && result.applied) walkthroughDone('fixed');
    }
    const asking = result.needsAnswers ? ` ${result.needsAnswers} more need${result.needsAnswers === 1 ? 's' : ''} an answer from you (Ctrl+. on ${result.needsAnswers === 1 ? 'it' : 'them'}).` : '';
    void vscode.window.showInformationMessage(result.applied ? `Fixed ${result.applied} problem${result.applied === 1 ? '' : 's'}.${asking}` : `Nothing to fix automatically.${asking}`);
  });

  register('okr.showRuleDocumentation', async (rule: string, url: string) => {
    // The docs ship in the extension: shown offline, rendered; the web page only when missing.
    const local = /^[a-z0-9-]+$/.test(String(rule)) ? vscode.Uri.file(context.asAbsolutePath(`docs/rules/${rule}.md`)) : undefined;
    if (local) {
      try {
        await vscode.workspace.fs.stat(local);
        // Beside the editor (or the walkthrough) it was asked from, not in its place.
        await vscode.commands.executeCommand('markdown.showPreviewToSide', local);
        return;
      } catch {
        // fall through to the web page
      }
    }
    if (typeof url === 'string' && url.startsWith('https://')) await vscode.env.openExternal(vscode.Uri.parse(url));
  });

  register('okr.applyFixWithInput', async (args: FixWithInputArgs) => {
    const c = running();
    if (!c || !args) return;
    const answers: Record<string, string> = {};
    for (const input of args.inputs) {
      // A question that only matters for some answers (points or percent, for a percentage baseline).
      if (input.askIf && !safeRegExp(input.askIf.pattern)?.test(answers[input.askIf.name] ?? '')) continue;
      if (input.choices?.length) {
        const picked = await vscode.window.showQuickPick(input.choices.map((c) => ({ label: c.label, detail: c.detail, value: c.value })), { title: args.title, placeHolder: input.prompt, ignoreFocusOut: true });
        if (!picked) return;
        answers[input.name] = picked.value;
        continue;
      }
      const pattern = input.pattern ? safeRegExp(input.pattern) : undefined;
      const answer = await vscode.window.showInputBox({
        title: args.title,
        prompt: input.prompt,
        placeHolder: input.placeholder,
        value: input.value,
        ignoreFocusOut: true,
        // An outcome that itself reads as a task or vague gets a warning (the server reads it); Enter still writes it.
        validateInput: async (v) => (!v.trim() ? 'An answer is needed.' : pattern && !pattern.test(v.trim()) ? `Expected ${input.placeholder ?? 'a value such as 62%, $1.2M or 45 days'}.`
          : input.warn ? asWarning((await c.sendRequest<AnswerWarningResult>(AnswerWarningRequest, { warn: input.warn, answer: v })).message ?? undefined) : undefined),
      });
      if (answer === undefined) return;
      answers[input.name] = answer.trim();
    }
    const result = await c.sendRequest<FixWithAnswersResult>(FixWithAnswersRequest, { uri: args.uri, diagnostic: args.diagnostic, title: args.title, answers });
    if (!result.edits) {
      void vscode.window.showErrorMessage(result.error ?? 'The fix could not be applied.');
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(vscode.Uri.parse(args.uri), toRange(e.range), e.newText);
    if (await vscode.workspace.applyEdit(edit)) walkthroughDone('fixed');
  });
}

/** A message shown under an input box that does not stop Enter. */
function asWarning(message: string | undefined): vscode.InputBoxValidationMessage | undefined {
  return message ? { message, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
}

/**
 * Ticks a Getting Started step (its `onContext:okr.walkthrough.*` completion event) only when
 * the step's action happened: a command that only warned ("Open a .okr file…") ticks nothing.
 */
function walkthroughDone(step: 'fileCreated' | 'fixed' | 'checkedIn'): void {
  void vscode.commands.executeCommand('setContext', `okr.walkthrough.${step}`, true);
}

/** The template's "Your team" and "Your name" as tab stops; the text stays byte for byte the template. */
const PLACEHOLDERS = ['Your team', 'Your name'];

async function withPlaceholders(editor: vscode.TextEditor, content: string): Promise<void> {
  if (editor.document.getText() !== content) return;
  const snippet = new vscode.SnippetString();
  let rest = content;
  for (const placeholder of PLACEHOLDERS) {
    const at = rest.indexOf(placeholder);
    if (at < 0) continue;
    snippet.appendText(rest.slice(0, at)).appendPlaceholder(placeholder);
    rest = rest.slice(at + placeholder.length);
  }
  snippet.appendText(rest);
  const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(content.length));
  await editor.insertSnippet(snippet, whole, { undoStopBefore: false, undoStopAfter: false, keepWhitespace: true });
  // Same text as on disk: saved, so closing the tab asks nothing.
  if (!editor.document.isUntitled && editor.document.getText() === content) await editor.document.save();
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Today as the engine sees it: the `okr.today` setting (tests, demos), else the local date. */
function localToday(): string {
  const configured = vscode.workspace.getConfiguration('okr').get<string>('today');
  if (configured && /^\d{4}-\d{2}-\d{2}$/.test(configured)) return configured;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

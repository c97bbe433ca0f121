// The quarter's story in the editor: the progress chart panel and the Close Period command.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VSCODE_CHART_CSS } from '../../server/src/engine/chart/styles';
import { escapeXml } from '../../server/src/engine/chart/escape';
import { nextFileName, parsePeriod } from '../../server/src/engine/close';
import {
  ChartRequest, ClosePlanRequest, CloseContextRequest,
  type ChartResult, type CloseContextResult, type ClosePlanResult,
} from '../../server/src/lsp/protocol';
import type { Node } from './tree';

type Running = () => LanguageClient | undefined;

/** What the chart command shows, handed back for tests and other extensions. */
export interface ChartShown {
  title: string;
  charts: number;
  html: string;
}

/** The target of a command: a tree row, a (uri, line) pair, or the active editor's cursor. */
function targetOf(node: unknown, line: unknown): { uri: string; line?: number } | undefined {
  if (typeof node === 'string') return { uri: node, ...(typeof line === 'number' ? { line } : {}) };
  const n = node as Node | undefined;
  if (n && typeof n === 'object' && 'kind' in n) {
    if (n.kind === 'kr') return { uri: n.uri, line: n.kr.range.start.line };
    if (n.kind === 'objective') return { uri: n.uri, line: n.objective.range.start.line };
    if (n.kind === 'file') return { uri: n.file.uri };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'okr') return undefined;
  return { uri: editor.document.uri.toString(), line: editor.selection.active.line };
}

export function registerStoryCommands(context: vscode.ExtensionContext, running: Running): void {
  let panel: vscode.WebviewPanel | undefined;

  context.subscriptions.push(vscode.commands.registerCommand('okr.showProgressChart', async (node?: unknown, line?: unknown): Promise<ChartShown | undefined> => {
    const c = running();
    if (!c) return undefined;
    const target = targetOf(node, line);
    if (!target) {
      void vscode.window.showWarningMessage('Open a .okr file and put the cursor on a key result or an objective to see its progress chart.');
      return undefined;
    }
    const content = await c.sendRequest<ChartResult>(ChartRequest, target);
    if (!content) {
      void vscode.window.showWarningMessage('There is nothing to chart here: the file was not found or has no key results.');
      return undefined;
    }
    const title = `Progress: ${content.title.length > 40 ? `${content.title.slice(0, 39)}…` : content.title}`;
    if (!panel) {
      // No scripts: the page is plain HTML and SVG, so it works the same in untrusted workspaces.
      panel = vscode.window.createWebviewPanel('okr.progressChart', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false, localResourceRoots: [], enableFindWidget: true,
      });
      panel.onDidDispose(() => (panel = undefined), null, context.subscriptions);
    }
    panel.title = title;
    const html = chartPage(content, panel.webview.cspSource);
    panel.webview.html = html;
    panel.reveal(vscode.ViewColumn.Beside, true);
    return { title: content.title, charts: content.charts.length, html };
  }));

  context.subscriptions.push(vscode.commands.registerCommand('okr.closePeriod', async (node?: unknown) => {
    const c = running();
    if (!c) return;
    const target = targetOf(node, undefined);
    if (!target) {
      void vscode.window.showWarningMessage('Open the .okr file of the period to close.');
      return;
    }
    const uri = vscode.Uri.parse(target.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const ctx = await c.sendRequest<CloseContextResult | null>(CloseContextRequest, { uri: target.uri });
    if (!ctx) {
      void vscode.window.showWarningMessage("This file has no 'period' line: there is no period to close.");
      return;
    }
    // Before the period's last day: scores would be read off figures still moving; ask first.
    if (ctx.earlyWarning) {
      const go = await vscode.window.showWarningMessage(`${ctx.earlyWarning} Close it anyway?`, { modal: true, detail: scoresLine(ctx.toScore) }, 'Close Anyway');
      if (go !== 'Close Anyway') return;
    }
    const next = await vscode.window.showInputBox({
      // Short titles; what closing writes and creates goes in the prompt.
      title: 'Close Period (1/2)',
      prompt: `Closing ${ctx.period} ${scoresLine(ctx.toScore, true)} The next period, to start after ${ctx.periodEnd}; ${ctx.suggestedNext} goes in a new file, ${ctx.suggestedFile}`,
      value: ctx.suggestedNext,
      ignoreFocusOut: true,
      validateInput: (v) => {
        const p = parsePeriod(v);
        if (!p) return 'Write a period like 2026-Q3, 2026-H2, 2027 or 2026-07-01 to 2026-09-30.';
        return p.start <= ctx.periodEnd ? `The next period must start after ${ctx.periodEnd}.` : undefined;
      },
    });
    if (next === undefined) return;
    const nextLabel = parsePeriod(next)?.label ?? next.trim();
    const nextFile = nextFileName(decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1)), ctx.period, nextLabel);
    const picks = await vscode.window.showQuickPick(
      ctx.krs.map((k) => ({ label: k.title, description: k.description, picked: k.unfinished, line: k.line })),
      { title: 'Close Period (2/2)', canPickMany: true, ignoreFocusOut: true, placeHolder: `Carry which key results into ${nextFile}? Unfinished ones are picked; pick none to start empty.` },
    );
    if (picks === undefined) return;
    const plan = await c.sendRequest<ClosePlanResult>(ClosePlanRequest, { uri: target.uri, next, carry: picks.map((p) => p.line) });
    if (!plan.nextUri || plan.nextText === undefined) {
      void vscode.window.showErrorMessage(plan.error ?? 'The period could not be closed.');
      return;
    }
    const nextUri = vscode.Uri.parse(plan.nextUri);
    try {
      await vscode.workspace.fs.stat(nextUri);
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(nextUri)} already exists; nothing was changed (it is never overwritten).`);
      return;
    } catch {
      // does not exist: good
    }
    // One workspace edit: the scores and the new file land together, and one undo takes both back.
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.scoreEdits ?? []) {
      edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    edit.createFile(nextUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.nextText) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('The period could not be closed: the edit was refused.');
      return;
    }
    await vscode.window.showTextDocument(nextUri, { preview: false });
    const scored = plan.scoreEdits?.length ?? 0;
    void vscode.window.showInformationMessage(`Closed ${ctx.period}: ${scored} score${scored === 1 ? '' : 's'} written, ${picks.length} key result${picks.length === 1 ? '' : 's'} carried into ${vscode.workspace.asRelativePath(nextUri)}.`);
  }));
}

/** "Writes 2 scores into this file: Reduce days… 0.5, Increase… 0.7." (`lower`: after "Closing 2026-Q1"). */
function scoresLine(toScore: CloseContextResult['toScore'], lower = false): string {
  const verb = lower ? 'writes' : 'Writes';
  if (!toScore.length) return `${verb} no scores: every key result has one or has no figures to score.`;
  // Cut at a word: the titles only jog the memory, the file shows them whole.
  const short = (t: string) => (t.length > 32 ? `${t.slice(0, 32).replace(/\s+\S*$/, '')}…` : t);
  const list = toScore.map((k) => `${short(k.title)} ${k.score}`).join(', ');
  return `${verb} ${toScore.length} score${toScore.length === 1 ? '' : 's'} into this file: ${list}.`;
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The panel's page: theme colours through VS Code's CSS variables, a strict policy, no scripts. */
function chartPage(content: NonNullable<ChartResult>, cspSource: string): string {
  const n = nonce();
  // A panel about one KR has the KR as its heading already.
  const single = content.charts.length === 1 && content.charts[0].title === content.title;
  const cards = content.charts.map((c) => `<section class="card">${single ? '' : `<h2>${escapeXml(c.title)}</h2>`}<p class="summary ${c.status}">${escapeXml(c.summary)}</p>${c.svg}</section>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; img-src ${cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${VSCODE_CHART_CSS}
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 0 1rem 1rem; }
h1 { font-size: 1.3em; font-weight: 600; }
h2 { font-size: 1em; margin: 0 0 0.2rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr)); gap: 1rem; }
.card { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-radius: 4px; padding: 0.75rem; }
.summary { color: var(--vscode-descriptionForeground); margin: 0 0 0.5rem; }
.card svg { width: 100%; max-width: 720px; height: auto; }
.legend { color: var(--vscode-descriptionForeground); }
.vscode-high-contrast .okr-chart .actual { stroke-width: 3; }
.vscode-high-contrast .okr-chart .expected, .vscode-high-contrast .okr-chart .target { stroke-width: 2; }
</style>
</head>
<body>
<h1>${escapeXml(content.title)}</h1>
<p class="legend">Solid line: check-ins · dashed: the expected line from baseline to target · dotted: the target · dots: the owner's call (green on track, yellow at risk, red off track).</p>
<div class="cards">${cards || '<p>No key results yet.</p>'}</div>
</body>
</html>`;
}

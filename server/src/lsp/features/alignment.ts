// Editor features of alignment across files: go to definition, find references, rename, document
// links, hover on an id, workspace symbols and completion after `aligns`. All of them read the
// engine's workspace model (open documents as edited, the other files as on disk).
import {
  CodeActionKind, CompletionItemKind, ErrorCodes, MarkupKind, ResponseError, SymbolKind,
  type CodeAction, type CompletionItem, type Diagnostic as LspDiagnostic, type DocumentLink, type Hover, type Location, type Position, type SymbolInformation, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { escapeMarkdown } from '../../engine/markdown';
import type { Diagnostic as EngineDiagnostic } from '../../engine/model/types';
import { sameRange } from '../convert';
import type { ProgressOptions } from '../../engine/progress/types';
import { percentText, statusText } from '../../engine/tree';
import { fileLabel, type AlignNode, type Workspace } from '../../engine/workspace/model';
import { renameEdits } from '../../engine/workspace/rename';
import { RollUp } from '../../engine/workspace/rollup';
import { bar } from './hover';

const location = (node: AlignNode): Location => ({ uri: node.uri, range: node.id?.range ?? node.range });

/** On an `aligns` id: where that id is defined. On an `id`: itself. */
export function definition(ws: Workspace, uri: string, position: Position): Location[] {
  const at = ws.slugAt(uri, position);
  if (!at) return [];
  return ws.definitionsOf(at.slug).map(location);
}

/** Every `aligns` of the id under the cursor, across files (and the `id` itself when asked). */
export function references(ws: Workspace, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const at = ws.slugAt(uri, position);
  if (!at) return [];
  const out = includeDeclaration ? ws.definitionsOf(at.slug).map(location) : [];
  for (const { node, ref } of ws.references(at.slug)) out.push({ uri: node.uri, range: ref.range });
  return out;
}

const NOT_AN_ID = "Only an id can be renamed: put the cursor on the id after 'id' or 'aligns'.";

export function prepareRename(ws: Workspace, uri: string, position: Position): { range: Location['range']; placeholder: string } | ResponseError<void> {
  const at = ws.slugAt(uri, position);
  if (!at) return new ResponseError(ErrorCodes.InvalidRequest, NOT_AN_ID);
  return { range: at.range, placeholder: at.slug };
}

export function rename(ws: Workspace, uri: string, position: Position, newName: string): WorkspaceEdit | ResponseError<void> {
  const at = ws.slugAt(uri, position);
  if (!at) return new ResponseError(ErrorCodes.InvalidRequest, NOT_AN_ID);
  const result = renameEdits(ws, at.slug, newName.trim());
  if ('error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of result.edits) (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
  return { changes };
}

/** Each `aligns` id links to the objective or KR it names (the file, at its line). */
export function documentLinks(ws: Workspace, uri: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const node of ws.nodesOf(uri)) {
    for (const ref of node.aligns) {
      const target = ws.target(ref.slug);
      if (!target) continue;
      const line = target.range.start.line + 1;
      out.push({ range: ref.range, target: `${target.uri}#L${line}`, tooltip: `${target.title} (${fileLabel(target.uri)}:${line})` });
    }
  }
  return out;
}

/** Hover on an id: the objective or KR it names, with its rolled-up progress and status. */
export function alignmentHover(ws: Workspace, uri: string, position: Position, options: ProgressOptions): Hover | null {
  const at = ws.slugAt(uri, position);
  if (!at) return null;
  const target = ws.target(at.slug);
  if (!target) {
    return { contents: { kind: MarkupKind.Markdown, value: `No objective or KR has the id \`${at.slug}\`.` }, range: at.range };
  }
  const rollUp = new RollUp(ws, options);
  const rolled = rollUp.of(target);
  const what = target.kind === 'objective' ? 'Objective' : 'Key result';
  const meta = [`${fileLabel(target.uri)}:${target.range.start.line + 1}`, target.doc.team?.text, target.doc.period?.label].filter(Boolean).map((s) => escapeMarkdown(s!)).join(' · ');
  const lines = [
    `**${at.role === 'aligns' ? 'Aligns to' : 'Id of'}** ${what.toLowerCase()} \`${at.slug}\` · ${statusText(rolled.status)}`, '',
    escapeMarkdown(target.title), '',
    `${bar(rolled.progress)} **${percentText(rolled.progress)}** rolled up`, '',
    `- **Own key results:** ${percentText(rolled.own.progress)} · ${statusText(rolled.own.status)}`,
  ];
  if (rolled.contributed) lines.push(`- **Contributors (${rolled.contributed.count}):** ${percentText(rolled.contributed.progress)} · ${statusText(rolled.contributed.status)}`);
  lines.push(`- ${meta}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: at.range };
}

/** `#` search: objectives and KRs of every file whose title or id contains the query. */
export function workspaceSymbols(ws: Workspace, query: string, limit = 500): SymbolInformation[] {
  const wanted = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const node of ws.nodes) {
    if (wanted && !node.title.toLowerCase().includes(wanted) && !node.id?.slug.includes(wanted)) continue;
    out.push({
      name: node.title || (node.kind === 'objective' ? '(objective)' : '(key result)'),
      kind: node.kind === 'objective' ? SymbolKind.Module : SymbolKind.Field,
      location: { uri: node.uri, range: node.range },
      containerName: [node.id?.slug, node.kind === 'kr' ? node.objective.title : node.doc.team?.text].filter(Boolean).join(' · '),
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** After `aligns `: the known ids, each with its title and file; undefined when the cursor is elsewhere. */
export function alignsCompletion(ws: Workspace, uri: string, lineText: string, position: Position): CompletionItem[] | undefined {
  const prefix = lineText.slice(0, position.character);
  const m = /^[ \t\ufeff]*aligns[ \t]+([a-z0-9-]*)$/i.exec(prefix);
  if (!m) return undefined;
  const self = ws.nodeAtLine(uri, position.line);
  const range = { start: { line: position.line, character: position.character - m[1].length }, end: position };
  const items: CompletionItem[] = [];
  for (const slug of ws.ids()) {
    const target = ws.target(slug)!;
    if (target === self) continue;
    const file = `${fileLabel(target.uri)}:${target.range.start.line + 1}`;
    items.push({
      label: slug,
      kind: target.kind === 'objective' ? CompletionItemKind.Module : CompletionItemKind.Field,
      detail: target.title,
      labelDetails: { description: file },
      documentation: `${target.kind === 'objective' ? 'Objective' : 'Key result'} in ${file}${target.doc.team ? ` (${target.doc.team.text})` : ''}`,
      filterText: `${slug} ${target.title}`,
      textEdit: { range, newText: slug },
    });
  }
  return items;
}

/**
 * "Change to 'keep-customers'" for an unknown id with a close known one. Offered as a quick fix only,
 * never in "Fix all" or `okr fix`: it is a guess for a person to accept.
 */
export function spellingFixes(engineDiagnostics: EngineDiagnostic[], clientDiagnostics: LspDiagnostic[], uri: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const client of clientDiagnostics) {
    if (client.code !== 'aligns-unknown') continue;
    const found = engineDiagnostics.find((d) => d.rule === 'aligns-unknown' && sameRange(d.range, client.range));
    const suggestion = (found?.data as { suggestion?: string } | undefined)?.suggestion;
    if (!found || !suggestion) continue;
    actions.push({
      title: `Change to '${suggestion}'`, kind: CodeActionKind.QuickFix, diagnostics: [client], isPreferred: true,
      edit: { changes: { [uri]: [{ range: found.range, newText: suggestion }] } },
    });
  }
  return actions;
}

// Quick fixes bound to their diagnostics, the rule's own actions (turn it off in .okrrc.json,
// read its documentation), and "Fix all" as a source action computed only when chosen.
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { Analysis } from '../../engine/analyze';
import { disableRuleInConfig } from '../../engine/config-edit';
import { fixAll, type FixAllOutcome } from '../../engine/fixes/fix-all';
import type { Diagnostic } from '../../engine/model/types';
import { fixesFor, mayHaveFix, type RuleRunInput } from '../../engine/rules';
import type { Fix } from '../../engine/rules/types';
import { ruleDocUrl, SOURCE, sameRange } from '../convert';
import { FixWithInputCommand, type FixWithInputArgs } from '../protocol';
import { filePath, type Analyzed } from '../state';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.okr`;

export function runInput(analysis: Analysis): RuleRunInput {
  return { text: analysis.text, doc: analysis.doc, progress: analysis.progress, config: analysis.config, asOf: analysis.asOf };
}

/** The engine's diagnostic a client diagnostic stands for (same rule, range and message). */
export function engineDiagnostic(analysis: Analysis, d: Pick<LspDiagnostic, 'range' | 'code' | 'message'>): Diagnostic | undefined {
  return analysis.diagnostics.find((e) => e.rule === d.code && sameRange(e.range, d.range) && e.message === d.message)
    ?? analysis.diagnostics.find((e) => e.rule === d.code && sameRange(e.range, d.range));
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** What a lazily computed action carries until `codeAction/resolve` computes its edit. */
export type LazyActionData = { lazy: 'fixAll'; uri: string } | { lazy: 'disableRule'; uri: string; rule: string };

export const ShowRuleDocumentationCommand = 'okr.showRuleDocumentation';
export const CheckInCommand = 'okr.checkIn';

export function codeActions(state: Analyzed, params: CodeActionParams): CodeAction[] {
  const { analysis } = state;
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    const help: CodeAction[] = [];
    for (const client of params.context.diagnostics) {
      if (client.source !== SOURCE || typeof client.code !== 'string') continue;
      const diagnostic = engineDiagnostic(analysis, client);
      if (!diagnostic) continue;
      for (const fix of safeFixes(analysis, diagnostic)) actions.push(quickFix(uri, state.version, client, diagnostic, fix));
      if (diagnostic.rule === 'checkin-stale') actions.push(checkInAction(uri, client));
      if (diagnostic.rule === 'syntax' || diagnostic.rule === 'config' || rulesSeen.has(diagnostic.rule)) continue;
      rulesSeen.add(diagnostic.rule);
      help.push(...ruleActions(uri, client, diagnostic.rule));
    }
    // The rule's own actions after every fix: fixing comes first.
    actions.push(...help);
  }
  if (wants(only, FIX_ALL_KIND) && (only?.length || analysis.diagnostics.some(mayHaveFix))) {
    // Computed only when chosen (codeAction/resolve): a light-bulb request must stay cheap.
    const data: LazyActionData = { lazy: 'fixAll', uri };
    actions.push({ title: 'Fix all auto-fixable OKR problems in file', kind: FIX_ALL_KIND, data });
  }
  return actions;
}

/** "Disable rule … in .okrrc.json" (edit computed on resolve) and "Show documentation for rule …". */
function ruleActions(uri: string, client: LspDiagnostic, rule: string): CodeAction[] {
  const actions: CodeAction[] = [];
  if (filePath(uri)) {
    const data: LazyActionData = { lazy: 'disableRule', uri, rule };
    actions.push({ title: `Disable rule '${rule}' in .okrrc.json`, kind: CodeActionKind.QuickFix, diagnostics: [client], data });
  }
  const title = `Show documentation for rule '${rule}'`;
  actions.push({
    title, kind: CodeActionKind.QuickFix, diagnostics: [client],
    command: { title, command: ShowRuleDocumentationCommand, arguments: [rule, ruleDocUrl(rule)] },
  });
  return actions;
}

/**
 * "Check in…" on a stale KR: the client's Check In command, given the KR the way the OKR Progress
 * view gives it (a KR node: its document and where its line starts).
 */
function checkInAction(uri: string, client: LspDiagnostic): CodeAction {
  const title = 'Check in…';
  const kr = { kind: 'kr', uri, kr: { range: { start: client.range.start, end: client.range.start } } };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [client], command: { title, command: CheckInCommand, arguments: [kr] } };
}

function safeFixes(analysis: Analysis, diagnostic: Diagnostic, answers?: Record<string, string>): Fix[] {
  try {
    return fixesFor(runInput(analysis), diagnostic, answers);
  } catch (error) {
    console.error(`fixes for ${diagnostic.rule} failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

function quickFix(uri: string, version: number, client: LspDiagnostic, diagnostic: Diagnostic, fix: Fix): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [client] };
  if (fix.isPreferred) action.isPreferred = true;
  if (fix.needsInput?.length) {
    // The input boxes carry the short title; the light bulb the full one.
    const args: FixWithInputArgs = { uri, version, diagnostic, title: fix.inputTitle ?? fix.title, inputs: fix.needsInput };
    action.command = { title: fix.title, command: FixWithInputCommand, arguments: [args] };
  } else {
    action.edit = { changes: { [uri]: fix.edits } };
  }
  return action;
}

/** The engine's fix-all on the document as it is now (the same result as `okr fix`). */
export function fixAllOf(state: Analyzed): FixAllOutcome {
  const { analysis } = state;
  return fixAll(analysis.text, { asOf: analysis.asOf, config: analysis.config, analysis });
}

export interface ConfigFileAccess {
  /** The `.okrrc.json` that applies to a document, if any. */
  configFile(uri: string): string | undefined;
  /** Where a new `.okrrc.json` goes for a document (its workspace folder, else its folder). */
  newConfigFile(uri: string): string | undefined;
  readText(path: string): string | undefined;
}

/** Fills in the edit of a lazy action: fix-all, or turning a rule off in `.okrrc.json`. */
export function resolveCodeAction(action: CodeAction, analyzedFor: (uri: string) => Analyzed | undefined, files: ConfigFileAccess): CodeAction {
  const data = action.data as LazyActionData | undefined;
  if (data?.lazy === 'fixAll') {
    const state = analyzedFor(data.uri);
    if (state) action.edit = { changes: { [data.uri]: fixAllOf(state).edits } };
    return action;
  }
  if (data?.lazy === 'disableRule' && typeof data.rule === 'string') {
    const existing = files.configFile(data.uri);
    const path = existing ?? files.newConfigFile(data.uri);
    if (!path) return action;
    const before = existing ? files.readText(existing) : undefined;
    if (existing && before === undefined) return action;
    const after = disableRuleInConfig(before, data.rule);
    if (after === undefined) return action;
    const configUri = pathToFileURL(path).href;
    action.edit = existing
      ? { changes: { [configUri]: [{ range: { start: { line: 0, character: 0 }, end: endOf(before ?? '') }, newText: after }] } }
      : {
          documentChanges: [
            { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
            { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after }] },
          ],
        };
  }
  return action;
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Answers a fix that needed input: the same fix, computed again with the person's answers. */
export function fixWithAnswers(state: Analyzed, diagnostic: Diagnostic, title: string, answers: Record<string, string>) {
  const current = engineDiagnostic(state.analysis, { code: diagnostic.rule, range: diagnostic.range, message: diagnostic.message });
  if (!current) return { error: 'The document changed and this problem is gone.' };
  const fixes = safeFixes(state.analysis, current, answers);
  const fix = fixes.find((f) => (f.title === title || f.inputTitle === title) && !f.needsInput?.length && f.edits.length)
    ?? fixes.find((f) => !f.needsInput?.length && f.edits.length);
  if (!fix) {
    const still = fixes.find((f) => f.needsInput?.length);
    return { error: still ? `The answers did not fit: ${still.needsInput!.map((i) => i.prompt).join('; ')}` : 'This fix no longer applies.' };
  }
  return { edits: fix.edits };
}

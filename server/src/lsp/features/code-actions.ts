// Quick fixes bound to their diagnostics, and "Fix all" as a source action.
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit,
} from 'vscode-languageserver/node';
import type { Analysis } from '../../engine/analyze';
import type { Diagnostic } from '../../engine/model/types';
import { fixesFor, type RuleRunInput } from '../../engine/rules';
import type { Fix } from '../../engine/rules/types';
import { SOURCE, sameRange } from '../convert';
import { FixWithInputCommand, type FixWithInputArgs } from '../protocol';
import type { Analyzed } from '../state';

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

export function codeActions(state: Analyzed, params: CodeActionParams): CodeAction[] {
  const { analysis } = state;
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const client of params.context.diagnostics) {
      if (client.source !== SOURCE || typeof client.code !== 'string') continue;
      const diagnostic = engineDiagnostic(analysis, client);
      if (!diagnostic) continue;
      for (const fix of safeFixes(analysis, diagnostic)) actions.push(quickFix(uri, state.version, client, diagnostic, fix));
    }
  }
  if (wants(only, FIX_ALL_KIND) && (only?.length || analysis.diagnostics.length)) {
    const all = fixAll(analysis);
    if (all.length) {
      actions.push({ title: 'Fix all OKR problems in file', kind: FIX_ALL_KIND, edit: { changes: { [uri]: all } } });
    }
  }
  return actions;
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
    const args: FixWithInputArgs = { uri, version, diagnostic, title: fix.title, inputs: fix.needsInput };
    action.command = { title: fix.title, command: FixWithInputCommand, arguments: [args] };
  } else {
    action.edit = { changes: { [uri]: fix.edits } };
  }
  return action;
}

/** Every fix that needs no answer (the preferred one per diagnostic), minus any that would overlap another. */
export function fixAll(analysis: Analysis): TextEdit[] {
  const chosen: TextEdit[][] = [];
  for (const diagnostic of analysis.diagnostics) {
    const fixes = safeFixes(analysis, diagnostic).filter((f) => !f.needsInput?.length && f.edits.length > 0);
    const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
    if (fix) chosen.push(fix.edits);
  }
  const taken: TextEdit[] = [];
  for (const edits of chosen) {
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
  }
  return taken;
}

function offsetKey(p: { line: number; character: number }): number {
  return p.line * 1e7 + p.character;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [offsetKey(a.range.start), offsetKey(a.range.end), offsetKey(b.range.start), offsetKey(b.range.end)];
  if (as === ae && bs === be) return as === bs; // two insertions at one place: order would be ambiguous
  return as < be && bs < ae || (as === ae && as > bs && as < be) || (bs === be && bs > as && bs < ae);
}

/** Answers a fix that needed input: the same fix, computed again with the person's answers. */
export function fixWithAnswers(state: Analyzed, diagnostic: Diagnostic, title: string, answers: Record<string, string>) {
  const current = engineDiagnostic(state.analysis, { code: diagnostic.rule, range: diagnostic.range, message: diagnostic.message });
  if (!current) return { error: 'The document changed and this problem is gone.' };
  const fixes = safeFixes(state.analysis, current, answers);
  const fix = fixes.find((f) => f.title === title && !f.needsInput?.length && f.edits.length)
    ?? fixes.find((f) => !f.needsInput?.length && f.edits.length);
  if (!fix) {
    const still = fixes.find((f) => f.needsInput?.length);
    return { error: still ? `The answers did not fit: ${still.needsInput!.map((i) => i.prompt).join('; ')}` : 'This fix no longer applies.' };
  }
  return { edits: fix.edits };
}

// Engine values to protocol values.
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { Diagnostic, Range } from '../engine/model/types';
import type { Declined } from './state';

export const DOCS_BASE = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs';
export const SOURCE = 'okr';

export function ruleDocUrl(rule: string): string {
  if (rule === 'syntax') return `${DOCS_BASE}/language.md`;
  if (rule === 'config') return `${DOCS_BASE}/rules/README.md`;
  // Declined documents (too large, binary, not UTF-8): the promises are in reliability.md.
  if (rule === 'document-too-large' || rule === 'binary-file' || rule === 'not-utf8') return `${DOCS_BASE}/reliability.md`;
  return `${DOCS_BASE}/rules/${rule}.md`;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

/** What travels in `Diagnostic.data`: enough to find the engine's diagnostic again. */
export interface DiagnosticData {
  rule: string;
  version: number;
}

export function toLspDiagnostic(d: Diagnostic, uri: string, version: number): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.rule,
    codeDescription: { href: ruleDocUrl(d.rule) },
    source: SOURCE,
    message: d.message,
    data: { rule: d.rule, version } satisfies DiagnosticData,
  };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  if (d.tags?.length) out.tags = d.tags.map((t) => TAG[t]).filter((t) => t !== undefined);
  return out;
}

export function declinedDiagnostic(d: Declined): LspDiagnostic {
  return toLspDiagnostic(d.diagnostic, d.uri, d.version);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function contains(range: Range, line: number, character: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  if (line === range.start.line && character < range.start.character) return false;
  if (line === range.end.line && character > range.end.character) return false;
  return true;
}

export function linesOf(range: Range, line: number): boolean {
  return line >= range.start.line && line <= range.end.line;
}

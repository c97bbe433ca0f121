// `okr check`: every syntax error and coaching finding, as text or JSON.
import type { Diagnostic } from '../engine/model/types';
import type { FileAnalysis } from './analyze-files';
import { displayPath } from './files';
import { visible } from './visible';

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(results: FileAnalysis[]): CheckSummary {
  const summary: CheckSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const d of result.analysis?.diagnostics ?? []) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** `file:line:col severity message [rule]`, 1-based, then a summary line. */
export function formatCheckText(results: FileAnalysis[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const name = displayPath(result.file, cwd);
    for (const d of result.analysis?.diagnostics ?? []) {
      lines.push(visible(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.rule}]`));
    }
  }
  const s = summarise(results);
  const files = results.filter((r) => r.analysis).length;
  lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`);
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

export function formatCheckJson(results: FileAnalysis[], cwd: string): string {
  const files = results
    .filter((r) => r.analysis)
    .map((r) => ({ file: displayPath(r.file, cwd), diagnostics: (r.analysis?.diagnostics ?? []).map(jsonDiagnostic) }));
  return JSON.stringify({ files, summary: summarise(results) }, null, 2) + '\n';
}

function jsonDiagnostic(d: Diagnostic) {
  return { rule: d.rule, severity: d.severity, message: d.message, range: d.range };
}

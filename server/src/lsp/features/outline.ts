// Document symbols (objectives → KRs → tasks), folding ranges and inlay hints.
import {
  FoldingRangeKind, InlayHintKind, SymbolKind, type DocumentSymbol, type FoldingRange, type InlayHint, type Range,
} from 'vscode-languageserver/node';
import type { Task } from '../../engine/model/types';
import { describe, percentText } from '../../engine/tree';
import type { Analyzed } from '../state';

const named = (text: string, fallback: string) => (text.trim() ? text.trim() : fallback);

export function documentSymbols(state: Analyzed): DocumentSymbol[] {
  const { doc, progress } = state.analysis;
  const out: DocumentSymbol[] = [];
  if (doc.period) out.push({ name: `period ${doc.period.label}`, kind: SymbolKind.Constant, range: doc.period.range, selectionRange: doc.period.range });
  if (doc.team) out.push({ name: named(doc.team.text, 'team'), detail: 'team', kind: SymbolKind.Namespace, range: doc.team.range, selectionRange: doc.team.range });
  for (const o of progress.objectives) {
    const objective = o.objective;
    out.push({
      name: named(objective.title, '(objective without a title)'),
      detail: describe(o.progress, o.status),
      kind: SymbolKind.Module,
      range: objective.blockRange,
      selectionRange: inside(objective.titleRange, objective.blockRange) ? objective.titleRange : objective.range,
      children: [
        ...objective.tasks.map(taskSymbol),
        ...o.keyResults.map((k) => ({
          name: named(k.kr.text, '(KR without text)'),
          detail: describe(k.progress, k.status),
          kind: SymbolKind.Field,
          range: k.kr.blockRange,
          selectionRange: inside(k.kr.textRange, k.kr.blockRange) ? k.kr.textRange : k.kr.range,
          children: k.kr.tasks.map(taskSymbol),
        })),
      ],
    });
  }
  return out;
}

function taskSymbol(t: Task): DocumentSymbol {
  return { name: named(t.text, '(task)'), detail: t.done ? 'done' : 'to do', kind: SymbolKind.Event, range: t.range, selectionRange: t.range };
}

function inside(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function foldingRanges(state: Analyzed): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const o of state.analysis.doc.objectives) {
    if (o.blockRange.end.line > o.blockRange.start.line) out.push({ startLine: o.blockRange.start.line, endLine: o.blockRange.end.line });
    for (const k of o.keyResults) {
      if (k.blockRange.end.line > k.blockRange.start.line) out.push({ startLine: k.blockRange.start.line, endLine: k.blockRange.end.line });
    }
  }
  // Runs of two or more comment lines.
  let start = -1;
  state.lines.forEach((line, i) => {
    const comment = /^[ \t\ufeff]*#/.test(line);
    if (comment && start < 0) start = i;
    if (!comment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  });
  if (start >= 0 && state.lines.length - 1 > start) out.push({ startLine: start, endLine: state.lines.length - 1, kind: FoldingRangeKind.Comment });
  return out;
}

export function inlayHints(state: Analyzed, range: Range): InlayHint[] {
  const out: InlayHint[] = [];
  for (const o of state.analysis.progress.objectives) {
    for (const k of o.keyResults) {
      const line = k.kr.range.start.line;
      if (line < range.start.line || line > range.end.line) continue;
      const expected = k.expected === null ? '' : `expected ${percentText(k.expected)} today`;
      out.push({
        position: { line, character: state.lines[line]?.length ?? k.kr.range.end.character },
        label: describe(k.progress, k.status),
        kind: InlayHintKind.Type,
        paddingLeft: true,
        ...(expected ? { tooltip: expected } : {}),
      });
    }
  }
  return out;
}

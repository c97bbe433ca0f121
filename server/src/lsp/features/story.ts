// The quarter's story over LSP: chart data for the progress panel, and closing a period.
import type { Connection } from 'vscode-languageserver/node';
import { panelContent } from '../../engine/chart/panel';
import { isUnfinished, nextFileName, nextPeriod, parsePeriod, planClose } from '../../engine/close';
import { closeOutlook } from '../../engine/close/outlook';
import { percentText, statusText } from '../../engine/tree';
import * as P from '../protocol';
import { safe } from '../safe';
import type { ServerState } from '../state';
import type { WorkspaceIndex } from '../workspace-index';

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function registerStoryRequests(connection: Connection, state: ServerState, index: WorkspaceIndex): void {
  connection.onRequest(P.ChartRequest, safe(connection, 'chart', null, async (params: P.ChartParams): Promise<P.ChartResult> => {
    if (typeof params?.uri !== 'string') return null;
    const open = state.analyzed(params.uri);
    let source = open ? { doc: open.analysis.doc, progress: open.analysis.progress } : undefined;
    if (!source) {
      await index.ready();
      source = index.sources().find((s) => s.uri === params.uri);
    }
    if (!source) return null;
    const line = typeof params.line === 'number' ? params.line : undefined;
    return panelContent(source.doc, source.progress, line, fileName(params.uri));
  }));

  connection.onRequest(P.CloseContextRequest, safe(connection, 'close context', null, (params: P.CloseContextParams): P.CloseContextResult | null => {
    const analyzed = state.analyzed(params?.uri);
    const period = analyzed?.analysis.doc.period;
    if (!analyzed || !period) return null;
    const krs = analyzed.analysis.progress.objectives.flatMap((o) => o.keyResults.map((k) => ({
      line: k.kr.range.start.line,
      title: k.kr.text,
      description: `${percentText(k.progress)} · ${statusText(k.status)}${k.current ? ` · now ${k.current.raw}` : ''}`,
      unfinished: isUnfinished(k),
    })));
    const suggestedNext = nextPeriod(period);
    const { asOf, daysLeft, earlyWarning, toScore } = closeOutlook(analyzed.analysis);
    return {
      period: period.label, periodEnd: period.end, suggestedNext,
      suggestedFile: nextFileName(fileName(params.uri), period.label, suggestedNext),
      asOf, daysLeft, earlyWarning,
      toScore: toScore.map((k) => ({ line: k.line, title: k.title, score: k.score })),
      krs,
    };
  }));

  connection.onRequest(P.ClosePlanRequest, safe(connection, 'close plan', { error: 'The period could not be closed.' }, (params: P.ClosePlanParams): P.ClosePlanResult => {
    const analyzed = state.analyzed(params?.uri);
    const period = analyzed?.analysis.doc.period;
    if (!analyzed || !period) return { error: 'Open a .okr file that has a period to close it.' };
    const next = typeof params.next === 'string' ? parsePeriod(params.next) : undefined;
    if (!next) return { error: `'${String(params.next)}' is not a period: write 2026-Q3, 2026-H2, 2027 or 2026-07-01 to 2026-09-30.` };
    if (next.start <= period.end) return { error: `The next period (${next.label}) must start after ${period.label} ends (${period.end}).` };
    const carry = Array.isArray(params.carry) ? params.carry.filter((n): n is number => typeof n === 'number') : [];
    const name = fileName(params.uri);
    const plan = planClose(analyzed.analysis, { next: next.label, carry, fileName: name });
    const folder = params.uri.slice(0, params.uri.lastIndexOf('/') + 1);
    return { scoreEdits: plan.scoreEdits, nextUri: folder + encodeURIComponent(nextFileName(name, period.label, next.label)), nextText: plan.nextText };
  }));
}

// What the progress chart panel shows: one KR, an objective's KRs side by side, or a file's.
import type { OkrDocument } from '../model/types';
import { krHistory } from '../progress/history';
import { formatScore } from '../progress/score';
import type { DocumentProgress, KrProgress } from '../progress/types';
import { percentText, statusText } from '../tree';
import { krChartSvg } from './svg';

export interface PanelChart {
  title: string;
  line: number;
  /** `38% · expected 26% · on track` */
  summary: string;
  status: string;
  svg: string;
}

export interface PanelContent {
  /** What the panel is about: the KR, the objective or the file's team/period. */
  title: string;
  charts: PanelChart[];
}

/** The charts for the KR or objective at `line`, or for the whole document when `line` is on neither. */
export function panelContent(doc: OkrDocument, progress: DocumentProgress, line: number | undefined, fileLabel: string): PanelContent {
  for (const o of progress.objectives) {
    const block = o.objective.blockRange;
    if (line === undefined || line < block.start.line || line > block.end.line) continue;
    const kr = o.keyResults.find((k) => line >= k.kr.blockRange.start.line && line <= k.kr.blockRange.end.line);
    if (kr) return { title: kr.kr.text, charts: [chartOf(kr, doc, progress.asOf)] };
    return { title: o.objective.title, charts: o.keyResults.map((k) => chartOf(k, doc, progress.asOf)) };
  }
  const title = [doc.team?.text ?? fileLabel, doc.period?.label].filter(Boolean).join(' · ');
  return { title, charts: progress.objectives.flatMap((o) => o.keyResults.map((k) => chartOf(k, doc, progress.asOf))) };
}

function chartOf(k: KrProgress, doc: OkrDocument, asOf: string): PanelChart {
  const expected = k.expected === null ? '' : ` · expected ${percentText(k.expected)}`;
  const score = k.score !== undefined ? ` · score ${formatScore(k.score)}` : '';
  return {
    title: k.kr.text,
    line: k.kr.range.start.line,
    summary: `${percentText(k.progress)}${expected} · ${statusText(k.status)}${score}`,
    status: k.status,
    svg: krChartSvg(krHistory(k, doc.period, asOf), k.kr.text),
  };
}

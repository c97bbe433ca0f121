// One KR's progress over time as a small SVG chart: the actual values (check-ins) against the
// expected line from baseline to target, the target, today, and the owner's reported statuses.
// The SVG carries classes only, never colours: the page that shows it styles them (the VS Code
// theme in the webview, a light/dark palette in the HTML report; see styles.ts).
import { dayNumber } from '../dates';
import type { KrHistory } from '../progress/history';
import { escapeXml } from './escape';

export interface ChartSize {
  width: number;
  height: number;
}

const PAD = { left: 64, right: 16, top: 14, bottom: 26 };

/** The chart of one KR's history; `label` names it for screen readers. */
export function krChartSvg(history: KrHistory, label: string, size: ChartSize = { width: 420, height: 180 }): string {
  const { width, height } = size;
  const inner = { w: width - PAD.left - PAD.right, h: height - PAD.top - PAD.bottom };
  const first = history.start ?? history.points[0]?.date ?? history.asOf;
  const lastPoint = history.points[history.points.length - 1]?.date;
  const last = [history.end, lastPoint].filter((d): d is string => !!d).sort().pop() ?? history.asOf;
  const x0 = dayNumber(first);
  const x1 = Math.max(dayNumber(last), x0 + 1);
  const milestone = history.kind === 'milestone';
  const amounts = milestone ? [0, 1] : [history.baseline?.amount, history.target?.amount, ...history.points.map((p) => p.amount)].filter((a): a is number => a !== undefined);
  let y0 = Math.min(...amounts, milestone ? 0 : Infinity);
  let y1 = Math.max(...amounts, milestone ? 1 : -Infinity);
  if (!Number.isFinite(y0) || !Number.isFinite(y1)) [y0, y1] = [0, 1];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const margin = (y1 - y0) * 0.08;
  [y0, y1] = [y0 - margin, y1 + margin];
  const x = (iso: string) => round(PAD.left + ((dayNumber(iso) - x0) / (x1 - x0)) * inner.w);
  const y = (amount: number) => round(PAD.top + (1 - (amount - y0) / (y1 - y0)) * inner.h);

  const parts: string[] = [];
  parts.push(`<rect class="plot" x="${PAD.left}" y="${PAD.top}" width="${inner.w}" height="${inner.h}"/>`);
  const base = milestone ? { raw: 'not done', amount: 0 } : history.baseline;
  const goal = milestone ? { raw: 'done', amount: 1 } : history.target;
  if (goal) {
    parts.push(`<line class="target" x1="${PAD.left}" y1="${y(goal.amount)}" x2="${PAD.left + inner.w}" y2="${y(goal.amount)}"/>`);
    parts.push(axisLabel(PAD.left - 6, y(goal.amount) + 4, 'end', `target ${goal.raw}`));
  }
  if (base) parts.push(axisLabel(PAD.left - 6, y(base.amount) + 4, 'end', base.raw));
  if (base && goal && history.start && history.end && !milestone && history.kind === 'metric') {
    parts.push(`<line class="expected" x1="${x(history.start)}" y1="${y(base.amount)}" x2="${x(history.end)}" y2="${y(goal.amount)}"><title>expected: ${escapeXml(base.raw)} on ${history.start} to ${escapeXml(goal.raw)} by ${history.end}</title></line>`);
  }
  if (history.asOf >= first && history.asOf <= last) {
    const tx = x(history.asOf);
    parts.push(`<line class="today" x1="${tx}" y1="${PAD.top}" x2="${tx}" y2="${PAD.top + inner.h}"/>`);
    parts.push(axisLabel(tx, PAD.top - 3, 'middle', 'today'));
  }
  const path: string[] = [];
  if (base && history.start && (history.points[0]?.date ?? '9999') >= history.start) path.push(`${x(history.start)},${y(base.amount)}`);
  for (const p of history.points) path.push(`${x(p.date)},${y(p.amount)}`);
  if (path.length > 1) parts.push(`<polyline class="actual" points="${path.join(' ')}"/>`);
  for (const p of history.points) {
    const status = p.reported ?? 'unreported';
    const tip = `${p.date}: ${p.raw}${p.progress !== null ? ` (${Math.round(p.progress * 100)}%)` : ''}${p.reported ? ` · ${p.reported}` : ''}${p.late ? ' · after the due date' : ''}`;
    parts.push(`<circle class="marker ${status}" cx="${x(p.date)}" cy="${y(p.amount)}" r="4"><title>${escapeXml(tip)}</title></circle>`);
  }
  parts.push(axisLabel(PAD.left, height - 8, 'start', first));
  parts.push(axisLabel(PAD.left + inner.w, height - 8, 'end', last));
  const summary = history.points.length
    ? `${label}: ${history.points.length} check-in${history.points.length === 1 ? '' : 's'}, latest ${history.points[history.points.length - 1].raw}`
    : `${label}: no check-ins yet`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="okr-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(summary)}"><title>${escapeXml(summary)}</title>${parts.join('')}</svg>`;
}

function axisLabel(x: number, y: number, anchor: 'start' | 'middle' | 'end', text: string): string {
  return `<text class="label" x="${x}" y="${y}" text-anchor="${anchor}">${escapeXml(shorten(text, 18))}</text>`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

// `okr report --status`: only the KRs in the picked statuses and the objectives and files that lead
// to them, by the view's rule (progress/status-filter.ts). Every figure is the unfiltered one, and the
// report says it is filtered.
import { StatusFilter } from '../progress/status-filter';
import type { ComputedStatus } from '../progress/types';
import { statusLabel, type Report, type ReportFile } from './build';

export function filterReport(report: Report, statuses: ComputedStatus[]): Report {
  const filter = new StatusFilter(statuses);
  if (!filter.active) return { ...report, statuses: [] };
  // A declined file stays: it has no progress to filter, and the reader must know it is missing.
  const files = report.files.flatMap((file): ReportFile[] => {
    if (file.declined) return [file];
    const objectives = file.objectives
      .map((o) => ({ ...o, keyResults: o.keyResults.filter((k) => filter.shows(k.status)) }))
      .filter((o) => filter.showsParent(o.status, o.keyResults.length));
    return objectives.length ? [{ ...file, objectives }] : [];
  });
  return { asOf: report.asOf, statuses: [...statuses], files };
}

/** True when a filter left no objective to show (declined files aside). */
export function nothingShown(report: Report): boolean {
  return !!report.statuses?.length && report.files.every((f) => f.objectives.length === 0);
}

/** `Filtered by status: at risk, off track (totals count every key result)`; null without a filter. */
export function filterLine(statuses: readonly ComputedStatus[] | undefined): string | null {
  if (!statuses?.length) return null;
  return `Filtered by status: ${statuses.map(statusLabel).join(', ')} (totals count every key result)`;
}

/** `No key result has the status at risk or off track.` */
export function nothingMatchesLine(statuses: readonly ComputedStatus[]): string {
  const names = statuses.map(statusLabel);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
  return `No key result has the status ${listed}.`;
}

// The progress tree the editor shows (period → file/team → objective → KR → task), built
// from parsed documents. Pure: the language server sends it as the `okr/tree` answer and
// the client draws it; docs/protocol.md documents the shape.
import { statusWords } from './progress/status-filter';
import { periodBounds } from './dates';
import type { OkrDocument, Range } from './model/types';
import type { ComputedStatus, DocumentProgress, KrProgress, ObjectiveProgress } from './progress/types';
import { weakest } from './progress';
import { StatusFilter } from './progress/status-filter';

export interface TreeTask {
  text: string;
  done: boolean;
  range: Range;
}

export interface TreeKr {
  title: string;
  range: Range;
  progress: number | null;
  expected: number | null;
  status: ComputedStatus;
  reported: string | null;
  baseline: string | null;
  target: string | null;
  current: string | null;
  currentDate: string | null;
  /** `38% · at risk` */
  description: string;
  tasks: TreeTask[];
}

export interface TreeObjective {
  title: string;
  range: Range;
  progress: number | null;
  status: ComputedStatus;
  description: string;
  tasksDone: number;
  tasksTotal: number;
  keyResults: TreeKr[];
  /** Tasks written under the objective before any KR. */
  tasks: TreeTask[];
}

export interface TreeFile {
  uri: string;
  /** The team, else the file name. */
  label: string;
  team: string | null;
  progress: number | null;
  status: ComputedStatus;
  description: string;
  /** True when the text comes from an open editor with unsaved changes (or an untitled one). */
  unsaved: boolean;
  objectives: TreeObjective[];
}

export interface TreePeriod {
  /** As written (`2026-Q2`, `2026-04-01 to 2026-08-30`), or `No period`. */
  label: string;
  start: string | null;
  end: string | null;
  progress: number | null;
  status: ComputedStatus;
  description: string;
  files: TreeFile[];
}

/** A file the CLI declines (not UTF-8, a NUL byte, too large): the view names it rather than dropping it. */
export interface TreeDeclined {
  uri: string;
  /** Relative to its workspace folder (`team/2026-Q2.okr`). */
  label: string;
  /** The one message `okr check` gives the file. */
  message: string;
}

export interface OkrTree {
  asOf: string;
  periods: TreePeriod[];
  /** The status filter applied (empty: none); the view shows it. */
  statuses: ComputedStatus[];
  /** Files left out as declined; no status filter hides them (they have no status). */
  declined: TreeDeclined[];
}

export interface TreeSource {
  uri: string;
  doc: OkrDocument;
  progress: DocumentProgress;
  unsaved?: boolean;
}

export const NO_PERIOD = 'No period';

export const statusText: (status: ComputedStatus) => string = statusWords;

export function percentText(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** `38% · at risk` */
export function describe(progress: number | null, status: ComputedStatus): string {
  return `${percentText(progress)} · ${statusText(status)}`;
}

/**
 * Keeps only the branches with a KR whose status is in `statuses` (all when empty; status-filter.ts).
 * A filter hides rows, never changes a roll-up: every total is over all the objectives, shown or not.
 * The `declined` files are listed apart, in the order of the files, whatever the filter.
 */
export function buildTree(sources: TreeSource[], asOf: string, statuses: ComputedStatus[] = [], declined: TreeDeclined[] = []): OkrTree {
  const filter = new StatusFilter(statuses);
  const everything = new StatusFilter([]);
  const byPeriod = new Map<string, { start: string | null; end: string | null; files: TreeFile[]; all: TreeObjective[] }>();
  const sorted = [...sources].sort((a, b) => a.uri.localeCompare(b.uri));
  for (const source of sorted) {
    const label = source.doc.period?.label ?? NO_PERIOD;
    const entry = byPeriod.get(label) ?? { start: source.doc.period?.start ?? null, end: source.doc.period?.end ?? null, files: [], all: [] };
    byPeriod.set(label, entry);
    entry.all.push(...treeFile(source, everything).objectives);
    const file = treeFile(source, filter);
    if (filter.active && file.objectives.length === 0) continue;
    entry.files.push(file);
  }
  const periods = [...byPeriod.entries()].filter(([, p]) => p.files.length > 0).map(([label, p]) => {
    const progress = mean(p.all.map((o) => o.progress));
    const status = p.all.length ? weakest(p.all.map((o) => o.status)) : 'no-data';
    return { label, start: p.start, end: p.end, progress, status, description: describe(progress, status), files: p.files };
  });
  periods.sort(calendarOrder);
  const declinedInOrder = [...declined].sort((a, b) => a.uri.localeCompare(b.uri));
  return { asOf, periods, statuses: [...statuses], declined: declinedInOrder };
}

/**
 * Newest first, the period a team works in on top: by start date, later first, then by end date
 * (the half-year before the quarter it opens), then label; files without a period last.
 */
function calendarOrder(a: TreePeriod, b: TreePeriod): number {
  if (a.label === NO_PERIOD || b.label === NO_PERIOD) return Number(a.label === NO_PERIOD) - Number(b.label === NO_PERIOD);
  return (b.start ?? '').localeCompare(a.start ?? '') || (b.end ?? '').localeCompare(a.end ?? '') || a.label.localeCompare(b.label);
}

function treeFile(source: TreeSource, filter: StatusFilter): TreeFile {
  const objectives = source.progress.objectives
    .map((o) => treeObjective(o, filter))
    .filter((o) => filter.showsParent(o.status, o.keyResults.length));
  const name = decodeURIComponent(source.uri.split('/').pop() ?? source.uri);
  const team = source.doc.team?.text ?? null;
  return {
    uri: source.uri,
    label: team ?? name,
    team,
    progress: source.progress.progress,
    status: source.progress.status,
    description: describe(source.progress.progress, source.progress.status),
    unsaved: source.unsaved ?? false,
    objectives,
  };
}

function treeObjective(o: ObjectiveProgress, filter: StatusFilter): TreeObjective {
  return {
    title: o.objective.title,
    range: o.objective.range,
    progress: o.progress,
    status: o.status,
    description: describe(o.progress, o.status),
    tasksDone: o.tasks.done,
    tasksTotal: o.tasks.total,
    keyResults: o.keyResults.filter((k) => filter.shows(k.status)).map(treeKr),
    tasks: o.objective.tasks.map((t) => ({ text: t.text, done: t.done, range: t.range })),
  };
}

export function treeKr(k: KrProgress): TreeKr {
  return {
    title: k.kr.text,
    range: k.kr.range,
    progress: k.progress,
    expected: k.expected,
    status: k.status,
    reported: k.reported ?? null,
    baseline: k.baseline?.raw ?? null,
    target: k.target?.raw ?? (k.kind === 'milestone' ? 'done' : null),
    current: k.current?.raw ?? null,
    currentDate: k.currentDate ?? null,
    description: describe(k.progress, k.status),
    tasks: k.kr.tasks.map((t) => ({ text: t.text, done: t.done, range: t.range })),
  };
}

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return known.reduce((sum, v) => sum + Math.min(1, Math.max(0, v)), 0) / known.length;
}

/** Short name of a period for the status bar: `Q2`, `H1`, `2026`, or `Apr–Aug`. */
export function shortPeriod(label: string | undefined, start?: string, end?: string): string {
  if (!label) return 'No period';
  const quarterOrHalf = /^\d{4}-([QqHh]\d)$/.exec(label);
  if (quarterOrHalf) return quarterOrHalf[1].toUpperCase();
  if (/^\d{4}$/.test(label)) return label;
  if (start && end) {
    for (const q of [1, 2, 3, 4]) {
      const bounds = periodBounds(`${start.slice(0, 4)}-Q${q}`);
      if (bounds && bounds.start === start && bounds.end === end) return `Q${q}`;
    }
    const month = (iso: string) => MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso;
    return month(start) === month(end) ? month(start) : `${month(start)}–${month(end)}`;
  }
  return label;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface FileSummary {
  /** `Q2 · 62% · 2 at risk`; `Q2 · no data yet` before any check-in; `Q2 · no key results yet`. */
  text: string;
  period: string;
  progress: number | null;
  atRisk: number;
  offTrack: number;
}

/** The status bar's line for one document. */
export function fileSummary(doc: OkrDocument, progress: DocumentProgress): FileSummary {
  const krs = progress.objectives.flatMap((o) => o.keyResults);
  const atRisk = krs.filter((k) => k.status === 'at-risk').length;
  const offTrack = krs.filter((k) => k.status === 'off-track').length;
  const period = shortPeriod(doc.period?.label, doc.period?.start, doc.period?.end);
  const parts = [period];
  // Before the first check-in the figures are baselines (0%) and nothing can be at risk yet.
  if (krs.length === 0) parts.push('no key results yet');
  else if (progress.status === 'no-data') parts.push('no data yet');
  else {
    parts.push(percentText(progress.progress));
    if (atRisk > 0 || offTrack === 0) parts.push(`${atRisk} at risk`);
    if (offTrack > 0) parts.push(`${offTrack} off track`);
  }
  return { text: parts.join(' · '), period, progress: progress.progress, atRisk, offTrack };
}

// `okr report --by alignment`: the alignment tree as data (JSON), Markdown and text. Each item keeps
// its own progress and its contributors' apart (docs/progress.md), so nobody counts a KR twice.
import { escapeMarkdown } from '../markdown';
import type { AlignmentItem, AlignmentTree } from '../workspace/alignment-tree';
import type { ComputedStatus } from '../progress/types';
import { percent, statusLabel } from './build';
import { filterLine, nothingMatchesLine } from './filter';
import { STATUS_MARK } from './markdown';

export interface AlignmentReportItem {
  kind: 'objective' | 'kr';
  id: string | null;
  title: string;
  file: string;
  line: number;
  team: string | null;
  period: string | null;
  aligns: string[];
  own: { progress: number | null; status: string };
  contributed: { progress: number | null; status: string; count: number } | null;
  progress: number | null;
  status: string;
  keyResults: AlignmentReportKr[];
  contributors: AlignmentReportItem[];
}

export interface AlignmentReportKr {
  title: string;
  line: number;
  progress: number | null;
  status: string;
}

/** A file left out of the tree, with the one message `okr check` gives it (not UTF-8, a NUL byte, too large). */
export interface DeclinedFile {
  file: string;
  message: string;
}

export interface AlignmentReport {
  asOf: string;
  /** The status filter applied (filterAlignmentTree); empty: none. */
  statuses: ComputedStatus[];
  roots: AlignmentReportItem[];
  unaligned: AlignmentReportItem[];
  declined: DeclinedFile[];
}

/** The tree with file labels for URIs (`label` maps a workspace URI to what a person reads). */
export function alignmentReport(tree: AlignmentTree, label: (uri: string) => string = (u) => u, declined: DeclinedFile[] = []): AlignmentReport {
  const convert = (i: AlignmentItem): AlignmentReportItem => ({
    kind: i.kind, id: i.id, title: i.title, file: label(i.uri), line: i.range.start.line, team: i.team, period: i.period, aligns: i.aligns,
    own: i.own, contributed: i.contributed, progress: i.progress, status: i.status,
    keyResults: i.keyResults.map((k) => ({ title: k.title, line: k.range.start.line, progress: k.progress, status: k.status })),
    contributors: i.contributors.map(convert),
  });
  return { asOf: tree.asOf, statuses: [...tree.statuses], roots: tree.roots.map(convert), unaligned: tree.unaligned.map(convert), declined };
}

function where(i: AlignmentReportItem): string {
  return [`${i.file}:${i.line + 1}`, i.team, i.period].filter(Boolean).join(' · ');
}

function parts(i: AlignmentReportItem): string {
  const own = `own ${percent(i.own.progress)}`;
  return i.contributed ? `${own} · contributors ${percent(i.contributed.progress)} (${i.contributed.count})` : own;
}

/** `file:line` of every KR drawn as a row of the tree: it aligns to something, or something aligns to it. */
function krRows(report: AlignmentReport): Set<string> {
  const rows = new Set<string>();
  const visit = (i: AlignmentReportItem) => {
    if (i.kind === 'kr') rows.add(`${i.file}:${i.line}`);
    i.contributors.forEach(visit);
  };
  [...report.roots, ...report.unaligned].forEach(visit);
  return rows;
}

/** The KRs to list under an objective: its own, less those already a row of the tree (none is shown twice). */
function listedKrs(i: AlignmentReportItem, rows: Set<string>): AlignmentReportKr[] {
  return i.keyResults.filter((k) => !rows.has(`${i.file}:${k.line}`));
}

/** The line saying the report is filtered, and the one saying nothing matches when so; null without a filter. */
function filterNotes(report: AlignmentReport): { filtered: string; nothing: string | null } | null {
  const filtered = filterLine(report.statuses);
  if (!filtered) return null;
  const nothing = report.roots.length === 0 && report.unaligned.length === 0;
  return { filtered, nothing: nothing ? nothingMatchesLine(report.statuses) : null };
}

/**
 * The tree for a terminal; `meter` draws a bar and its percent (the by-file report's). Each
 * objective lists its KRs the way the by-file report does (`• title`, then bar and status).
 */
export function alignmentText(report: AlignmentReport, meter: (p: number | null, width: number) => string): string {
  const notes = filterNotes(report);
  const rows = krRows(report);
  const krLines = (k: AlignmentReportKr, indent: string) => [`${indent}• ${k.title}`, `${indent}  ${meter(k.progress, 16)}  ${statusLabel(k.status as never)}`];
  const out = [`OKR alignment as of ${report.asOf}`, ...(notes ? [notes.filtered] : []), ''];
  if (notes?.nothing) out.push(notes.nothing, '');
  const walk = (i: AlignmentReportItem, depth: number) => {
    const indent = '  '.repeat(depth);
    out.push(`${indent}${depth ? '↳ ' : ''}${i.title}${i.id ? `  [${i.id}]` : ''}  ${where(i)}`);
    out.push(`${indent}  ${meter(i.progress, 16)}  ${statusLabel(i.status as never)}  (${parts(i)})`);
    for (const k of listedKrs(i, rows)) out.push(...krLines(k, `${indent}  `));
    for (const c of i.contributors) walk(c, depth + 1);
  };
  for (const root of report.roots) {
    walk(root, 0);
    out.push('');
  }
  if (report.unaligned.length) {
    out.push('Not aligned');
    for (const i of report.unaligned) {
      out.push(`  ${i.title}  ${where(i)}  ${percent(i.progress)}  ${statusLabel(i.status as never)}`);
      for (const k of listedKrs(i, rows)) out.push(...krLines(k, '    '));
    }
    out.push('');
  }
  if (report.declined.length) {
    out.push('Declined');
    for (const d of report.declined) out.push(`  ${d.file}: ${d.message}`);
    out.push('');
  }
  return out.join('\n');
}

export function alignmentMarkdown(report: AlignmentReport): string {
  const out = ['# OKR alignment report', '', `As of ${report.asOf}. Rolled-up progress is the mean of an objective's own key results and its contributors (each counted once).`, ''];
  const notes = filterNotes(report);
  const rows = krRows(report);
  const krLines = (i: AlignmentReportItem, depth: number) =>
    listedKrs(i, rows).map((k) => `${'  '.repeat(depth)}- ${STATUS_MARK[k.status]} ${escapeMarkdown(k.title)} — ${percent(k.progress)} · ${statusLabel(k.status as never)}`);
  if (notes) out.push(`${notes.filtered}.`, '');
  if (notes?.nothing) out.push(notes.nothing, '');
  const walk = (i: AlignmentReportItem, depth: number) => {
    const id = i.id ? ` \`${i.id}\`` : '';
    out.push(`${'  '.repeat(depth)}- **${escapeMarkdown(i.title)}**${id} — ${percent(i.progress)} · ${statusLabel(i.status as never)} (${parts(i)}) · ${escapeMarkdown(where(i))}`);
    out.push(...krLines(i, depth + 1));
    for (const c of i.contributors) walk(c, depth + 1);
  };
  for (const root of report.roots) {
    out.push(`## ${escapeMarkdown(root.title)}`, '');
    walk(root, 0);
    out.push('');
  }
  if (report.unaligned.length) {
    out.push('## Not aligned', '');
    for (const i of report.unaligned) {
      out.push(`- **${escapeMarkdown(i.title)}** — ${percent(i.progress)} · ${statusLabel(i.status as never)} · ${escapeMarkdown(where(i))}`);
      out.push(...krLines(i, 1));
    }
    out.push('');
  }
  if (report.declined.length) {
    out.push('## Declined', '');
    for (const d of report.declined) out.push(`- ${escapeMarkdown(d.file)}: ${escapeMarkdown(d.message)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

// The Markdown progress report (`okr report --format md`, and the editor's export command).
import { escapeMarkdown } from '../markdown';
import { percent, statusLabel, type Report, type ReportFile } from './build';
import { formatScore } from '../progress/score';
import { filterLine, nothingMatchesLine, nothingShown } from './filter';

/** The mark before a status in Markdown, so what is at risk stands out in a list. */
export const STATUS_MARK: Record<string, string> = {
  achieved: '✅', 'on-track': '🟢', 'at-risk': '🟡', 'off-track': '🔴', 'no-data': '⚪',
};

export function reportMarkdown(report: Report): string {
  const out = [`# OKR progress report`, '', `As of ${report.asOf}.`, ''];
  const filtered = filterLine(report.statuses);
  if (filtered) out.push(`${filtered}.`, '');
  if (nothingShown(report)) out.push(nothingMatchesLine(report.statuses!), '');
  for (const file of report.files) out.push(...fileSection(file));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function fileSection(file: ReportFile): string[] {
  const heading = [escapeMarkdown(file.file), file.team ? escapeMarkdown(file.team) : '', file.period ? escapeMarkdown(file.period) : '']
    .filter(Boolean)
    .join(' · ');
  const out = [`## ${heading}`, ''];
  if (file.declined) out.push(`**Declined:** ${escapeMarkdown(file.declined)}`, '');
  for (const o of file.objectives) {
    out.push(`### ${escapeMarkdown(o.title)}`, '');
    const score = o.score === null ? '' : ` · score ${formatScore(o.score)}${o.scored < o.keyResultCount ? ` (${o.scored} of ${o.keyResultCount} scored)` : ''}`;
    out.push(`${STATUS_MARK[o.status]} **${percent(o.progress)}** · ${statusLabel(o.status)}${score} · tasks ${o.tasks.done}/${o.tasks.total}`, '');
    if (o.keyResultCount === 0) {
      out.push('_No key results yet._', '');
      continue;
    }
    out.push('| Key result | Baseline | Target | Current | Progress | Expected | Status | Reported | Score | Tasks |');
    out.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const k of o.keyResults) {
      const cells = [
        escapeMarkdown(k.title),
        cell(k.baseline),
        cell(k.target ? (k.by ? `${k.target} by ${k.by}` : k.target) : null),
        cell(k.current ? (k.currentDate ? `${k.current} (${k.currentDate})` : k.current) : null),
        percent(k.progress),
        percent(k.expected),
        `${STATUS_MARK[k.status]} ${statusLabel(k.status)}`,
        k.reported ? statusLabel(k.reported as never) : '—',
        k.score === null ? '—' : formatScore(k.score),
        `${k.tasks.done}/${k.tasks.total}`,
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}

function cell(value: string | null): string {
  return value === null ? '—' : escapeMarkdown(value);
}

// `okr report` for a terminal: objectives and KRs with progress bars.
import { percent, statusLabel, type Report } from '../engine/report/build';
import { formatScore } from '../engine/progress/score';
import { filterLine, nothingMatchesLine, nothingShown } from '../engine/report/filter';
import { alignmentText, type AlignmentReport } from '../engine/report/alignment';
import { visible, visibleLines } from './visible';

const COLORS: Record<string, string> = {
  achieved: '\x1b[36m', 'on-track': '\x1b[32m', 'at-risk': '\x1b[33m', 'off-track': '\x1b[31m', 'no-data': '\x1b[2m',
};
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';

export function progressBar(progress: number | null, width = 20): string {
  const share = progress === null ? 0 : Math.min(1, Math.max(0, progress));
  const full = Math.round(share * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** A progress bar and its percent, as every text report draws them: `████░░░░  38%`. */
export function meter(progress: number | null, width = 20): string {
  return `${progressBar(progress, width)} ${percent(progress).padStart(4)}`;
}

export function reportText(report: Report, color: boolean): string {
  // Text is made visible before it is painted: only our own colour codes reach the terminal raw.
  const paint = (code: string, text: string) => (color ? `${code}${visible(text)}${RESET}` : visible(text));
  const filtered = filterLine(report.statuses);
  const out: string[] = [`OKR progress as of ${report.asOf}`, ...(filtered ? [filtered] : []), ''];
  if (nothingShown(report)) out.push(nothingMatchesLine(report.statuses!), '');
  for (const file of report.files) {
    const meta = [file.team, file.period].filter(Boolean).join(' · ');
    out.push(paint(BOLD, file.file) + (meta ? `  ${visible(meta)}` : ''));
    if (file.declined) out.push(`  ${paint(COLORS['off-track'], `declined: ${file.declined}`)}`);
    for (const o of file.objectives) {
      const status = paint(COLORS[o.status], statusLabel(o.status));
      out.push(`  ${paint(BOLD, o.title)}`);
      const score = o.score === null ? '' : `  score ${formatScore(o.score)}${o.scored < o.keyResultCount ? ` (${o.scored} of ${o.keyResultCount} KRs scored)` : ''}`;
      out.push(`    ${meter(o.progress)}  ${status}${score}  tasks ${o.tasks.done}/${o.tasks.total}`);
      for (const k of o.keyResults) {
        const kStatus = paint(COLORS[k.status], statusLabel(k.status));
        const reported = k.reported && k.reported !== k.status ? `  (owner says ${statusLabel(k.reported as never)})` : '';
        out.push(`    • ${visible(k.title)}`);
        const kScore = k.score === null ? '' : `  score ${formatScore(k.score)}`;
        out.push(`      ${meter(k.progress, 16)}  expected ${percent(k.expected)}  ${kStatus}${visible(reported)}${kScore}`);
        const facts = [
          k.baseline || k.target ? `${k.baseline ?? '?'} → ${k.target ?? '?'}${k.by ? ` by ${k.by}` : ''}` : '',
          k.current ? `now ${k.current}${k.currentDate ? ` (${k.currentDate})` : ''}` : '',
          k.tasks.total ? `tasks ${k.tasks.done}/${k.tasks.total}` : '',
        ].filter(Boolean);
        if (facts.length) out.push(paint(DIM, `      ${facts.join(' · ')}`));
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** `okr report --by alignment` as text for a terminal: every control character escaped. */
export function alignmentReportText(report: AlignmentReport): string {
  return visibleLines(alignmentText(report, meter));
}

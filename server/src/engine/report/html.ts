// `okr report --format html`: one self-contained page (inline CSS and SVG, no scripts, nothing
// fetched) that a team can attach to a review or publish from CI. Written as well-formed XHTML
// syntax so that any XML tool can read it too; every text from a .okr file is escaped.
import { krChartSvg } from '../chart/svg';
import { escapeXml } from '../chart/escape';
import { STANDALONE_CHART_CSS } from '../chart/styles';
import { formatScore } from '../progress/score';
import { percent, statusLabel, type Report, type ReportKr, type ReportObjective } from './build';
import { filterLine, nothingMatchesLine, nothingShown } from './filter';

const PAGE_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: var(--page-text); background: var(--chart-background); }
:root { --page-text: #1f2328; --page-muted: #59636e; --page-border: #d0d7de; }
@media (prefers-color-scheme: dark) { :root { --page-text: #e6edf3; --page-muted: #9198a1; --page-border: #3d444d; } }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--page-border); }
.muted { color: var(--page-muted); }
.krs { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 1rem; }
.kr { border: 1px solid var(--page-border); border-radius: 6px; padding: 0.75rem; }
.kr h4 { margin: 0 0 0.25rem; font-size: 0.95rem; }
.status { font-weight: 600; }
.status.on-track, .status.achieved { color: var(--chart-on-track); }
.status.at-risk { color: var(--chart-at-risk); }
.status.off-track, .declined { color: var(--chart-off-track); }
`;

export function reportHtml(report: Report): string {
  const body: string[] = [`<h1>OKR progress report</h1>`, `<p class="muted">As of ${escapeXml(report.asOf)}.</p>`];
  const filtered = filterLine(report.statuses);
  if (filtered) body.push(`<p class="muted">${escapeXml(filtered)}.</p>`);
  if (nothingShown(report)) body.push(`<p>${escapeXml(nothingMatchesLine(report.statuses!))}</p>`);
  for (const file of report.files) {
    const meta = [file.team, file.period].filter((m): m is string => !!m).map(escapeXml).join(' · ');
    body.push(`<section><h2>${escapeXml(file.file)}${meta ? ` <span class="muted">${meta}</span>` : ''}</h2>`);
    if (file.declined) body.push(`<p class="declined">Declined: ${escapeXml(file.declined)}</p>`);
    for (const o of file.objectives) body.push(objectiveSection(o));
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>`,
    `<title>OKR progress report · ${escapeXml(report.asOf)}</title>`,
    `<style>${STANDALONE_CHART_CSS}${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function objectiveSection(o: ReportObjective): string {
  const score = o.score === null ? '' : ` · score ${formatScore(o.score)}${o.scored < o.keyResultCount ? ` (${o.scored} of ${o.keyResultCount} scored)` : ''}`;
  const head = `<h3>${escapeXml(o.title)}</h3><p><strong>${percent(o.progress)}</strong> · <span class="status ${o.status}">${statusLabel(o.status)}</span>${score} · tasks ${o.tasks.done}/${o.tasks.total}</p>`;
  if (o.keyResultCount === 0) return `${head}<p class="muted">No key results yet.</p>`;
  return `${head}<div class="krs">${o.keyResults.map(krCard).join('')}</div>`;
}

function krCard(k: ReportKr): string {
  const facts = [
    k.baseline || k.target ? `${k.baseline ?? '?'} → ${k.target ?? '?'}${k.by ? ` by ${k.by}` : ''}` : '',
    k.current ? `now ${k.current}${k.currentDate ? ` (${k.currentDate})` : ''}` : '',
    k.score !== null ? `score ${formatScore(k.score)}${k.scoreNote ? ` “${k.scoreNote}”` : ''}` : '',
  ].filter(Boolean).map(escapeXml).join(' · ');
  const reported = k.reported && k.reported !== k.status ? ` <span class="muted">(owner says ${statusLabel(k.reported as never)})</span>` : '';
  return `<div class="kr"><h4>${escapeXml(k.title)}</h4>`
    + `<p><strong>${percent(k.progress)}</strong> · expected ${percent(k.expected)} · <span class="status ${k.status}">${statusLabel(k.status)}</span>${reported}</p>`
    + (facts ? `<p class="muted">${facts}</p>` : '')
    + krChartSvg(k.history, k.title)
    + '</div>';
}

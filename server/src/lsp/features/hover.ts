// Hover: a KR's progress, an objective's roll-up, and what a value or an abbreviation means.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { Analysis } from '../../engine/analyze';
import { lookupAbbreviation } from '../../engine/glossary';
import { escapeMarkdown } from '../../engine/markdown';
import type { Range } from '../../engine/model/types';
import type { ComputedStatus, KrProgress, ObjectiveProgress } from '../../engine/progress/types';
import { percentText, statusText } from '../../engine/tree';
import { krHistory, sparkline } from '../../engine/progress/history';
import { formatScore } from '../../engine/progress/score';
import { describeUnit, parseNumber } from '../../engine/values';
import type { Analyzed } from '../state';
import { contains } from '../convert';
import { locate } from './locate';

const ICON: Record<ComputedStatus, string> = { achieved: '✅', 'on-track': '🟢', 'at-risk': '🟡', 'off-track': '🔴', 'no-data': '⚪' };

export function hover(state: Analyzed, params: HoverParams): Hover | null {
  const { line, character } = params.position;
  const text = state.lines[line];
  if (text === undefined) return null;
  const { analysis } = state;
  const word = wordAt(text, character);
  const meaning = word ? explainWord(word.text) : undefined;
  const { objective, kr } = locate(analysis, line);
  let body: string | undefined;
  let range: Range | undefined;
  if (kr) {
    body = krHover(kr, analysis, params.position);
    range = kr.kr.range;
  } else if (objective && line === objective.objective.range.start.line) {
    body = objectiveHover(objective);
    range = objective.objective.range;
  }
  if (meaning && word) {
    const wordRange = { start: { line, character: word.start }, end: { line, character: word.end } };
    return { contents: { kind: MarkupKind.Markdown, value: body ? `${meaning}\n\n---\n\n${body}` : meaning }, range: wordRange };
  }
  if (!body) return null;
  return { contents: { kind: MarkupKind.Markdown, value: body }, range };
}

export function bar(progress: number | null, width = 20): string {
  const share = progress === null ? 0 : Math.min(1, Math.max(0, progress));
  const filled = Math.round(share * width);
  return '`' + '█'.repeat(filled) + '░'.repeat(width - filled) + '`';
}

const esc = (s: string | null | undefined) => (s ? escapeMarkdown(s) : '—');

function krHover(k: KrProgress, analysis: Analysis, at: { line: number; character: number }): string {
  const lines = [`**Key result** · ${ICON[k.status]} ${statusText(k.status)}`, '', esc(k.kr.text), ''];
  const expected = k.expected === null ? '' : ` · expected **${percentText(k.expected)}** today`;
  // No progress to measure: say why, not an empty bar and "—".
  if (k.progress === null) lines.push(`No progress to show yet: ${noProgressReason(k)}.`, '');
  else lines.push(`${bar(k.progress)} **${percentText(k.progress)}**${expected}`, '');
  const baseline = k.baseline ? `${esc(k.baseline.raw)}${k.baselineDate ? ` on ${k.baselineDate}` : ''}` : '—';
  const comparator = k.kind === 'threshold' && k.kr.target?.comparator ? `${escapeMarkdown(k.kr.target.comparator)} ` : '';
  const target = k.kind === 'milestone' ? 'done' : k.target ? `${comparator}${esc(k.target.raw)}` : '—';
  const by = k.targetDate ? ` by ${k.targetDate}` : '';
  // An empty KR (still being drafted) has neither: no "— → —" line.
  if (k.baseline || k.kind === 'milestone' || k.target || k.targetDate) lines.push(`- **Baseline → target:** ${baseline} → ${target}${by}`);
  if (k.current && k.currentDate) lines.push(`- **Current:** ${esc(k.current.raw)} on ${k.currentDate}`);
  else lines.push('- **Current:** no check-in yet');
  const reported = k.reported && k.reported !== k.status ? ` (your call: **${statusText(k.reported as ComputedStatus)}**)` : '';
  lines.push(`- **Status:** **${statusText(k.status)}**${reported}`);
  const history = historyLine(k, analysis);
  if (history) lines.push(history);
  if (k.score !== undefined) lines.push(`- **Score:** ${formatScore(k.score)}${k.kr.score?.note ? ` · ${esc(k.kr.score.note)}` : ''}`);
  if (k.weight !== 1) lines.push(`- **Weight:** ${k.weight}`);
  if (k.tasks.total > 0) lines.push(`- **Tasks:** ${k.tasks.done}/${k.tasks.total} done`);
  const block = k.kr.blockRange;
  // A finding on the line under the cursor is in sight (its squiggle, and the editor shows it
  // beside this hover): not repeated here.
  const hints = analysis.diagnostics.filter((d) => d.range.start.line >= block.start.line && d.range.start.line <= block.end.line
    && !contains(d.range, at.line, at.character) && d.range.start.line !== at.line && d.range.end.line !== at.line);
  if (hints.length) {
    lines.push('');
    for (const d of hints.slice(0, 3)) lines.push(`💡 \`${d.rule}\`: ${escapeMarkdown(d.message)}`, '');
  }
  return lines.join('\n').trimEnd();
}

function noProgressReason(k: KrProgress): string {
  if (k.kind === 'threshold') return k.target ? 'no value yet to compare with the threshold' : 'it needs a threshold to meet';
  if (!k.baseline && !k.target) return 'it needs a baseline and a target';
  if (!k.baseline) return 'it needs a baseline';
  if (!k.target) return 'it needs a target';
  return 'the baseline and the target are the same';
}

/** `- **History:** ▁▃▅ 3 check-ins · 0% → 38%` — the check-ins' progress as a sparkline. */
function historyLine(k: KrProgress, analysis: Analysis): string | undefined {
  const history = krHistory(k, analysis.doc.period, analysis.asOf);
  const spark = sparkline(history);
  if (!spark) return undefined;
  const measured = history.points.filter((p) => p.progress !== null);
  const first = measured[0].progress;
  const last = measured[measured.length - 1].progress;
  const span = measured.length > 1 ? ` · ${percentText(first)} → ${percentText(last)}` : '';
  return `- **History:** \`${spark}\` ${measured.length} check-in${measured.length === 1 ? '' : 's'}${span}`;
}

function objectiveHover(o: ObjectiveProgress): string {
  const lines = [`**Objective** · ${ICON[o.status]} ${statusText(o.status)}`, '', esc(o.objective.title), ''];
  const count = o.keyResults.length;
  // docs/progress.md: a KR counts once it has a baseline and a target (at 0% before its first
  // check-in); a KR without them has no progress and is left out of the mean.
  const counted = o.keyResults.filter((k) => k.progress !== null).length;
  const which = counted === count ? `${count} key result${count === 1 ? '' : 's'}` : `${counted} of ${count} key results`;
  lines.push(`${bar(o.progress)} **${percentText(o.progress)}** · weighted mean of ${which}`, '');
  if (counted < count) lines.push(`${count - counted} left out: no baseline and target to measure progress from.`, '');
  if (o.score !== null) lines.push(`- **Score:** ${formatScore(o.score)} · weighted mean of ${o.scored} scored key result${o.scored === 1 ? '' : 's'}`);
  if (o.objective.owner) lines.push(`- **Owner:** ${esc(o.objective.owner.text)}`);
  for (const k of o.keyResults) {
    const title = k.kr.text.length > 70 ? `${k.kr.text.slice(0, 69)}…` : k.kr.text;
    const note = k.progress === null ? ' _(left out)_' : k.status === 'no-data' ? ' _(counts at its baseline until the first check-in)_' : '';
    lines.push(`- ${ICON[k.status]} ${percentText(k.progress)} · ${statusText(k.status)} — ${esc(title)}${note}`);
  }
  lines.push(`- **Tasks:** ${o.tasks.done}/${o.tasks.total} done`);
  return lines.join('\n');
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The token under the cursor: a value (`$24M`, `85%`, `2026-Q2`) or a word. */
export function wordAt(line: string, character: number): Word | undefined {
  const token = /[-+]?[$€£¥]?[\w.,%]+(?:[-+][\w%]+)*/g;
  for (let m = token.exec(line); m; m = token.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character >= start && character <= end) {
      const text = m[0].replace(/[.,]+$/, '');
      return { text, start, end: start + text.length };
    }
  }
  return undefined;
}

const STATUS_MEANING: Record<string, string> = {
  'on-track': '**on-track**: the owner reports the KR is on course.',
  'at-risk': '**at-risk**: the owner reports the KR may miss its target; three in a row call for a decision.',
  'off-track': '**off-track**: the owner reports the KR will miss its target without a change of plan.',
};

function explainWord(word: string): string | undefined {
  const status = STATUS_MEANING[word.toLowerCase()];
  if (status) return status;
  const letters = /^[A-Za-z]+$/.exec(word.replace(/[<>].*$/, ''));
  if (letters) {
    const entry = lookupAbbreviation(letters[0]);
    if (entry && letters[0].length >= 2 && (letters[0] === entry.abbreviation || letters[0] === letters[0].toUpperCase())) {
      const counted = entry.countedAs?.length ? ` It can be counted as ${entry.countedAs.join(', ')}: say which.` : '';
      return `**${escapeMarkdown(entry.abbreviation)}**: ${escapeMarkdown(entry.expansion)}.${escapeMarkdown(counted)}`;
    }
  }
  if (/^\d{4}-[QqHh]\d$/.test(word) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(word)) return undefined;
  const n = parseNumber(word);
  if (n && (n.currency || n.magnitude)) {
    const unit = n.currency ? describeUnit(n.currency) : '';
    return `**${escapeMarkdown(word)}** = ${n.amount.toLocaleString('en-US')}${unit ? ' ' + unit : ''}`;
  }
  return undefined;
}

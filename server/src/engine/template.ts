// The starting file of `OKR: New OKR File`: the current quarter, one objective, one measurable KR,
// and nothing the coach would warn about on the day it is written.
import { isValidIsoDate, periodBounds } from './dates';

/** `2026-Q2` for a date in that quarter. */
export function quarterOf(today: string): string {
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The file name offered for a new file: the quarter's label. */
export function newFileName(today: string): string {
  return `${quarterOf(today)}.okr`;
}

export function newFileTemplate(today: string): string {
  if (!isValidIsoDate(today)) throw new Error(`not a date: ${today}`);
  const quarter = quarterOf(today);
  const { end } = periodBounds(quarter)!;
  // Measured the day the file is written: a baseline from before the period would make the KR
  // look stale at once ("no check-in for 61 days") when nothing could have been checked in yet.
  const due = end;
  return [
    `# OKRs for ${quarter}`,
    `period ${quarter}`,
    'team Your team',
    '',
    'objective Delight new customers from their first week',
    '  why Customers who succeed in their first week stay; most churn starts there.',
    '  owner Your name',
    '',
    `  kr Increase the share of new customers active in week one from 40% to 60% by ${due}`,
    `    baseline 40% on ${today}`,
    `    target 60% by ${due}`,
    '',
  ].join('\n');
}

/** Why a typed file name cannot be used, or undefined. */
export function fileNameProblem(name: string): string | undefined {
  const n = name.trim();
  if (!n) return 'A file name is needed, like 2026-Q3.okr.';
  if (/[\\/:*?"<>|]/.test(n) || n === '.okr' || n.startsWith('.')) return 'A plain file name, without folders or special characters.';
  return undefined;
}

/** The name with `.okr` added when it has no extension of its own. */
export function withOkrExtension(name: string): string {
  const n = name.trim();
  return /\.okr$/i.test(n) ? n : `${n}.okr`;
}

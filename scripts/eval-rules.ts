// Measures the KR sentence rules on the labelled dev set: each KR is checked as its own small
// .okr file (period, objective, why, kr) through the whole engine (parser, progress, rules).
// Usage: npm run eval:rules [-- path/to/set.jsonl] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../server/src/engine/analyze';

interface Row {
  kr: string;
  objective: string;
  label: 'outcome' | 'task' | 'vague';
  relative_without_baseline?: boolean;
}

const TARGETS = { taskPrecision: 0.9, taskRecall: 0.85, vagueRecall: 0.8, falseAlarms: 0.1 };
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const candidates = [args.find((a) => !a.startsWith('--')), '../shared/data/kr-dev-set.jsonl', '/work/shared/data/kr-dev-set.jsonl'].filter(Boolean) as string[];
const file = candidates.map((c) => resolve(c)).find((c) => existsSync(c));
if (!file) {
  console.error(`eval:rules: no dev set found (looked at ${candidates.join(', ')})`);
  process.exit(2);
}

const rows: Row[] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const counts = { tp: 0, fp: 0, fn: 0, vague: 0, vagueHit: 0, outcome: 0, outcomeAlarm: 0, rel: 0, relHit: 0, relFalse: 0 };
const misses: string[] = [];

for (const row of rows) {
  const text = ['period 2026-Q2', `objective ${oneLine(row.objective)}`, '  why It matters this quarter', `  kr ${oneLine(row.kr)}`, ''].join('\n');
  const rules = new Set(analyzeText(text, { asOf: '2026-04-02' }).diagnostics.map((d) => d.rule));
  const task = rules.has('kr-task');
  const vague = rules.has('kr-vague') || rules.has('kr-ambiguous-metric');
  if (task && row.label === 'task') counts.tp++;
  if (task && row.label !== 'task') counts.fp++;
  if (!task && row.label === 'task') counts.fn++;
  if (row.label === 'vague') {
    counts.vague++;
    if (vague) counts.vagueHit++;
  }
  if (row.label === 'outcome') {
    counts.outcome++;
    if (task || vague) counts.outcomeAlarm++;
  }
  const relative = rules.has('kr-relative-without-baseline');
  if (row.relative_without_baseline && row.label === 'outcome') {
    counts.rel++;
    if (relative) counts.relHit++;
  } else if (relative && !row.relative_without_baseline) counts.relFalse++;
  const wrong = (row.label === 'task') !== task || (row.label === 'vague' && !vague) || (row.label === 'outcome' && (task || vague));
  if (wrong) misses.push(`  [${row.label}] ${row.kr}  → ${[...rules].filter((r) => r.startsWith('kr-')).join(', ') || 'no KR finding'}`);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const results = {
  taskPrecision: ratio(counts.tp, counts.tp + counts.fp),
  taskRecall: ratio(counts.tp, counts.tp + counts.fn),
  vagueRecall: ratio(counts.vagueHit, counts.vague),
  falseAlarms: ratio(counts.outcomeAlarm, counts.outcome),
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (name: string, value: number, target: string, ok: boolean) => `${ok ? 'ok  ' : 'MISS'} ${name.padEnd(38)} ${pct(value).padStart(7)}   target ${target}`;

console.log(`eval:rules on ${rows.length} KRs from ${file}`);
console.log(line('kr-task precision', results.taskPrecision, `>= ${pct(TARGETS.taskPrecision)}`, results.taskPrecision >= TARGETS.taskPrecision));
console.log(line('kr-task recall', results.taskRecall, `>= ${pct(TARGETS.taskRecall)}`, results.taskRecall >= TARGETS.taskRecall));
console.log(line('kr-vague + kr-ambiguous-metric recall', results.vagueRecall, `>= ${pct(TARGETS.vagueRecall)}`, results.vagueRecall >= TARGETS.vagueRecall));
console.log(line('false alarms on outcome KRs', results.falseAlarms, `<= ${pct(TARGETS.falseAlarms)}`, results.falseAlarms <= TARGETS.falseAlarms));
console.log(`     (kr-task ${counts.tp} right, ${counts.fp} wrong, ${counts.fn} missed; vague ${counts.vagueHit}/${counts.vague}; outcome alarms ${counts.outcomeAlarm}/${counts.outcome})`);
console.log(`     kr-relative-without-baseline on labelled relative outcome KRs: ${counts.relHit}/${counts.rel}; on others: ${counts.relFalse}`);
if (misses.length) {
  console.log(`disagreements (${misses.length}):`);
  for (const m of verbose ? misses : misses.slice(0, 15)) console.log(m);
}
const met = results.taskPrecision >= TARGETS.taskPrecision && results.taskRecall >= TARGETS.taskRecall
  && results.vagueRecall >= TARGETS.vagueRecall && results.falseAlarms <= TARGETS.falseAlarms;
process.exit(met ? 0 : 1);

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

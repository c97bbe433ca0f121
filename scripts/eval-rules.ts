// Measures the KR sentence rules on labelled KR sets: each KR is checked as its own small
// .okr file (period, objective, why, kr) through the whole engine (parser, progress, rules).
// Usage: npm run eval:rules [-- set.jsonl ...] [--verbose] [--groups] [--pos compromise] [--logo]
// --logo: leave-one-group-out on the sets with groups: each group is read with the words only it
// uses taken out of the reader's word lists, as if the lists had been written without it.
// Without paths, both shared sets are measured: the seeds' KRs and the real-world KRs.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../server/src/engine/analyze';
import { clearReadings } from '../server/src/engine/sentence';
import { lemmaCandidates, lexiconWordSets } from '../server/src/engine/sentence/lexicon';
import { usePosTagger } from '../server/src/engine/sentence/pos';
import { tokenize } from '../server/src/engine/sentence/tokens';

interface Row {
  kr: string;
  objective: string | null;
  label: 'outcome' | 'task' | 'vague';
  relative_without_baseline?: boolean;
  group?: string;
}

interface Counts {
  rows: number; tp: number; fp: number; fn: number; vague: number; vagueHit: number; outcome: number; outcomeAlarm: number;
  rel: number; relHit: number; relFalse: number; errors: number;
  /** kr-task-with-result hints (info, not counted as a finding of kr-task or kr-vague), by label. */
  splitHint: Record<Row['label'], number>;
}

const TARGETS = { taskPrecision: 0.9, taskRecall: 0.85, vagueRecall: 0.8, falseAlarms: 0.08 };
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const showGroups = args.includes('--groups');
const posIndex = args.indexOf('--pos');
const named = args.filter((a, i) => !a.startsWith('--') && i !== posIndex + 1);
const DATA_DIRS = ['../shared/data', '/work/shared/data'];
const defaults = ['kr-dev-set.jsonl', 'kr-real-world.jsonl']
  .map((name) => DATA_DIRS.map((d) => resolve(d, name)).find((p) => existsSync(p)))
  .filter((p): p is string => !!p);
const files = named.length ? named.map((n) => resolve(n)) : defaults;
if (!files.length || files.some((f) => !existsSync(f))) {
  console.error(`eval:rules: data file not found (looked at ${(named.length ? named : DATA_DIRS).join(', ')})`);
  process.exit(2);
}

void main();

async function main(): Promise<void> {
  if (posIndex >= 0) {
    // The reader with a general English tagger instead of the hand lexicon's verb and participle tests.
    if (args[posIndex + 1] !== 'compromise') {
      console.error('eval:rules: --pos takes "compromise"');
      process.exit(2);
    }
    const started = performance.now();
    const { compromiseTagger } = await import('./pos-compromise');
    usePosTagger(compromiseTagger);
    console.log(`part of speech: compromise (loaded in ${(performance.now() - started).toFixed(0)} ms)`);
  }
  const started = performance.now();
  let allMet = true;
  for (const file of files) allMet = evaluate(file) && allMet;
  if (args.includes('--logo')) leaveOneGroupOut(files);
  console.log(`\nread and checked in ${(performance.now() - started).toFixed(0)} ms`);
  process.exit(allMet ? 0 : 1);
}

function readRows(file: string): Row[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

function wordsOf(rows: Row[]): Set<string> {
  const words = new Set<string>();
  for (const row of rows) for (const t of tokenize(row.kr)) if (t.kind === 'word') words.add(t.lower);
  return words;
}

/** Each group read with a lexicon that never saw its own words; figures summed over the groups. */
function leaveOneGroupOut(paths: string[]): void {
  const all = paths.map((f) => ({ file: f, rows: readRows(f) }));
  for (const { file, rows } of all) {
    const groups = [...new Set(rows.map((r) => r.group).filter((g): g is string => !!g))];
    if (!groups.length) continue;
    const total = emptyCounts();
    const misses: string[] = [];
    let removed = 0;
    for (const group of groups) {
      const held = rows.filter((r) => r.group === group);
      // A word is the group's own when no other group uses it in any form ("implemented" is not, when others write "implement").
      const seen = new Set([...wordsOf(all.flatMap((set) => set.rows.filter((r) => r.group !== group)))].flatMap((w) => lemmaCandidates(w)));
      const own = [...wordsOf(held)].flatMap((w) => lemmaCandidates(w)).filter((w) => !seen.has(w));
      const taken: [Set<string>, string][] = [];
      for (const set of lexiconWordSets()) for (const w of own) if (set.delete(w)) taken.push([set, w]);
      removed += taken.length;
      clearReadings();
      for (const row of held) {
        const rules = rulesFor(row);
        if (tally(total, row, rules)) misses.push(`  [${row.label}] ${row.kr}  → ${[...rules].filter((r) => r.startsWith('kr-')).join(', ') || 'no KR finding'}  (${group})`);
      }
      for (const [set, w] of taken) set.add(w);
    }
    clearReadings();
    const r = figures(total);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`\nleave-one-group-out on ${file} (${groups.length} groups; ${removed} lexicon words taken out in all):`);
    console.log(`     kr-task precision ${pct(r.taskPrecision)}, recall ${pct(r.taskRecall)}; vague recall ${pct(r.vagueRecall)}; false alarms ${pct(r.falseAlarms)}`);
    if (verbose) for (const m of misses) console.log(m);
  }
}

function emptyCounts(): Counts {
  return { rows: 0, tp: 0, fp: 0, fn: 0, vague: 0, vagueHit: 0, outcome: 0, outcomeAlarm: 0, rel: 0, relHit: 0, relFalse: 0, errors: 0, splitHint: { outcome: 0, task: 0, vague: 0 } };
}

function evaluate(file: string): boolean {
  const rows = readRows(file);
  const counts = emptyCounts();
  const byGroup = new Map<string, Counts>();
  const misses: string[] = [];
  for (const row of rows) {
    const group = row.group ?? '(none)';
    if (!byGroup.has(group)) byGroup.set(group, emptyCounts());
    const rules = rulesFor(row);
    const wrong = tally(counts, row, rules);
    tally(byGroup.get(group)!, row, rules);
    if (wrong) misses.push(`  [${row.label}] ${row.kr}  → ${[...rules].filter((r) => r.startsWith('kr-')).join(', ') || 'no KR finding'}${row.group ? `  (${row.group})` : ''}`);
  }
  const results = figures(counts);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (name: string, value: number, target: string, ok: boolean) => `${ok ? 'ok  ' : 'MISS'} ${name.padEnd(38)} ${pct(value).padStart(7)}   target ${target}`;
  console.log(`\neval:rules on ${rows.length} KRs from ${file}`);
  console.log(line('kr-task precision', results.taskPrecision, `>= ${pct(TARGETS.taskPrecision)}`, results.taskPrecision >= TARGETS.taskPrecision));
  console.log(line('kr-task recall', results.taskRecall, `>= ${pct(TARGETS.taskRecall)}`, results.taskRecall >= TARGETS.taskRecall));
  console.log(line('kr-vague + kr-ambiguous-metric recall', results.vagueRecall, `>= ${pct(TARGETS.vagueRecall)}`, results.vagueRecall >= TARGETS.vagueRecall));
  console.log(line('false alarms on outcome KRs', results.falseAlarms, `<= ${pct(TARGETS.falseAlarms)}`, results.falseAlarms <= TARGETS.falseAlarms));
  console.log(`     (kr-task ${counts.tp} right, ${counts.fp} wrong, ${counts.fn} missed; vague ${counts.vagueHit}/${counts.vague}; outcome alarms ${counts.outcomeAlarm}/${counts.outcome})`);
  console.log(`     kr-relative-without-baseline on labelled relative outcome KRs: ${counts.relHit}/${counts.rel}; on others: ${counts.relFalse}`);
  const hints = counts.splitHint;
  console.log(`     kr-task-with-result (info, split hint) on outcome KRs: ${hints.outcome}/${counts.outcome}; on task KRs: ${hints.task}; on vague KRs: ${hints.vague}`);
  const groups = [...byGroup.entries()].filter(([g]) => g !== '(none)').sort((a, b) => b[1].errors - a[1].errors);
  if (groups.length) {
    const shown = showGroups ? groups : groups.slice(0, 5);
    console.log(`groups with the most errors (${showGroups ? 'all' : 'top 5'} of ${groups.length}):`);
    for (const [g, c] of shown) console.log(`  ${g.padEnd(28)} ${c.errors}/${c.rows} wrong`);
  }
  if (misses.length) {
    console.log(`disagreements (${misses.length}):`);
    for (const m of verbose ? misses : misses.slice(0, 15)) console.log(m);
  }
  return results.taskPrecision >= TARGETS.taskPrecision && results.taskRecall >= TARGETS.taskRecall
    && results.vagueRecall >= TARGETS.vagueRecall && results.falseAlarms <= TARGETS.falseAlarms;
}

function rulesFor(row: Row): Set<string> {
  // Real-world rows may have no objective: a neutral one keeps the file valid.
  const objective = oneLine(row.objective ?? '') || 'Make this quarter count';
  const text = ['period 2026-Q2', `objective ${objective}`, '  why It matters this quarter', `  kr ${oneLine(row.kr)}`, ''].join('\n');
  return new Set(analyzeText(text, { asOf: '2026-04-02' }).diagnostics.map((d) => d.rule));
}

/** Adds one row to the counts; says whether the rules disagree with its label. */
function tally(counts: Counts, row: Row, rules: Set<string>): boolean {
  const task = rules.has('kr-task');
  const vague = rules.has('kr-vague') || rules.has('kr-ambiguous-metric');
  counts.rows++;
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
  if (rules.has('kr-task-with-result')) counts.splitHint[row.label]++;
  const relative = rules.has('kr-relative-without-baseline');
  if (row.relative_without_baseline && row.label === 'outcome') {
    counts.rel++;
    if (relative) counts.relHit++;
  } else if (relative && !row.relative_without_baseline) counts.relFalse++;
  const wrong = (row.label === 'task') !== task || (row.label === 'vague' && !vague) || (row.label === 'outcome' && (task || vague));
  if (wrong) counts.errors++;
  return wrong;
}

function figures(counts: Counts) {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    taskPrecision: ratio(counts.tp, counts.tp + counts.fp),
    taskRecall: ratio(counts.tp, counts.tp + counts.fn),
    vagueRecall: ratio(counts.vagueHit, counts.vague),
    falseAlarms: ratio(counts.outcomeAlarm, counts.outcome),
  };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

// `okr close PERIOD --to NEXT [paths] [--carry all|none|unfinished] [--dry-run]`: for each file of
// that period, writes the scores its figures give where none is written, and creates the next
// period's file with the KRs carried over. Never overwrites a file; --dry-run changes nothing.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { analyzeText } from '../engine/analyze';
import { nextFileName, parsePeriod, planClose, type CarryChoice } from '../engine/close';
import { earlyCloseWarning } from '../engine/close/outlook';
import type { EngineConfig } from '../engine/rules/types';
import { createTextFileExclusive, FileExists } from '../node/create-file';
import { givenFolderOf, writeTextFileAtomic, WriteRefused } from '../node/write-file';
import { displayPath, UsageError } from './files';
import { readOkrFile } from './read';
import { visible, visibleLines } from './visible';

export interface CloseRun {
  period: string;
  next: string;
  carry: CarryChoice;
  dryRun: boolean;
  asOf: string;
  configFor: (file: string) => EngineConfig | undefined;
  given: string[];
}

interface IO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function parseCarry(value: unknown): CarryChoice {
  if (value === undefined) return 'unfinished';
  if (value === 'all' || value === 'none' || value === 'unfinished') return value;
  throw new UsageError(`--carry must be all, none or unfinished, not '${String(value)}'`);
}

export function runClose(files: string[], run: CloseRun, io: IO): number {
  const period = parsePeriod(run.period);
  if (!period) throw new UsageError(`'${run.period}' is not a period: write 2026-Q2, 2026-H1, 2026 or "2026-04-01 to 2026-06-30"`);
  const next = parsePeriod(run.next);
  if (!next) throw new UsageError(`--to wants the next period, like 2026-Q3, not '${run.next}'`);
  if (next.start <= period.end) throw new UsageError(`the next period (${next.label}) must start after ${period.label} ends (${period.end})`);

  let failed = false;
  let closed = 0;
  for (const file of files) {
    const name = displayPath(file, io.cwd);
    const read = readOkrFile(file);
    const analysis = read.ok ? analyzeText(read.text, { asOf: run.asOf, config: run.configFor(file) }) : undefined;
    // A file whose period cannot be read may be one of the period's: say so rather than skip it.
    if (!read.ok || !analysis || analysis.declined) {
      const why = read.ok ? `: ${analysis?.diagnostics[0]?.message ?? 'not checked.'}` : read.diagnostic ? `: ${read.diagnostic.message}` : ` ${read.reason};`;
      io.stderr(`okr: ${visible(`${name}${why} It is not closed.`)}\n`);
      failed = true;
      continue;
    }
    const own = analysis.doc.period;
    if (!own || own.start !== period.start || own.end !== period.end) continue;
    const early = earlyCloseWarning(period, run.asOf);
    if (closed === 0 && early) io.stderr(`okr: warning: ${early}\n`);
    closed++;
    const plan = planClose(analysis, { next: next.label, carry: run.carry, fileName: path.basename(file) });
    const target = path.join(path.dirname(file), nextFileName(path.basename(file), period.label, next.label));
    const targetName = displayPath(target, io.cwd);
    for (const s of plan.scored) io.stdout(`${visible(`${name}:${s.line + 1} ${run.dryRun ? 'would score' : 'scored'} ${s.score.toFixed(1)}: ${s.kr}`)}\n`);
    for (const c of plan.carried) io.stdout(`${visible(`${name}:${c.line + 1} ${run.dryRun ? 'would carry' : 'carried'} to ${targetName}${c.baseline ? ` from ${c.baseline}` : ''}: ${c.kr}`)}\n`);
    if (existsSync(target)) {
      io.stderr(`okr: ${visible(`${targetName} already exists; ${name} is not closed (nothing is overwritten)`)}\n`);
      failed = true;
      continue;
    }
    if (run.dryRun) {
      if (plan.closedText !== read.text) io.stdout(visibleLines(createTwoFilesPatch(`a/${name}`, `b/${name}`, read.text, plan.closedText, '', '', { context: 2 })));
      io.stdout(visibleLines(createTwoFilesPatch('/dev/null', `b/${targetName}`, '', plan.nextText, '', '', { context: 2 })));
      continue;
    }
    try {
      createTextFileExclusive(target, plan.nextText);
    } catch (error) {
      io.stderr(`okr: ${visible(`${targetName} ${error instanceof FileExists ? 'already exists; nothing is overwritten' : `cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)})`}`)}\n`);
      failed = true;
      continue;
    }
    if (plan.closedText !== read.text) {
      try {
        writeTextFileAtomic(file, plan.closedText, { root: givenFolderOf(file, run.given, io.cwd), expectedText: read.text });
      } catch (error) {
        io.stderr(`okr: ${visible(`${name} ${error instanceof WriteRefused ? error.message : `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`}`)}\n`);
        failed = true;
      }
    }
  }
  if (closed === 0) {
    io.stderr(`okr: no file has the period ${period.label}\n`);
    return 2;
  }
  io.stdout(`${closed} file${closed === 1 ? '' : 's'} ${run.dryRun ? 'would be closed' : 'closed'}\n`);
  return failed ? 1 : 0;
}

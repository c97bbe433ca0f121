// `okr fix [paths] [--dry-run]`: applies every fix that needs no answer from a person; with
// --dry-run shows the unified diff instead of writing. Fixes that need an answer (a baseline the
// file does not have) are listed with the question, never guessed.
import { createTwoFilesPatch } from 'diff';
import { fixAll, type FixAllOutcome } from '../engine/fixes/fix-all';
import { keepLineBreaks } from '../engine/fixes/line-breaks';
import type { Diagnostic } from '../engine/model/types';
import type { EngineConfig } from '../engine/rules/types';
import { displayPath } from './files';
import { visible, visibleLines } from './visible';
import { readOkrFile } from './read';
import { givenFolderOf, writeTextFileAtomic, WriteRefused } from '../node/write-file';
import { removeStaleTemporaryFiles, staleTemporaryFiles } from '../node/stale-temp';
import * as nodePath from 'node:path';

export interface FixIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface FixOptions {
  dryRun: boolean;
  asOf: string;
  configFor: (file: string) => EngineConfig | undefined;
  /** The paths the command was given: a file is written only when it really lies inside the one it came from. */
  given?: string[];
}

export type FixOutcome = FixAllOutcome;

/** Every fix of a text that needs no answer: the engine's fix-all, as the editor applies it. */
export function fixText(text: string, asOf: string, config?: EngineConfig): FixOutcome {
  return fixAll(text, { asOf, config });
}

export function runFix(files: string[], options: FixOptions, io: FixIO): number {
  const startedAt = Date.now();
  let unreadable = 0;
  let notWritten = 0;
  let changedFiles = 0;
  let appliedCount = 0;
  for (const file of files) {
    const read = readOkrFile(file);
    const name = displayPath(file, io.cwd);
    if (!read.ok) {
      // Not UTF-8, UTF-16, a pipe: never rewritten (decoding it anyway would lose bytes).
      io.stderr(`okr: ${visible(`${name} ${read.reason}`)}\n`);
      unreadable++;
      continue;
    }
    const outcome = fixText(read.text, options.asOf, options.configFor(file));
    const fixed = keepLineBreaks(read.text, outcome.text);
    const at = (d: Diagnostic) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    let changed = fixed !== read.text;
    if (changed && !options.dryRun) {
      try {
        // Temporary file + rename; keeps BOM, encoding, line breaks, mode and owner; refuses links out of the given folder.
        writeTextFileAtomic(file, fixed, { root: givenFolderOf(file, options.given ?? [], io.cwd), expectedText: read.text });
      } catch (error) {
        const why = error instanceof WriteRefused ? error.message : `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        io.stderr(`okr: ${visible(`${name} ${why}`)}\n`);
        notWritten++;
        changed = false;
      }
    }
    // Only fixes that really reached the file (or would, with --dry-run) are listed and counted.
    if (changed) {
      for (const { diagnostic, fix } of outcome.applied) {
        io.stdout(`${visible(`${at(diagnostic)} ${options.dryRun ? 'would apply' : 'applied'}: ${fix.title} [${diagnostic.rule}]`)}\n`);
      }
      changedFiles++;
      appliedCount += outcome.applied.length;
    }
    for (const { diagnostic, fix } of outcome.needsAnswers) {
      const questions = (fix.needsInput ?? []).map((q) => q.prompt).join(' ');
      io.stdout(`${visible(`${at(diagnostic)} not fixed: '${fix.title}' needs an answer from a person: ${questions} [${diagnostic.rule}]`)}\n`);
    }
    if (changed && options.dryRun) io.stdout(visibleLines(createTwoFilesPatch(`a/${name}`, `b/${name}`, read.text, fixed, '', '', { context: 3 })));
  }
  if (!options.dryRun) {
    // Left by an interrupted run: the .okr files are whole, only these leftovers need going.
    for (const removed of removeStaleTemporaryFiles(staleTemporaryFiles(files.map((f) => nodePath.dirname(f)), startedAt))) {
      io.stdout(`${visible(`removed ${displayPath(removed, io.cwd)}, a temporary file left by an interrupted okr fix`)}\n`);
    }
  }
  const verb = options.dryRun ? 'would change' : 'changed';
  const failed = notWritten ? `; ${notWritten} file${notWritten === 1 ? '' : 's'} not written` : '';
  io.stdout(`${appliedCount} fix${appliedCount === 1 ? '' : 'es'} ${options.dryRun ? 'to apply' : 'applied'}; ${changedFiles} file${changedFiles === 1 ? '' : 's'} ${verb}${failed}\n`);
  return unreadable || notWritten ? 2 : 0;
}

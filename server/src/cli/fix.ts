// `okr fix [paths] [--dry-run]`: applies every fix that needs no answer from a person; with
// --dry-run shows the unified diff instead of writing. Fixes that need an answer (a baseline the
// file does not have) are listed with the question, never guessed.
import { createTwoFilesPatch } from 'diff';
import { fixAll, type FixAllOutcome } from '../engine/fixes/fix-all';
import type { EngineConfig } from '../engine/rules/types';
import { displayPath } from './files';
import { readOkrFile } from './read';
import { givenFolderOf, writeTextFileAtomic, WriteRefused } from '../node/write-file';

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
  let unreadable = false;
  let changedFiles = 0;
  let appliedCount = 0;
  for (const file of files) {
    const read = readOkrFile(file);
    const name = displayPath(file, io.cwd);
    if (!read.ok) {
      io.stderr(`okr: ${name} ${read.reason}\n`);
      unreadable = true;
      continue;
    }
    const outcome = fixText(read.text, options.asOf, options.configFor(file));
    for (const { diagnostic, fix } of outcome.applied) {
      const at = `${name}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      io.stdout(`${at} ${options.dryRun ? 'would apply' : 'applied'}: ${fix.title} [${diagnostic.rule}]\n`);
    }
    for (const { diagnostic, fix } of outcome.needsAnswers) {
      const at = `${name}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      const questions = (fix.needsInput ?? []).map((q) => q.prompt).join(' ');
      io.stdout(`${at} not fixed: '${fix.title}' needs an answer from a person: ${questions} [${diagnostic.rule}]\n`);
    }
    if (outcome.text === read.text) continue;
    changedFiles++;
    appliedCount += outcome.applied.length;
    if (options.dryRun) io.stdout(createTwoFilesPatch(`a/${name}`, `b/${name}`, read.text, outcome.text, '', '', { context: 3 }));
    else {
      try {
        // Temporary file + rename; keeps BOM, encoding, line breaks; refuses links out of the given folder.
        writeTextFileAtomic(file, outcome.text, { root: givenFolderOf(file, options.given ?? [], io.cwd), expectedText: read.text });
      } catch (error) {
        io.stderr(`okr: ${name} ${error instanceof WriteRefused ? error.message : `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`}\n`);
        unreadable = true;
      }
    }
  }
  const verb = options.dryRun ? 'would change' : 'changed';
  io.stdout(`${appliedCount} fix${appliedCount === 1 ? '' : 'es'} ${options.dryRun ? 'to apply' : 'applied'}; ${changedFiles} file${changedFiles === 1 ? '' : 's'} ${verb}\n`);
  return unreadable ? 2 : 0;
}

// Runs the engine over files, one result per file; unreadable files are reported, not fatal.
// Ids resolve across all the files of the run: each file is analysed on its own, then the rules
// across files (aligns-unknown, id-duplicate…) run once every file is parsed.
import { analyzeText, withWorkspace, type Analysis } from '../engine/analyze';
import { declinedMessage } from '../engine/report/build';
import type { DeclinedFile } from '../engine/report/alignment';
import type { EngineConfig } from '../engine/rules/types';
import { Workspace } from '../engine/workspace/model';
import { readOkrFile } from './read';

export interface FileAnalysis {
  file: string;
  analysis?: Analysis;
  /** Why the file could not be read. */
  unreadable?: string;
}

export type ConfigFor = (file: string) => EngineConfig | undefined;

export function analyzeFiles(files: string[], asOf: string, configFor: ConfigFor): FileAnalysis[] {
  const results: FileAnalysis[] = files.map((file) => {
    const read = readOkrFile(file);
    // Not UTF-8: one error at the first bad byte, the way the editor shows it.
    if (!read.ok && read.diagnostic) return { file, analysis: { ...analyzeText('', { asOf }), diagnostics: [read.diagnostic], declined: true } };
    if (!read.ok) return { file, unreadable: read.reason };
    return { file, analysis: analyzeText(read.text, { asOf, config: configFor(file), workspace: null, uri: file }) };
  });
  const workspace = workspaceOf(results);
  return results.map((r) => (r.analysis ? { ...r, analysis: withWorkspace(r.analysis, workspace, r.file) } : r));
}

/** The files of a run as one workspace (keyed by file path). */
export function workspaceOf(results: FileAnalysis[]): Workspace {
  return new Workspace(results.filter((r) => r.analysis && !r.analysis.declined).map((r) => ({ uri: r.file, doc: r.analysis!.doc, progress: r.analysis!.progress })));
}

/** The files the engine declined (not UTF-8, a NUL byte, too large), each with its one message. */
export function declinedFiles(results: FileAnalysis[]): DeclinedFile[] {
  return results.flatMap((r) => {
    const message = r.analysis ? declinedMessage(r.analysis) : null;
    return message === null ? [] : [{ file: r.file, message }];
  });
}

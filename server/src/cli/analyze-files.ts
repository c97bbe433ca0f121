// Runs the engine over files, one result per file; unreadable files are reported, not fatal.
import { analyzeText, type Analysis } from '../engine/analyze';
import type { EngineConfig } from '../engine/rules/types';
import { readOkrFile } from './read';

export interface FileAnalysis {
  file: string;
  analysis?: Analysis;
  /** Why the file could not be read. */
  unreadable?: string;
}

export type ConfigFor = (file: string) => EngineConfig | undefined;

export function analyzeFiles(files: string[], asOf: string, configFor: ConfigFor): FileAnalysis[] {
  return files.map((file) => {
    const read = readOkrFile(file);
    if (!read.ok) return { file, unreadable: read.reason };
    return { file, analysis: analyzeText(read.text, { asOf, config: configFor(file) }) };
  });
}

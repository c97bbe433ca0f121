// One pass over a document: parse, compute progress, run the coaching rules.
import type { Diagnostic, OkrDocument } from './model/types';
import { parseDocument } from './parser';
import { computeProgress } from './progress';
import type { DocumentProgress } from './progress/types';
import { DEFAULT_CONFIG, runRules } from './rules';
import type { EngineConfig } from './rules/types';
import { todayIso } from './dates';
import { declineIfTooLarge } from './limits';

export interface AnalyzeOptions {
  config?: EngineConfig;
  /** ISO date the progress is computed at; today by default. */
  asOf?: string;
  /** Documents larger than this many UTF-8 bytes are declined, not analysed (limits.ts has the default). */
  maxDocumentSize?: number;
}

export interface Analysis {
  text: string;
  doc: OkrDocument;
  progress: DocumentProgress;
  /** Syntax errors first, then the rules' findings, in document order. */
  diagnostics: Diagnostic[];
  config: EngineConfig;
  asOf: string;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const asOf = options.asOf ?? todayIso();
  const declined = declineIfTooLarge(text, options.maxDocumentSize);
  if (declined) {
    const progress = computeProgress(declined.doc, { asOf, thresholds: config.thresholds });
    return { text, doc: declined.doc, progress, diagnostics: [declined.diagnostic], config, asOf };
  }
  const doc = parseDocument(text);
  const progress = computeProgress(doc, { asOf, thresholds: config.thresholds });
  const findings = runRules({ text, doc, progress, config, asOf });
  const diagnostics = [...doc.errors, ...findings].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { text, doc, progress, diagnostics, config, asOf };
}

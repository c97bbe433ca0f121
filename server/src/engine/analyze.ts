// One pass over a document: parse, compute progress, run the coaching rules.
import type { Diagnostic, OkrDocument } from './model/types';
import { parseDocument } from './parser';
import { computeProgress } from './progress';
import type { DocumentProgress } from './progress/types';
import { DEFAULT_CONFIG, runRules } from './rules';
import type { EngineConfig } from './rules/types';
import { todayIso } from './dates';
import { declineIfUnfit } from './limits';
import { Workspace } from './workspace/model';

export interface AnalyzeOptions {
  config?: EngineConfig;
  /** ISO date the progress is computed at; today by default. */
  asOf?: string;
  /** Documents larger than this many UTF-8 bytes are declined, not analysed (limits.ts has the default). */
  maxDocumentSize?: number;
  /**
   * The files `aligns` ids resolve in: by default this document alone; `null` leaves the rules across
   * files to the caller, who adds them with `withWorkspace` once every file is parsed.
   */
  workspace?: Workspace | null;
  /** The document's URI in the workspace (`untitled:document` by default). */
  uri?: string;
}

const SINGLE_URI = 'untitled:document';

export interface Analysis {
  text: string;
  doc: OkrDocument;
  progress: DocumentProgress;
  /** Syntax errors first, then the rules' findings, in document order. */
  diagnostics: Diagnostic[];
  config: EngineConfig;
  asOf: string;
  /** Too large to analyse: the one diagnostic says so. */
  declined?: boolean;
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const asOf = options.asOf ?? todayIso();
  const declined = declineIfUnfit(text, options.maxDocumentSize);
  if (declined) {
    const progress = computeProgress(declined.doc, { asOf, thresholds: config.thresholds });
    return { text, doc: declined.doc, progress, diagnostics: [declined.diagnostic], config, asOf, declined: true };
  }
  const doc = parseDocument(text);
  const progress = computeProgress(doc, { asOf, thresholds: config.thresholds });
  const findings = runRules({ text, doc, progress, config, asOf });
  const analysis: Analysis = { text, doc, progress, diagnostics: sortDiagnostics([...doc.errors, ...findings]), config, asOf };
  if (options.workspace === null) return analysis;
  const uri = options.uri ?? SINGLE_URI;
  return withWorkspace(analysis, options.workspace ?? new Workspace([{ uri, doc, progress }]), uri);
}

/** The findings of the rules across files (`aligns-unknown`, `id-duplicate`…) for one document. */
export function workspaceDiagnostics(analysis: Analysis, workspace: Workspace, uri: string): Diagnostic[] {
  const { text, doc, progress, config, asOf } = analysis;
  return runRules({ text, doc, progress, config, asOf, workspace, uri }, 'workspace');
}

/** The analysis with the workspace rules' findings added, in document order. */
export function withWorkspace(analysis: Analysis, workspace: Workspace, uri: string): Analysis {
  if (analysis.declined) return analysis;
  const extra = workspaceDiagnostics(analysis, workspace, uri);
  return extra.length ? { ...analysis, diagnostics: sortDiagnostics([...analysis.diagnostics, ...extra]) } : analysis;
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

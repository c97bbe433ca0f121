// What a fix is (text edits, questions to a person) and the context rules and fixes read.
import type { OkrDocument, Range } from '../model/types';
import type { DocumentProgress, StatusThresholds } from '../progress/types';
import type { Workspace } from '../workspace/model';

/** A text replacement, LSP style (0-based, end exclusive). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** What a fix must ask a person before it can apply (e.g. a baseline the file does not have). */
export interface FixInput {
  name: string;
  prompt: string;
  placeholder?: string;
  /** A regular expression (source) the answer must match. */
  pattern?: string;
}

export interface Fix {
  title: string;
  /** The fix the editor offers first (Ctrl+. then Enter). */
  isPreferred?: boolean;
  edits: TextEdit[];
  /** Present when the fix cannot apply without answers; `edits` is then empty. */
  needsInput?: FixInput[];
  /**
   * Set when the fix's result depends on its neighbours (converting a KR to a task puts it under
   * the KR before it): a batch applies at most one such fix per objective, then re-checks.
   */
  dependsOnNeighbours?: boolean;
}

export interface RuleContext {
  text: string;
  /** The source split into lines without their line breaks. */
  lines: string[];
  doc: OkrDocument;
  progress: DocumentProgress;
  asOf: string;
  options: Record<string, unknown>;
  /** Status thresholds from the configuration (progress at other dates uses them). */
  thresholds?: StatusThresholds;
  /** The files this one is checked with (workspace-scoped rules only). */
  workspace?: Workspace;
  /** This document's URI in the workspace. */
  uri?: string;
}

// What a fix is (text edits, questions to a person) and the context rules and fixes read.
import type { KeyResult, OkrDocument, Range } from '../model/types';
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
  /** The answer, prefilled (Enter accepts it): only a real answer, never a stand-in. */
  value?: string;
  /** A pick among these (value is the answer) instead of free text. */
  choices?: { value: string; label: string; detail?: string }[];
  /** Asked only when the answer named `name` matches `pattern` (a regular expression source). */
  askIf?: { name: string; pattern: string };
  /**
   * A reading the answer gets while it is typed, as a warning (never a refusal): `outcome-kr` is
   * `outcomeAnswerWarning` (fixes/answer-checks.ts), for an answer that becomes a KR sentence.
   */
  warn?: 'outcome-kr';
}

export interface Fix {
  title: string;
  /** The fix the editor offers first (Ctrl+. then Enter). */
  isPreferred?: boolean;
  edits: TextEdit[];
  /** Present when the fix cannot apply without answers; `edits` is then empty. */
  needsInput?: FixInput[];
  /**
   * A short, title-case name for the boxes that ask the questions ("Measure It"), when the
   * fix's title is a long sentence that would wrap; its details belong in the prompts.
   */
  inputTitle?: string;
  /**
   * Set when the fix's result depends on its neighbours (converting a KR to a task puts it under
   * the KR before it): fix-all computes it again knowing which neighbours change in the same batch.
   */
  dependsOnNeighbours?: boolean;
  /**
   * A suggestion for a KR that is fine as written (an `info` hint): offered in the editor, one at
   * a time, but never applied by fix-all (`okr fix`, fix on save).
   */
  onRequestOnly?: boolean;
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
  /** In a fix-all batch: the KRs that become tasks in the same batch (a task never goes under one of them). */
  becomingTasks?: ReadonlySet<KeyResult>;
}

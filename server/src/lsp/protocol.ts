// Custom requests and notifications between the OKR client and server (docs/protocol.md).
import type { Position, Range } from '../engine/model/types';
import type { ComputedStatus } from '../engine/progress/types';
import type { FileSummary, OkrTree, TreeDeclined } from '../engine/tree';
import type { AlignmentTree } from '../engine/workspace/alignment-tree';
import type { FixInput } from '../engine/rules/types';
import type { CheckInFacts } from '../engine/checkin';
import type { Diagnostic as EngineDiagnostic } from '../engine/model/types';

export const TreeRequest = 'okr/tree';
export interface TreeParams {
  /** Only branches with a KR in one of these statuses; all when absent or empty. */
  statuses?: ComputedStatus[];
}
export type TreeResult = OkrTree;

/** The alignment view of the progress tree (`okr/alignmentTree`): company objectives on top, contributors below. */
export const AlignmentTreeRequest = 'okr/alignmentTree';
export interface AlignmentTreeParams {
  /** Only what leads to a KR in one of these statuses, as in `okr/tree`; all when absent or empty. */
  statuses?: ComputedStatus[];
}
/** With the files the CLI declines, as in `okr/tree`: their objectives are missing from the alignment too. */
export type AlignmentTreeResult = AlignmentTree & { declined: TreeDeclined[] };

/** Sent by the server whenever the tree may have changed (an edit, a file on disk, settings). */
export const TreeChangedNotification = 'okr/treeChanged';

export const FileSummaryRequest = 'okr/fileSummary';
export interface FileSummaryParams {
  uri: string;
}
export type FileSummaryResult = FileSummary | null;

export const CheckInContextRequest = 'okr/checkInContext';
export interface CheckInContextParams {
  uri: string;
  position: Position;
}
export interface CheckInContextResult {
  /** The KR's text. */
  title: string;
  range: Range;
  /** The value to show as an example (`$19.4M`), from the latest check-in, else the baseline or target. */
  example: string | null;
  /** The date the check-in will carry. */
  today: string;
  milestone: boolean;
  /** What the KR expects: unit, last value, dates (the input boxes validate against it). */
  facts: CheckInFacts;
}

export const CheckInEditRequest = 'okr/checkInEdit';
export interface CheckInEditParams {
  uri: string;
  position: Position;
  /** `$18.2M`, `64%`, `done`… */
  value: string;
  /** YYYY-MM-DD; today (the as-of date) when absent. */
  date?: string;
  status?: 'on-track' | 'at-risk' | 'off-track';
  note?: string;
}
export interface CheckInEditResult {
  /** The edit to apply, or an explanation of what is wrong with the value. */
  edit?: { range: Range; newText: string };
  line?: number;
  error?: string;
}

/** A code action's command when a fix needs answers from a person (the AR rewrite without a baseline). */
export const FixWithInputCommand = 'okr.applyFixWithInput';
export interface FixWithInputArgs {
  uri: string;
  version: number;
  diagnostic: EngineDiagnostic;
  /** The title of the input boxes (the fix's short input title, else its title); sent back to pick the fix. */
  title: string;
  inputs: FixInput[];
}

/** A warning on an answer typed into a fix's question (the question's `warn`), read by the server's engine. */
export const AnswerWarningRequest = 'okr/answerWarning';
export interface AnswerWarningParams {
  warn: 'outcome-kr';
  answer: string;
}
export interface AnswerWarningResult {
  message: string | null;
}

export const FixWithAnswersRequest = 'okr/fixWithAnswers';
export interface FixWithAnswersParams {
  uri: string;
  diagnostic: EngineDiagnostic;
  title: string;
  answers: Record<string, string>;
}
export interface FixWithAnswersResult {
  edits?: { range: Range; newText: string }[];
  error?: string;
}

export const ReportRequest = 'okr/report';
export interface ReportParams {
  /** Files to report; every indexed file when absent. */
  uris?: string[];
}
export interface ReportResult {
  markdown: string;
}

/** The progress chart of a KR, an objective (its KRs side by side) or a whole file. */
export const ChartRequest = 'okr/chart';
export interface ChartParams {
  uri: string;
  /** A line in the KR or objective; the whole file when absent or on neither. */
  line?: number;
}
export type ChartResult = import('../engine/chart/panel').PanelContent | null;

/** What the Close Period command asks about: the period, the next one, and the KRs to pick from. */
export const CloseContextRequest = 'okr/closeContext';
export interface CloseContextParams {
  uri: string;
}
export interface CloseContextResult {
  period: string;
  periodEnd: string;
  /** The next period in the same shape: a quarter after a quarter, whole months after whole months. */
  suggestedNext: string;
  /** The name of the next period's file, beside this one, for the suggested next period. */
  suggestedFile: string;
  /** The date the figures and scores are computed at (the `okr.today` setting, else today). */
  asOf: string;
  /** Days from `asOf` to the period's last day: more than 0 is an early close. */
  daysLeft: number;
  /** One sentence for a confirmation before an early close; null when the period has ended or ends today. */
  earlyWarning: string | null;
  /** The KRs with no score yet that closing writes one for, into this file. */
  toScore: { line: number; title: string; score: number }[];
  krs: { line: number; title: string; description: string; unfinished: boolean }[];
}

/** The edits that close a period: scores in this file, and the next period's file. */
export const ClosePlanRequest = 'okr/closePlan';
export interface ClosePlanParams {
  uri: string;
  next: string;
  /** Lines of the KRs to carry over. */
  carry: number[];
}
export interface ClosePlanResult {
  scoreEdits?: { range: Range; newText: string }[];
  nextUri?: string;
  nextText?: string;
  error?: string;
}

/** Fix-all on an open document (the command "Fix all auto-fixable problems"): the same edits as `okr fix`. */
export const FixAllRequest = 'okr/fixAll';
export interface FixAllParams {
  uri: string;
}
export interface FixAllResult {
  edits: { range: Range; newText: string }[];
  /** How many findings the edits fix. */
  applied: number;
  /** How many findings have fixes that need answers from a person. */
  needsAnswers: number;
}

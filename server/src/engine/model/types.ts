// The document model that the parser builds and everything else reads.
// Positions follow LSP conventions (0-based line and UTF-16 character) so that the
// server can hand them over unchanged; the CLI adds 1 when it prints them.
import type { KrReading } from '../sentence/reader';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a document: a syntax error or a coaching rule's finding. */
export interface Diagnostic {
  /** Rule id, or `syntax` for errors of the language itself. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** What a fix needs to act on this diagnostic (rule specific, JSON-serialisable). */
  data?: unknown;
  /** Extra places that explain the finding. */
  related?: { range: Range; message: string }[];
  /** Marks text that is unnecessary or deprecated (editor tags). */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** A number with what it counts: `$24M` → { amount: 24000000, unit: '$' }. */
export interface Quantity {
  amount: number;
  /** Normalised unit: a currency symbol (`$`, `€`, `£`, `¥`), `%`, a unit word (`days`, `customers`), or '' for a bare number. */
  unit: string;
  /** The text as written, kept for rewriting in the same style. */
  raw: string;
  range: Range;
}

export interface DateValue {
  /** ISO `YYYY-MM-DD`. */
  iso: string;
  range: Range;
}

export type Comparator = '<' | '<=' | '>' | '>=';
export type ReportedStatus = 'on-track' | 'at-risk' | 'off-track';

export interface Period {
  /** As written: `2026-Q2`, `2026-H1`, `2026`, `2026-04-01 to 2026-08-30`. */
  label: string;
  start: string;
  end: string;
  range: Range;
}

export interface Baseline {
  value: Quantity;
  date?: DateValue;
  range: Range;
}

export interface Target {
  /** A milestone KR (`target done`) has no value. */
  value?: Quantity;
  comparator?: Comparator;
  done?: boolean;
  date?: DateValue;
  range: Range;
}

export interface CheckIn {
  date: DateValue;
  /** `done` check-ins of a milestone KR carry no value. */
  value?: Quantity;
  done?: boolean;
  status?: ReportedStatus;
  note?: string;
  range: Range;
}

export interface Task {
  text: string;
  done: boolean;
  range: Range;
  /** Range of the task text only. */
  textRange: Range;
}

/** What the KR sentence itself says (`Reduce X from $24M to $12M by 2026-08-30`). */
export interface SentenceFacts {
  from?: Quantity;
  to?: Quantity;
  /** `by 50%` or `by 10 days`: a relative change. */
  by?: Quantity;
  date?: DateValue;
  /** Every quantity that appears in the sentence. */
  quantities: Quantity[];
  /** Dates written YYYY-MM-DD that are not on the calendar ("by 2026-02-30"): syntax errors. */
  invalidDates?: DateValue[];
}

/** An id as written after `id` or `aligns`. */
export interface SlugRef {
  slug: string;
  /** Range of the id itself. */
  range: Range;
  /** Range of the whole line. */
  lineRange: Range;
}

/** What an objective or a KR says about alignment (`id`, `aligns`); absent when it says nothing. */
export interface Alignable {
  id?: SlugRef;
  aligns?: SlugRef[];
}

export interface KeyResult extends Alignable {
  text: string;
  /** Range of the whole `kr` line. */
  range: Range;
  /** Range of the text after `kr`. */
  textRange: Range;
  /** Range of the KR with all its child lines. */
  blockRange: Range;
  sentence: SentenceFacts;
  /** The one reading of the sentence (shape, verbs, quantities, evidence) that rules, fixes and progress use; not enumerable (derived from `text`). */
  reading: KrReading;
  baseline?: Baseline;
  target?: Target;
  weight?: { value: number; range: Range };
  /** The end-of-period grade, 0.0–1.0 (`score 0.7 "note"`). */
  score?: { value: number; note?: string; range: Range };
  checkins: CheckIn[];
  tasks: Task[];
}

export interface Objective extends Alignable {
  title: string;
  range: Range;
  titleRange: Range;
  blockRange: Range;
  why?: { text: string; range: Range };
  owner?: { text: string; range: Range };
  keyResults: KeyResult[];
  /** Tasks written before any KR of this objective. */
  tasks: Task[];
}

export interface OkrDocument {
  period?: Period;
  team?: { text: string; range: Range };
  objectives: Objective[];
  comments: Range[];
  /** Syntax and model errors (rule `syntax`). */
  errors: Diagnostic[];
  /** Number of lines in the source. */
  lineCount: number;
}

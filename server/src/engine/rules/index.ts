// The rule registry: every coaching rule, the default configuration, running them, and their fixes.
import type { Diagnostic, KeyResult, OkrDocument } from '../model/types';
import type { DocumentProgress } from '../progress/types';
import { DEFAULT_THRESHOLDS } from '../progress/types';
import { checkinAtRiskStreak } from './checkin-at-risk-streak';
import { checkinBeforeBaseline } from './checkin-before-baseline';
import { checkinFuture } from './checkin-future';
import { checkinStale } from './checkin-stale';
import { duplicateKr } from './duplicate-kr';
import { fileMaxObjectives } from './file-max-objectives';
import { krAmbiguousMetric } from './kr-ambiguous-metric';
import { krBaselineEqualsTarget } from './kr-baseline-equals-target';
import { krDateOutsidePeriod } from './kr-date-outside-period';
import { krDirectionMismatch } from './kr-direction-mismatch';
import { krImplicitTarget } from './kr-implicit-target';
import { krKpiLike } from './kr-kpi-like';
import { krMissingBaseline } from './kr-missing-baseline';
import { krMissingDate } from './kr-missing-date';
import { krMissingTarget } from './kr-missing-target';
import { krRelativeWithoutBaseline } from './kr-relative-without-baseline';
import { krTask } from './kr-task';
import { krTaskWithResult } from './kr-task-with-result';
import { krUnscored } from './kr-unscored';
import { krVague } from './kr-vague';
import { krZeroToHundred } from './kr-zero-to-hundred';
import { objectiveAllTasks } from './objective-all-tasks';
import { objectiveHasNumber } from './objective-has-number';
import { objectiveMaxKrs } from './objective-max-krs';
import { objectiveMissingWhy } from './objective-missing-why';
import { objectiveNoKrs } from './objective-no-krs';
import { alignsCycle } from './aligns-cycle';
import { alignsLaterPeriod } from './aligns-later-period';
import { alignsUnknown } from './aligns-unknown';
import { idDuplicate } from './id-duplicate';
import type { Workspace } from '../workspace/model';
import type { EngineConfig, Fix, Rule, RuleConfigEntry, RuleContext } from './types';

export const ALL_RULES: Rule[] = [
  krTask, krTaskWithResult, krVague, krAmbiguousMetric, krRelativeWithoutBaseline, krImplicitTarget, krMissingBaseline, krMissingTarget,
  krMissingDate, krBaselineEqualsTarget, krDirectionMismatch, krDateOutsidePeriod, krZeroToHundred, krKpiLike,
  objectiveMissingWhy, objectiveMaxKrs, objectiveNoKrs, objectiveAllTasks, objectiveHasNumber, fileMaxObjectives,
  checkinAtRiskStreak, checkinStale, checkinFuture, checkinBeforeBaseline, duplicateKr, krUnscored,
  idDuplicate, alignsUnknown, alignsCycle, alignsLaterPeriod,
];

const RULES_BY_ID = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

function defaultEntry(rule: Rule): RuleConfigEntry {
  return { severity: rule.defaultSeverity, options: { ...(rule.defaultOptions ?? {}) } };
}

export const DEFAULT_CONFIG: EngineConfig = {
  rules: Object.fromEntries(ALL_RULES.map((rule) => [rule.id, defaultEntry(rule)])),
  thresholds: DEFAULT_THRESHOLDS,
};

export interface RuleRunInput {
  text: string;
  doc: OkrDocument;
  progress: DocumentProgress;
  config: EngineConfig;
  asOf: string;
  /** For workspace-scoped rules: the files this one is checked with, and its URI among them. */
  workspace?: Workspace;
  uri?: string;
  /** The text's lines, when the caller already has them (fix-all shares one split among all fixes). */
  lines?: () => string[];
  becomingTasks?: ReadonlySet<KeyResult>;
}

/** The entry for a rule: the configured one over the rule's defaults. */
export function effectiveEntry(rule: Rule, config: EngineConfig): RuleConfigEntry {
  const configured = config.rules[rule.id];
  const defaults = defaultEntry(rule);
  if (!configured) return defaults;
  return { severity: configured.severity, options: { ...defaults.options, ...configured.options } };
}

/** Lines are split only when a rule or fix asks for them (checks rarely do; fixes always). */
export function lazyLines(text: string): () => string[] {
  let lines: string[] | undefined;
  return () => (lines ??= text.split(/\r\n|\r|\n/));
}

function contextFor(input: RuleRunInput, lines: () => string[], options: Record<string, unknown>): RuleContext {
  return {
    text: input.text, doc: input.doc, progress: input.progress, asOf: input.asOf, options, thresholds: input.config.thresholds,
    workspace: input.workspace, uri: input.uri,
    becomingTasks: input.becomingTasks,
    get lines() {
      return lines();
    },
  };
}

/** Runs the rules of one scope: the file's own (default), or those across files (needs `input.workspace`). */
export function runRules(input: RuleRunInput, scope: 'file' | 'workspace' = 'file'): Diagnostic[] {
  const lines = input.lines ?? lazyLines(input.text);
  const findings: Diagnostic[] = [];
  for (const rule of ALL_RULES) {
    if ((rule.scope ?? 'file') !== scope || (scope === 'workspace' && !input.workspace)) continue;
    const entry = effectiveEntry(rule, input.config);
    if (entry.severity === 'off') continue;
    const severity = entry.severity;
    try {
      rule.check(contextFor(input, lines, entry.options), (finding) => findings.push({ ...finding, rule: rule.id, severity }));
    } catch (error) {
      // One broken rule must not hide the others' findings, nor crash the editor.
      findings.push({
        rule: rule.id,
        severity: 'info',
        message: `the rule '${rule.id}' failed on this file and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function fixesFor(input: RuleRunInput, diagnostic: Diagnostic, answers?: Record<string, string>): Fix[] {
  const rule = RULES_BY_ID.get(diagnostic.rule);
  if (!rule?.fixes) return [];
  const lines = input.lines ?? lazyLines(input.text);
  try {
    return rule.fixes(contextFor(input, lines, effectiveEntry(rule, input.config).options), diagnostic, answers);
  } catch {
    return [];
  }
}

/** Whether any fix could exist for a diagnostic (its rule has fixes): cheap, nothing is computed. */
export function mayHaveFix(diagnostic: Diagnostic): boolean {
  return !!RULES_BY_ID.get(diagnostic.rule)?.fixes;
}

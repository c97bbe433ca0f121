import type { Diagnostic, Severity } from '../model/types';
import type { StatusThresholds } from '../progress/types';
import type { Fix, RuleContext } from '../fixes/types';

export type { Fix, FixInput, RuleContext, TextEdit } from '../fixes/types';

export type RuleSeverity = Severity | 'off';

export interface RuleConfigEntry {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

export interface EngineConfig {
  rules: Record<string, RuleConfigEntry>;
  thresholds: StatusThresholds;
}

export interface RuleExample {
  /** A whole `.okr` document that raises the rule. */
  bad: string;
  /** The same document, fixed: it does not raise the rule. */
  good: string;
  /** The as-of date the example is checked at (check-in rules depend on it). */
  asOf?: string;
  /** Other documents of the workspace the example needs (alignment across files). */
  others?: string[];
}

export interface Rule {
  /** Stable id: tools and people depend on it. */
  id: string;
  defaultSeverity: RuleSeverity;
  /** `workspace`: the rule looks across files and runs with a workspace (rules/workspace.ts). */
  scope?: 'file' | 'workspace';
  /** One line: what the rule finds. */
  description: string;
  /** Why it matters, with the OKR source it comes from. */
  rationale: string;
  examples: RuleExample[];
  /** How to fix a finding, for people (docs). */
  howToFix?: string;
  defaultOptions?: Record<string, unknown>;
  /** What each option means (docs). */
  optionsDoc?: Record<string, string>;
  /** Reports findings; the engine sets rule id and severity. */
  check(ctx: RuleContext, report: (finding: Omit<Diagnostic, 'rule' | 'severity'>) => void): void;
  /** Fixes for one of this rule's diagnostics; `answers` holds replies to a fix's `needsInput`. */
  fixes?(ctx: RuleContext, diagnostic: Diagnostic, answers?: Record<string, string>): Fix[];
}

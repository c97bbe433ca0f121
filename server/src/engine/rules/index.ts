// Rule registry: filled in by the coaching-rules work (issue 3). This stub keeps the engine compiling.
import type { Diagnostic, OkrDocument } from '../model/types';
import type { DocumentProgress } from '../progress/types';
import { DEFAULT_THRESHOLDS } from '../progress/types';
import type { EngineConfig, Fix, Rule } from './types';

export const ALL_RULES: Rule[] = [];

export const DEFAULT_CONFIG: EngineConfig = { rules: {}, thresholds: DEFAULT_THRESHOLDS };

export interface RuleRunInput {
  text: string;
  doc: OkrDocument;
  progress: DocumentProgress;
  config: EngineConfig;
  asOf: string;
}

export function runRules(_input: RuleRunInput): Diagnostic[] {
  return [];
}

export function fixesFor(_input: RuleRunInput, _diagnostic: Diagnostic, _answers?: Record<string, string>): Fix[] {
  return [];
}

// The client's `okr.*` settings, read defensively: a wrong value falls back to the default.
import type { RuleSeverity } from '../engine/rules/types';
import type { StatusThresholds } from '../engine/progress/types';
import { DEFAULT_THRESHOLDS } from '../engine/progress/types';

export interface ClientSettings {
  /** ISO as-of date, or '' for today. */
  today: string;
  rules: Record<string, RuleSeverity>;
  thresholds: StatusThresholds;
  inlayHints: boolean;
  /** Documents larger than this many UTF-8 bytes are declined. */
  maxDocumentSize: number;
}

export { DEFAULT_MAX_DOCUMENT_SIZE } from '../engine/limits';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../engine/limits';

export const DEFAULT_SETTINGS: ClientSettings = {
  today: '',
  rules: {},
  thresholds: DEFAULT_THRESHOLDS,
  inlayHints: true,
  maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Reads the `okr` section as VS Code sends it (nested objects); anything malformed is ignored. */
export function readSettings(raw: unknown): ClientSettings {
  const s = isObject(raw) ? raw : {};
  const status = isObject(s.status) ? s.status : {};
  const inlay = isObject(s.inlayHints) ? s.inlayHints : {};
  const rules: Record<string, RuleSeverity> = {};
  if (isObject(s.rules)) {
    for (const [id, value] of Object.entries(s.rules)) if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleSeverity;
  }
  const fraction = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : d);
  return {
    today: typeof s.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.today) ? s.today : '',
    rules,
    thresholds: { onTrack: fraction(status.onTrack, DEFAULT_THRESHOLDS.onTrack), atRisk: fraction(status.atRisk, DEFAULT_THRESHOLDS.atRisk) },
    inlayHints: typeof inlay.enabled === 'boolean' ? inlay.enabled : true,
    maxDocumentSize: typeof s.maxDocumentSize === 'number' && s.maxDocumentSize >= 1024 ? s.maxDocumentSize : DEFAULT_MAX_DOCUMENT_SIZE,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

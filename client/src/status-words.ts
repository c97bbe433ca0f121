// The words and icons of the statuses, one table for the tree, the status bar, the filter picker
// and the Check In status pick. No editor API here, so that the unit tests read the same words.
import { COMPUTED_STATUSES, statusWords } from '../../server/src/engine/progress/status-filter';
import type { ComputedStatus } from '../../server/src/engine/progress/types';

export { statusWords };

/** Codicon and theme colour per status, as the tree paints them. */
export const STATUS_ICONS: Record<ComputedStatus, { icon: string; colour: string }> = {
  achieved: { icon: 'pass-filled', colour: 'testing.iconPassed' },
  'on-track': { icon: 'circle-filled', colour: 'charts.green' },
  'at-risk': { icon: 'warning', colour: 'charts.yellow' },
  'off-track': { icon: 'error', colour: 'charts.red' },
  'no-data': { icon: 'circle-outline', colour: 'disabledForeground' },
};


/** A quick pick label with the tree's icon: `$(error) off track`. */
export function statusPickLabel(status: ComputedStatus): string {
  return `$(${STATUS_ICONS[status].icon}) ${statusWords(status)}`;
}

/** The statuses the filter offers, worst first (the order `okr report --status` names them in). */
export const FILTER_STATUSES = COMPUTED_STATUSES;

/** The calls a check-in can record (the file's tokens), with what each means. */
export const REPORTED_STATUSES = [
  { status: 'on-track', description: 'on course' },
  { status: 'at-risk', description: 'may miss the target' },
  { status: 'off-track', description: 'will miss it without a change' },
] as const satisfies ReadonlyArray<{ status: ComputedStatus; description: string }>;

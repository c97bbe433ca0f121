// What the OKR Progress view says about its status filter, in either mode (by file or Alignment).
// No editor API here, so that the unit tests read the same text the view shows.
import type { ComputedStatus } from '../../server/src/engine/progress/types';

const names = (statuses: ComputedStatus[]) => statuses.map((s) => s.replace('-', ' ')).join(', ');

/** The view's description beside its title: `filtered: off track, at risk`, or none without a filter. */
export function filterDescription(statuses: ComputedStatus[]): string | undefined {
  return statuses.length ? `filtered: ${names(statuses)}` : undefined;
}

/**
 * The message above the rows. A filter hides rows, never changes a figure; when it hides every row
 * the view says so, instead of showing nothing (VS Code shows no welcome text under a message).
 */
export function filterMessage(statuses: ComputedStatus[], nothingShown: boolean): string | undefined {
  if (!statuses.length) return undefined;
  if (nothingShown) return `Nothing matches the filter (${names(statuses)}). Clear the filter to see every key result.`;
  return 'Filtered by status: totals still count every key result.';
}

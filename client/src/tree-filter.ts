// What the OKR Progress view says about its status filter, in either mode (by file or Alignment).
// No editor API here, so that the unit tests read the same text the view shows.
import type { ComputedStatus } from '../../server/src/engine/progress/types';
import { statusWords } from './status-words';

const names = (statuses: ComputedStatus[]) => statuses.map(statusWords).join(', ');

/** `off track, at risk or with no data`: the statuses as a phrase after "key results". */
function phrase(statuses: ComputedStatus[]): string {
  const words = statuses.map((s) => (s === 'no-data' ? 'with no data' : statusWords(s)));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

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
  // The view is alone in its container, so VS Code shows no description: the message names the filter.
  return `Showing key results ${phrase(statuses)}. Totals still count every key result.`;
}

// `okr report --status at-risk,off-track`: the statuses to show, checked before any file is read.
import { editDistance } from '../engine/edit-distance';
import { COMPUTED_STATUSES } from '../engine/progress/status-filter';
import type { ComputedStatus } from '../engine/progress/types';
import { UsageError } from './files';

const isStatus = (word: string): word is ComputedStatus => (COMPUTED_STATUSES as readonly string[]).includes(word);

/**
 * The statuses named by `--status` (comma-separated, the option given once or more; any case), in
 * the order given, each once. None given: no filter. A word that is no status stops the run.
 */
export function parseStatuses(values: string[] | undefined): ComputedStatus[] {
  if (values === undefined) return [];
  const words = values.flatMap((v) => v.split(',')).map((w) => w.trim());
  // `--status "$UNSET"` must not quietly show everything.
  if (words.every((w) => w === '')) throw new UsageError(`${usage(values.join(','))} (an unset variable?)`);
  const statuses: ComputedStatus[] = [];
  for (const word of words.filter((w) => w !== '')) {
    const status = word.toLowerCase();
    if (!isStatus(status)) {
      const closest = closestStatus(status);
      throw new UsageError(closest ? `${usage(word)} — did you mean '${closest}'?` : usage(word));
    }
    if (!statuses.includes(status)) statuses.push(status);
  }
  return statuses;
}

function usage(given: string): string {
  return `--status takes ${COMPUTED_STATUSES.join(', ')} (comma-separated), not '${given}'`;
}

/** The status a typo most likely meant, when it is close enough to be one. */
function closestStatus(word: string): ComputedStatus | undefined {
  let best: ComputedStatus | undefined;
  let bestDistance = Infinity;
  for (const status of COMPUTED_STATUSES) {
    const d = editDistance(word, status);
    if (d < bestDistance) {
      best = status;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

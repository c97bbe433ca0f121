// `okr report --status at-risk,off-track`: the statuses to show, checked before any file is read.
import { closestWord } from '../engine/edit-distance';
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
      const closest = closestWord(status, COMPUTED_STATUSES);
      throw new UsageError(closest ? `${usage(word)} — did you mean '${closest}'?` : usage(word));
    }
    if (!statuses.includes(status)) statuses.push(status);
  }
  return statuses;
}

function usage(given: string): string {
  return `--status takes ${COMPUTED_STATUSES.join(', ')} (comma-separated), not '${given}'`;
}

// The status filter, one rule for the OKR Progress view (both modes) and `okr report --status`:
// a KR is shown when its status is picked; an objective (or an aligned item) when something under
// it is shown, or, with nothing under it shown, when its own status is picked (an objective without
// KRs has no data). A filter hides rows and never changes a figure: every total counts what is hidden.
import type { ComputedStatus } from './types';

/** Every status, in the order the view offers them (worst first). */
export const COMPUTED_STATUSES: readonly ComputedStatus[] = ['off-track', 'at-risk', 'on-track', 'achieved', 'no-data'];

/** A status as people read it: `off-track` → `off track`. The one spelling for tree, reports and client. */
export function statusWords(status: string): string {
  return status.replace('-', ' ');
}

export class StatusFilter {
  private readonly picked: ReadonlySet<ComputedStatus>;

  /** No statuses: no filter, everything is shown. */
  constructor(statuses: readonly ComputedStatus[]) {
    this.picked = new Set(statuses);
  }

  get active(): boolean {
    return this.picked.size > 0;
  }

  /** A KR (or anything judged by its own status alone). */
  shows(status: ComputedStatus): boolean {
    return !this.active || this.picked.has(status);
  }

  /** An objective or aligned item whose own status is `status`, with `shownBelow` KRs or items under it still shown. */
  showsParent(status: ComputedStatus, shownBelow: number): boolean {
    return shownBelow > 0 || this.shows(status);
  }
}

// Roll-up along alignment (docs/progress.md): a parent's own KRs and its contributors are kept
// apart — `own` and `contributed` — and the rolled-up figure is the mean of the two parts that are known.
import { computeProgress, weakest } from '../progress';
import type { ComputedStatus, DocumentProgress, KrProgress, ObjectiveProgress, ProgressOptions } from '../progress/types';
import { DEFAULT_THRESHOLDS } from '../progress/types';
import type { AlignNode, Workspace } from './model';

export interface Part {
  progress: number | null;
  status: ComputedStatus;
}

export interface RolledUp extends Part {
  /** The objective's own KRs (weighted mean), or the KR itself. */
  own: Part;
  /** The contributors' rolled-up progress, each contributor counted once; null without contributors. */
  contributed: (Part & { count: number }) | null;
  /** The contributors counted (a KR whose objective aligns to the same parent is counted through its objective). */
  contributors: AlignNode[];
}

export class RollUp {
  private readonly progressOfUri = new Map<string, DocumentProgress>();
  private readonly done = new Map<AlignNode, RolledUp>();
  private readonly visiting = new Set<AlignNode>();
  private readonly options: ProgressOptions;

  constructor(readonly ws: Workspace, options: Partial<ProgressOptions> & { asOf: string }) {
    this.options = { asOf: options.asOf, thresholds: options.thresholds ?? DEFAULT_THRESHOLDS };
  }

  /** The document's progress: the caller's when given, else computed once. */
  documentProgress(uri: string): DocumentProgress | undefined {
    let progress = this.progressOfUri.get(uri);
    if (!progress) {
      const source = this.ws.sources.get(uri);
      if (!source) return undefined;
      progress = source.progress ?? computeProgress(source.doc, this.options);
      this.progressOfUri.set(uri, progress);
    }
    return progress;
  }

  objectiveProgress(node: AlignNode): ObjectiveProgress | undefined {
    return this.documentProgress(node.uri)?.objectives.find((o) => o.objective === node.objective);
  }

  krProgress(node: AlignNode): KrProgress | undefined {
    return node.kr ? this.objectiveProgress(node)?.keyResults.find((k) => k.kr === node.kr) : undefined;
  }

  own(node: AlignNode): Part {
    const progress = node.kr ? this.krProgress(node) : this.objectiveProgress(node);
    if (!progress) return { progress: null, status: 'no-data' };
    return { progress: progress.progress === null ? null : clamp01(progress.progress), status: progress.status };
  }

  /** The contributors that count: each once, and not a KR already counted through its objective. */
  countedContributors(node: AlignNode): AlignNode[] {
    const all = this.ws.contributors(node);
    return all.filter((c) => !(c.parent && all.includes(c.parent)));
  }

  of(node: AlignNode): RolledUp {
    const known = this.done.get(node);
    if (known) return known;
    const own = this.own(node);
    // On a cycle (an error of its own) the roll-up stops where it came in.
    if (this.visiting.has(node)) return { ...own, own, contributed: null, contributors: [] };
    this.visiting.add(node);
    const contributors = this.countedContributors(node).filter((c) => !this.visiting.has(c));
    const parts = contributors.map((c) => this.of(c));
    this.visiting.delete(node);
    const contributed = parts.length ? { progress: meanOf(parts.map((p) => p.progress)), status: weakest(parts.map((p) => p.status)), count: parts.length } : null;
    const both = contributed ? [own, contributed] : [own];
    const result: RolledUp = { progress: meanOf(both.map((p) => p.progress)), status: weakest(both.map((p) => p.status)), own, contributed, contributors };
    this.done.set(node, result);
    return result;
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function meanOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((a, b) => a + clamp01(b), 0) / known.length) * 1e9) / 1e9;
}

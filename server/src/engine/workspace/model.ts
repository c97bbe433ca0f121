// The workspace model: many parsed files seen together, so that `aligns SLUG` in one file
// finds `id SLUG` in another. Pure and rebuilt from documents: the CLI builds it from the
// files it is given, the language server from the files on disk and the open editors.
import type { KeyResult, Objective, OkrDocument, Position, Range, SlugRef } from '../model/types';
import type { DocumentProgress } from '../progress/types';

export interface WorkspaceSource {
  uri: string;
  doc: OkrDocument;
  /** Progress, when the caller already has it (roll-ups compute it otherwise). */
  progress?: DocumentProgress;
}

/** An objective or a KR, seen from the workspace. */
export interface AlignNode {
  uri: string;
  kind: 'objective' | 'kr';
  title: string;
  /** The `objective` or `kr` line. */
  range: Range;
  id?: SlugRef;
  aligns: SlugRef[];
  doc: OkrDocument;
  objective: Objective;
  kr?: KeyResult;
  /** A KR's objective. */
  parent?: AlignNode;
}

export interface AlignReference {
  node: AlignNode;
  ref: SlugRef;
}

/** An id under the cursor: where it is written and what it names. */
export interface SlugAt {
  role: 'id' | 'aligns';
  slug: string;
  range: Range;
  node: AlignNode;
}

const NONE: never[] = [];

export class Workspace {
  readonly sources = new Map<string, WorkspaceSource>();
  readonly nodes: AlignNode[] = [];
  private readonly nodesOfUri = new Map<string, AlignNode[]>();
  private readonly definitions = new Map<string, AlignNode[]>();
  private readonly referencesTo = new Map<string, AlignReference[]>();

  constructor(sources: Iterable<WorkspaceSource>) {
    for (const source of sources) this.addSource(source);
  }

  private addSource(source: WorkspaceSource): void {
    this.sources.set(source.uri, source);
    const own: AlignNode[] = [];
    for (const objective of source.doc.objectives) {
      const parent = this.add(own, source, 'objective', objective, undefined, undefined);
      for (const kr of objective.keyResults) this.add(own, source, 'kr', objective, kr, parent);
    }
    this.nodesOfUri.set(source.uri, own);
  }

  /**
   * This workspace with one file replaced (or added): what a keystroke needs. The other files' nodes
   * are shared, so it costs a copy of the maps rather than a walk of every document.
   */
  replaced(source: WorkspaceSource): Workspace {
    const next = new Workspace([]);
    const old = new Set(this.nodesOf(source.uri));
    for (const [uri, s] of this.sources) if (uri !== source.uri) next.sources.set(uri, s);
    for (const [uri, nodes] of this.nodesOfUri) if (uri !== source.uri) next.nodesOfUri.set(uri, nodes);
    for (const node of this.nodes) if (!old.has(node)) next.nodes.push(node);
    copyWithout(this.definitions, next.definitions, old, (n) => n);
    copyWithout(this.referencesTo, next.referencesTo, old, (r) => r.node);
    next.addSource(source);
    return next;
  }

  private add(own: AlignNode[], source: WorkspaceSource, kind: AlignNode['kind'], objective: Objective, kr: KeyResult | undefined, parent: AlignNode | undefined): AlignNode {
    const element = kr ?? objective;
    // Every field set in one literal: one object shape for all nodes keeps this fast over thousands.
    const node: AlignNode = {
      uri: source.uri, kind, title: kr ? kr.text : objective.title, range: element.range, id: element.id, aligns: element.aligns ?? NONE,
      doc: source.doc, objective, kr, parent,
    };
    if (element.id) push(this.definitions, element.id.slug, node);
    for (const ref of node.aligns) push(this.referencesTo, ref.slug, { node, ref });
    own.push(node);
    this.nodes.push(node);
    return node;
  }

  nodesOf(uri: string): AlignNode[] {
    return this.nodesOfUri.get(uri) ?? NONE;
  }

  /** Every objective and KR with this id (more than one is an error in each place). */
  definitionsOf(slug: string): AlignNode[] {
    return this.definitions.get(slug) ?? NONE;
  }

  /** What `aligns SLUG` points at: the first definition. */
  target(slug: string): AlignNode | undefined {
    return this.definitions.get(slug)?.[0];
  }

  /** Every `aligns SLUG` line, across files. */
  references(slug: string): AlignReference[] {
    return this.referencesTo.get(slug) ?? NONE;
  }

  ids(): string[] {
    return [...this.definitions.keys()];
  }

  /** The nodes that say they contribute to this one (each once). */
  contributors(node: AlignNode): AlignNode[] {
    if (!node.id || this.target(node.id.slug) !== node) return NONE;
    return [...new Set(this.references(node.id.slug).map((r) => r.node))];
  }

  /** The nodes this one aligns to (unknown ids left out). */
  targetsOf(node: AlignNode): AlignNode[] {
    const out: AlignNode[] = [];
    for (const ref of node.aligns) {
      const target = this.target(ref.slug);
      if (target && !out.includes(target)) out.push(target);
    }
    return out;
  }

  /** The objective or KR whose block holds this line. */
  nodeAtLine(uri: string, line: number): AlignNode | undefined {
    let found: AlignNode | undefined;
    for (const node of this.nodesOf(uri)) {
      const block = (node.kr ?? node.objective).blockRange;
      if (line >= block.start.line && line <= block.end.line) found = node;
    }
    return found;
  }

  /** The id written under the cursor, after `id` or after `aligns`. */
  slugAt(uri: string, position: Position): SlugAt | undefined {
    const node = this.nodeAtLine(uri, position.line);
    if (!node) return undefined;
    const inside = (r: Range) => r.start.line === position.line && position.character >= r.start.character && position.character <= r.end.character;
    if (node.id && inside(node.id.range)) return { role: 'id', slug: node.id.slug, range: node.id.range, node };
    const ref = node.aligns.find((a) => inside(a.range));
    return ref ? { role: 'aligns', slug: ref.slug, range: ref.range, node } : undefined;
  }
}

/** Copies a map of lists, leaving out the entries of the removed nodes (lists that change are copied). */
function copyWithout<T>(from: Map<string, T[]>, into: Map<string, T[]>, removed: Set<AlignNode>, nodeOf: (item: T) => AlignNode): void {
  for (const [key, list] of from) {
    const kept = removed.size && list.some((item) => removed.has(nodeOf(item))) ? list.filter((item) => !removed.has(nodeOf(item))) : list.slice();
    if (kept.length) into.set(key, kept);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A file's name for messages: the last path segment of its URI. */
export function fileLabel(uri: string): string {
  const name = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

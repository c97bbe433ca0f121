// Renaming an id: the `id` line and every `aligns` that uses it, in every file.
import type { Range } from '../model/types';
import type { Workspace } from './model';
import { slugProblem } from './slug';

export interface FileEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** The edits that rename `slug` to `newSlug` everywhere, or why the new name is not an id. */
export function renameEdits(ws: Workspace, slug: string, newSlug: string): { edits: FileEdit[] } | { error: string } {
  const problem = slugProblem(newSlug);
  if (problem) return { error: problem };
  const edits: FileEdit[] = [];
  for (const node of ws.definitionsOf(slug)) edits.push({ uri: node.uri, range: node.id!.range, newText: newSlug });
  for (const { node, ref } of ws.references(slug)) edits.push({ uri: node.uri, range: ref.range, newText: newSlug });
  return { edits };
}

// Where New OKR File says it will write, in words a person recognises: the workspace folder's
// name for its root, a path inside it otherwise, never the absolute path of the machine.
// No editor API here, so that the unit tests read the same text the prompt shows.

export interface Folder {
  name: string;
  /** The folder's URI path, like `/home/sam/okrs`. */
  path: string;
}

/** `okrs` for the root of folder okrs, `okrs/team` below it (`team` with one folder open). */
export function folderLabel(target: string, folders: Folder[]): string {
  const trimmed = target.replace(/\/+$/, '');
  for (const folder of folders) {
    const root = folder.path.replace(/\/+$/, '');
    if (trimmed === root) return folder.name;
    if (trimmed.startsWith(`${root}/`)) {
      const inside = trimmed.slice(root.length + 1);
      return folders.length > 1 ? `${folder.name}/${inside}` : inside;
    }
  }
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

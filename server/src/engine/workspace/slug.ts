// Ids of objectives and KRs (`id grow-revenue`): lowercase letters, digits and dashes, so that
// they read the same in every file, in a URL and in a terminal.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/** What is wrong with `text` as an id, with the id it most likely meant; undefined when it is one. */
export function slugProblem(text: string): string | undefined {
  if (isSlug(text)) return undefined;
  const suggestion = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const hint = suggestion && suggestion !== text ? `, like '${suggestion}'` : '';
  return `'${text}' is not an id: use lowercase letters, digits and single dashes${hint}`;
}

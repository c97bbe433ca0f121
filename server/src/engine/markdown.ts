// Escaping for Markdown that shows text from a .okr file: KR text must never become a link,
// a command URI, HTML or formatting. Parentheses need no escape once brackets are escaped.

const SPECIAL = /[\\`*_{}[\]<>#|~&$!]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`)).replace(/\r?\n|\r/g, ' ');
}

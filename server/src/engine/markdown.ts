// Escaping for Markdown that shows text from a .okr file: KR text must never become a link,
// a command URI, HTML or formatting. Parentheses need no escape once brackets are escaped.

const SPECIAL = /[\\`*_{}[\]<>#|~&$!]/g;

/** What Markdown reads as a block at the start of a line: a list item (`-`, `+`, `1.`, `1)`) or a rule (`---`). */
const BLOCK_START = /^(?:[-+]|\d+[.)])/;

export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/\r\n|\r|\n/g, ' ')
    // Indentation at the start of a line would turn the text into a code block.
    .replace(/^[ \t]+/, '');
  return escaped.replace(BLOCK_START, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

// Escaping for Markdown that shows text from a .okr file: KR text must never become a link,
// a command URI, HTML or formatting. Parentheses need no escape once brackets are escaped.

const SPECIAL = /[\\`*_{}[\]<>#|~&$!]/g;

/** What Markdown reads as a block at the start of a line: a list item (`-`, `+`, `1.`, `1)`) or a rule (`---`). */
const BLOCK_START = /^(?:[-+]|\d+[.)])/;

const escapeChar = (ch: string) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`);

/** A web address as a viewer's linkifier finds it. */
const WEB_ADDRESS = /https?:\/\/[^\s<>]+/g;

/**
 * In a web address, escapes that a viewer would show (or put into the link) are left out where
 * the character cannot start Markdown there: `_` between letters or digits, `&` that does not
 * spell an entity, `#`, `!` (brackets stay escaped, so no link or image can open). The address
 * then reads as written, and a linkifying viewer links exactly it.
 */
function escapeUrl(url: string): string {
  return url.replace(SPECIAL, (ch, at: number) => {
    if (ch === '#' || ch === '!') return ch;
    if (ch === '_' && /[A-Za-z0-9]/.test(url[at - 1] ?? '') && /[A-Za-z0-9]/.test(url[at + 1] ?? '')) return ch;
    if (ch === '&' && !/^&(?:#?[A-Za-z0-9]+);/.test(url.slice(at))) return ch;
    return escapeChar(ch);
  });
}

export function escapeMarkdown(text: string): string {
  let escaped = '';
  let last = 0;
  for (const m of text.matchAll(WEB_ADDRESS)) {
    escaped += text.slice(last, m.index).replace(SPECIAL, escapeChar) + escapeUrl(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  escaped = (escaped + text.slice(last).replace(SPECIAL, escapeChar))
    .replace(/\r\n|\r|\n/g, ' ')
    // Indentation at the start of a line would turn the text into a code block.
    .replace(/^[ \t]+/, '');
  return escaped.replace(BLOCK_START, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

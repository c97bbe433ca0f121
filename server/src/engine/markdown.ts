// Escaping for Markdown that shows text from a .okr file: KR text must never become a link,
// a command URI, HTML or formatting, and otherwise reads as written (`99.95%`, `AR>60`, `R&D`).
// Parentheses need no escape once brackets are escaped; `!` none once `[` is escaped.

const SPECIAL = /[\\`*_{}[\]<#|~$]/g;

/** `&` only where it would start a character reference (`&amp;`, `&#91;`). */
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;

/**
 * What Markdown reads as a block at the start of a line: a list item (`-`, `+`, or `1.`/`1)`
 * before a space), a rule (`---`) or a quote (`>`). `99.95%` is not one.
 */
const BLOCK_START = /^(?:[-+>]|\d+[.)](?=[ \t]|$))/;

const escapeChar = (ch: string) => `\\${ch}`;

/** A web address as a viewer's linkifier finds it. */
const WEB_ADDRESS = /https?:\/\/[^\s<>]+/g;

/**
 * In a web address, escapes that a viewer would show (or put into the link) are left out where
 * the character cannot start Markdown there: `_` between letters or digits, and `#` (brackets
 * stay escaped, so no link or image can open). The address
 * then reads as written, and a linkifying viewer links exactly it.
 */
function escapeUrl(url: string): string {
  return url.replace(SPECIAL, (ch, at: number) => {
    if (ch === '#') return ch;
    if (ch === '_' && /[A-Za-z0-9]/.test(url[at - 1] ?? '') && /[A-Za-z0-9]/.test(url[at + 1] ?? '')) return ch;
    return escapeChar(ch);
  });
}

export function escapeMarkdown(text: string): string {
  let escaped = '';
  let last = 0;
  const plain = (part: string) => part.replace(SPECIAL, escapeChar).replace(ENTITY_START, '\\&');
  for (const m of text.matchAll(WEB_ADDRESS)) {
    escaped += plain(text.slice(last, m.index)) + escapeUrl(m[0]).replace(ENTITY_START, '\\&');
    last = (m.index ?? 0) + m[0].length;
  }
  escaped = (escaped + plain(text.slice(last)))
    .replace(/\r\n|\r|\n/g, ' ')
    // Indentation at the start of a line would turn the text into a code block.
    .replace(/^[ \t]+/, '');
  return escaped.replace(BLOCK_START, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

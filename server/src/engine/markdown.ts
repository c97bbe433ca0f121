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

export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(SPECIAL, (ch) => `\\${ch}`)
    .replace(ENTITY_START, '\\&')
    .replace(/\r\n|\r|\n/g, ' ')
    // Indentation at the start of a line would turn the text into a code block.
    .replace(/^[ \t]+/, '');
  return escaped.replace(BLOCK_START, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

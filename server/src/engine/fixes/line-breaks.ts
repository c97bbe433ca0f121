// Fixes are computed on text and may spell a line break differently than the file did. Here
// the file's own breaks are put back: every line the fixes left alone keeps its exact break (a
// file may mix CRLF, LF and CR), a line rewritten in place keeps its break, and an inserted line
// takes the break of the line it follows.
import { diffArrays } from 'diff';
import { splitLines } from '../format/lines';

/** `fixed` with the line breaks of `original` wherever the lines correspond. */
export function keepLineBreaks(original: string, fixed: string): string {
  if (original === fixed) return fixed;
  const before = splitLines(original);
  const after = splitLines(fixed);
  const fallback = /\r\n|\r|\n/.exec(original)?.[0] ?? '\n';
  const breaks: string[] = [];
  const kept: boolean[] = []; // the line is one of the original's, untouched
  let oldIndex = 0;
  let pendingRemoved: string[] = [];
  for (const part of diffArrays(before.map((l) => l.content), after.map((l) => l.content))) {
    const count = part.value.length;
    if (part.removed) {
      pendingRemoved = before.slice(oldIndex, oldIndex + count).map((l) => l.eol);
      oldIndex += count;
    } else if (part.added) {
      // Lines rewritten one for one keep their own breaks; otherwise each takes that of the line before it.
      const rewritten = pendingRemoved.length === count;
      for (let i = 0; i < count; i++) {
        breaks.push((rewritten && pendingRemoved[i]) || breaks[breaks.length - 1] || pendingRemoved[0] || fallback);
        kept.push(false);
      }
      pendingRemoved = [];
    } else {
      for (let i = 0; i < count; i++) {
        breaks.push(before[oldIndex + i].eol);
        kept.push(true);
      }
      oldIndex += count;
      pendingRemoved = [];
    }
  }
  // Whether the text ends with a break is the fixes' decision; which break it is, the file's.
  const eols = after.map((line, i) => (i === after.length - 1 ? (line.eol ? breaks[i] || line.eol : '') : breaks[i] || fallback));
  separateLoneCrs(after, eols, kept);
  return after.map((line, i) => line.content + eols[i]).join('');
}

/**
 * A lone CR followed by an empty line ending in LF would read as one CRLF break, and the empty
 * line would be lost. The original never has that pair (it would have been a CRLF), but lines put
 * next to each other by the fixes can: an inserted or rewritten line then takes a break that
 * keeps them apart (the CR of the line before it, or CRLF for itself).
 */
function separateLoneCrs(lines: { content: string }[], eols: string[], kept: boolean[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (eols[i] !== '\r' || lines[i + 1].content !== '' || !eols[i + 1].startsWith('\n')) continue;
    if (!kept[i + 1]) eols[i + 1] = '\r';
    else eols[i] = '\r\n';
  }
}

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
      for (let i = 0; i < count; i++) breaks.push((rewritten && pendingRemoved[i]) || breaks[breaks.length - 1] || pendingRemoved[0] || fallback);
      pendingRemoved = [];
    } else {
      for (let i = 0; i < count; i++) breaks.push(before[oldIndex + i].eol);
      oldIndex += count;
      pendingRemoved = [];
    }
  }
  return after
    .map((line, i) => {
      const last = i === after.length - 1;
      // Whether the text ends with a break is the fixes' decision; which break it is, the file's.
      if (last) return line.content + (line.eol ? breaks[i] || line.eol : '');
      return line.content + (breaks[i] || fallback);
    })
    .join('');
}

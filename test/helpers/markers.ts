// Fixture documents with position markers: «text» marks a range, ‸ marks a position.
import type { Position, Range } from '../../server/src/engine/model/types';

export interface Marked {
  text: string;
  ranges: Range[];
  positions: Position[];
}

export function marked(source: string): Marked {
  let text = '';
  const ranges: Range[] = [];
  const positions: Position[] = [];
  const open: Position[] = [];
  let line = 0;
  let character = 0;
  for (const ch of source) {
    if (ch === '«') open.push({ line, character });
    else if (ch === '»') ranges.push({ start: open.pop() as Position, end: { line, character } });
    else if (ch === '‸') positions.push({ line, character });
    else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else character += ch.length;
    }
  }
  return { text, ranges, positions };
}

/** Dedents a template so fixtures read naturally in tests. */
export function okr(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

// What each line is, for indentation: a blank line, a comment, a statement led by a
// keyword (and how deep it sits), or a line the formatter leaves alone.

export type LineKind = 'blank' | 'comment' | 'statement' | 'other';

const VALUE_KEYWORDS = new Set(['period', 'baseline', 'target', 'weight', 'checkin', 'score']);
const KEYWORDS = new Set(['team', 'objective', 'why', 'owner', 'kr', 'task', 'id', 'aligns', ...VALUE_KEYWORDS]);

/** Whitespace the lexer skips at the start of a line. */
export const LEADING_SPACE = /^[ \t\f\v\u00a0\ufeff]*/;

export interface ClassifiedLine {
  kind: LineKind;
  /** Lower-case keyword of a statement. */
  keyword?: string;
  /** Text after the keyword, with the whitespace before it removed. */
  rest?: string;
}

export function classify(content: string): ClassifiedLine {
  const body = content.replace(LEADING_SPACE, '');
  if (/^[ \t]*$/.test(body)) return { kind: 'blank' };
  if (body.startsWith('#')) return { kind: 'comment' };
  const m = /^([A-Za-z]+)(?=[ \t]|$)/.exec(body);
  const keyword = m?.[1].toLowerCase();
  if (!m || !keyword || !KEYWORDS.has(keyword)) return { kind: 'other' };
  return { kind: 'statement', keyword, rest: body.slice(m[1].length).replace(/^[ \t]+/, '') };
}

export function isValueKeyword(keyword: string): boolean {
  return VALUE_KEYWORDS.has(keyword);
}

/** Walks statements in order and gives each its depth: 0 file level, 1 under an objective, 2 under a KR. */
export class DepthTracker {
  private inObjective = false;
  private inKr = false;

  depthOf(keyword: string): number {
    switch (keyword) {
      case 'period':
      case 'team':
        this.inObjective = false;
        this.inKr = false;
        return 0;
      case 'objective':
        this.inObjective = true;
        this.inKr = false;
        return 0;
      case 'why':
      case 'owner':
        return 1;
      case 'kr':
        this.inKr = true;
        return 1;
      case 'task':
      case 'id':
      case 'aligns':
        return this.inKr ? 2 : this.inObjective ? 1 : 0;
      default:
        return 2;
    }
  }
}

// Text → document model. Statements are one per line, so each line is lexed and parsed
// on its own with error recovery, and the result is remembered by the line's text:
// after a keystroke only the changed line is parsed again.
import type { CstNode, IToken } from 'chevrotain';
import type { OkrDocument, Range } from '../model/types';
import { ModelBuilder } from './build-model';
import { readStatement, type LineProblem, type LineStatement } from './line-statement';
import { checkConsistency } from './consistency';
import { okrParser } from './cst-parser';
import { okrLexer } from './tokens';
import { clearSentenceCache } from '../sentence/facts';
import { BoundedCache } from '../bounded-cache';

/** What one line says, independent of where it stands (offsets count from the line start). */
interface ParsedLine {
  statement?: LineStatement;
  comment?: { start: number; end: number };
  problems: LineProblem[];
}

// Enough for the lines of the largest document analysed (1 MB) to stay known across keystrokes;
// a parsed line weighs roughly ten times its text.
const lineCache = new BoundedCache<ParsedLine>({ entries: 50_000, bytes: 24 * 1024 * 1024, sizeOf: (line) => 200 + 20 * line.length });
/** Longer lines are parsed every time rather than kept. */
const CACHEABLE_LINE_LENGTH = 2_000;

/** Forgets every remembered line (for benchmarks of a first parse). */
export function clearParseCache(): void {
  lineCache.clear();
  clearSentenceCache();
}

/** Splits text into lines the way LSP counts them (\r\n, \r and \n end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function parseDocument(text: string): OkrDocument {
  const lines = splitLines(text);
  const builder = new ModelBuilder(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseLine(lines[i]);
    for (const p of parsed.problems) builder.error(rangeOn(i, p.start, p.end), p.message);
    if (parsed.comment) builder.doc.comments.push(rangeOn(i, parsed.comment.start, parsed.comment.end));
    if (parsed.statement) builder.addStatement(i, parsed.statement);
  }
  checkConsistency(builder.doc);
  builder.doc.errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return builder.doc;
}

function rangeOn(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function parseLine(line: string): ParsedLine {
  const cached = lineCache.get(line);
  if (cached) return cached;
  const parsed = parseLineUncached(line);
  if (line.length <= CACHEABLE_LINE_LENGTH) lineCache.set(line, parsed);
  return parsed;
}

function parseLineUncached(line: string): ParsedLine {
  const problems: LineProblem[] = [];
  if (line.trim() === '') return { problems };
  // The line break ends the statement, as in a whole document.
  const lexed = okrLexer.tokenize(line + '\n');
  for (const e of lexed.errors) {
    problems.push({ start: e.offset, end: e.offset + e.length, message: `unexpected '${line.substr(e.offset, e.length)}'` });
  }
  const cst = okrParser.parse(lexed.tokens);
  for (const e of okrParser.errors) {
    const token = e.token;
    const atLineEnd = token.tokenType.name.startsWith('Newline') || token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
    const previous = (e as { previousToken?: IToken }).previousToken;
    const at = atLineEnd && previous && !Number.isNaN(previous.startOffset) ? previous : token;
    const start = Number.isNaN(at.startOffset) ? line.length : at.startOffset;
    problems.push({ start, end: Math.min(start + at.image.length, line.length), message: e.message });
  }
  const comment = (lexed.groups.comments as IToken[] | undefined)?.[0];
  const lineNode = (cst.children.line as CstNode[] | undefined)?.[0];
  const statementNode = lineNode?.children.statement?.[0] as CstNode | undefined;
  const statement = statementNode ? readStatement(statementNode, problems) : undefined;
  return {
    problems,
    ...(statement ? { statement } : {}),
    ...(comment ? { comment: { start: comment.startOffset, end: comment.startOffset + comment.image.length } } : {}),
  };
}

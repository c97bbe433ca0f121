// Text → document model: lex, parse with recovery, build the model, check consistency.
import type { IToken } from 'chevrotain';
import type { CstNode } from 'chevrotain';
import type { OkrDocument } from '../model/types';
import { ModelBuilder, tokenRange } from './build-model';
import { checkConsistency } from './consistency';
import { okrParser } from './cst-parser';
import { okrLexer } from './tokens';

/** Splits text into lines the way LSP counts them (\r\n, \r and \n end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function parseDocument(text: string): OkrDocument {
  // A final line break lets every statement end the same way; it adds no line to the model.
  const source = /[\r\n]$/.test(text) || text === '' ? text : text + '\n';
  const lexed = okrLexer.tokenize(source);
  okrParser.input = lexed.tokens;
  const cst = okrParser.document();
  const builder = new ModelBuilder(countLines(text));

  for (const lexError of lexed.errors) {
    const line = (lexError.line ?? 1) - 1;
    const character = (lexError.column ?? 1) - 1;
    const bad = source.substr(lexError.offset, lexError.length);
    builder.error({ start: { line, character }, end: { line, character: character + lexError.length } }, `unexpected '${bad}'`);
  }
  for (const parseError of okrParser.errors) {
    const token = parseError.token;
    const atLineEnd = token.tokenType.name.startsWith('Newline') || token.tokenType.name === 'EOF' || token.image === '';
    const previous = (parseError as { previousToken?: IToken }).previousToken;
    const range = atLineEnd && previous && previous.startLine ? tokenRange(previous) : tokenRange(token);
    builder.error(range, parseError.message);
  }
  for (const comment of (lexed.groups.comments ?? []) as IToken[]) builder.doc.comments.push(tokenRange(comment));

  for (const line of (cst.children.line ?? []) as CstNode[]) {
    const statement = line.children.statement?.[0] as CstNode | undefined;
    if (statement) builder.addStatement(statement);
  }
  checkConsistency(builder.doc);
  builder.doc.errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return builder.doc;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

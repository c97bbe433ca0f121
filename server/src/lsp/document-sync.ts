// How open documents follow the editor's didChange notifications, with every incoming range
// checked first. Positions are unsigned integers (LSP); a position past the end of its line
// means the line's end and one past the last line the document's end (as editors clamp), so a
// range at line 1e9 is the end of the document. A change that is not well formed (a negative
// or fractional line, a missing field, text that is not a string) is refused whole and
// logged: applying part of a notification would leave the server checking text the editor
// does not have.
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

interface Position { line: number; character: number }

export function checkedDocuments(refused: (message: string) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update(document, changes, version) {
      // TextDocument.update changes the document in place: later changes are checked against a
      // scratch copy (they are relative to the text after the earlier ones), so that a refused
      // notification leaves the document as it was.
      let scratch = document;
      const clamped: TextDocumentContentChangeEvent[] = [];
      for (const [i, change] of (changes as unknown[]).entries()) {
        const checked = checkChange(change, scratch);
        if (typeof checked === 'string') {
          refused(`${document.uri}: change to version ${version} refused: ${checked}`);
          return document;
        }
        clamped.push(checked);
        if (i + 1 < changes.length) {
          if (scratch === document) scratch = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
          scratch = TextDocument.update(scratch, [checked], version);
        }
      }
      return TextDocument.update(document, clamped, version);
    },
  };
}

/** The change with its range inside the document, or why it is refused. */
function checkChange(change: unknown, document: TextDocument): TextDocumentContentChangeEvent | string {
  if (typeof change !== 'object' || change === null) return 'not a change';
  const { range, text } = change as { range?: unknown; text?: unknown };
  if (typeof text !== 'string') return 'its text is not a string';
  if (range === undefined) return { text };
  if (typeof range !== 'object' || range === null) return 'its range is not a range';
  const { start, end } = range as { start?: unknown; end?: unknown };
  const from = checkPosition(start, document);
  const to = checkPosition(end, document);
  if (typeof from === 'string') return `start ${from}`;
  if (typeof to === 'string') return `end ${to}`;
  return { range: { start: from, end: to }, text };
}

function checkPosition(value: unknown, document: TextDocument): Position | string {
  if (typeof value !== 'object' || value === null) return 'is not a position';
  const { line, character } = value as { line?: unknown; character?: unknown };
  if (!isUnsigned(line) || !isUnsigned(character)) return `(${String(line)}, ${String(character)}) is not a pair of unsigned integers`;
  if (line >= document.lineCount) return document.positionAt(document.getText().length);
  const lineEnd = lineLength(document, line);
  return { line, character: Math.min(character, lineEnd) };
}

function isUnsigned(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** The line's length without its line break. */
function lineLength(document: TextDocument, line: number): number {
  const start = document.offsetAt({ line, character: 0 });
  const next = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : document.getText().length;
  const text = document.getText().slice(start, next);
  return text.replace(/\r\n$|\r$|\n$/, '').length;
}

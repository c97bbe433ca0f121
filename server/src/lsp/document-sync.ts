// How open documents follow the editor's didChange notifications, with every incoming range
// checked first. Positions are unsigned integers (LSP); a position past the end of its line
// means the line's end and one past the last line the document's end (as editors clamp), so a
// range at line 1e9 is the end of the document. A change that is not well formed (a negative
// or fractional line, a missing field, text that is not a string) is refused whole and
// logged: applying part of a notification would leave the server checking text the editor
// does not have.
import type { TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineDocument } from './line-document';

interface Position { line: number; character: number }

export function checkedDocuments(refused: (message: string) => void): TextDocumentsConfiguration<LineDocument> {
  return {
    create: (uri, languageId, version, content) => new LineDocument(uri, languageId, version, content),
    update(document, changes, version) {
      // Each change is relative to the text after the ones before it, so it is checked against
      // that text; several changes are tried on a copy, so that a refused notification leaves
      // the document as it was.
      const working = changes.length > 1 ? document.clone() : document;
      for (const change of changes as unknown[]) {
        const checked = checkChange(change, working);
        if (typeof checked === 'string') {
          refused(`${document.uri}: change to version ${version} refused: ${checked}`);
          return document;
        }
        if ('range' in checked) working.replace(checked.range.start, checked.range.end, checked.text);
        else working.replaceAll(checked.text);
      }
      working.setVersion(version);
      return working;
    },
  };
}

/** The change with its range inside the document, or why it is refused. */
function checkChange(change: unknown, document: LineDocument): TextDocumentContentChangeEvent | string {
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

function checkPosition(value: unknown, document: LineDocument): Position | string {
  if (typeof value !== 'object' || value === null) return 'is not a position';
  const { line, character } = value as { line?: unknown; character?: unknown };
  if (!isUnsigned(line) || !isUnsigned(character)) return `(${String(line)}, ${String(character)}) is not a pair of unsigned integers`;
  if (line >= document.lineCount) return document.positionAt(Number.MAX_SAFE_INTEGER);
  return { line, character: Math.min(character, document.lineLength(line)) };
}

function isUnsigned(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

// Block snippets offered by the server, only where the block fits (a static snippet file would
// offer `kr` at the top of a file and `checkin` outside a KR). Dates come from the file's period.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver/node';
import { addDays } from '../../engine/dates';

export type BlockContext = 'file' | 'objective' | 'kr';

interface BlockSnippet {
  label: string;
  detail: string;
  contexts: BlockContext[];
  body: (dates: { due: string; measured: string }) => string[];
}

const SNIPPETS: BlockSnippet[] = [
  {
    label: 'objective',
    detail: 'An objective with its why, owner and a first measurable key result',
    contexts: ['file', 'objective', 'kr'],
    body: ({ due, measured }) => [
      'objective ${1:What we want to achieve, in words that inspire}',
      '  why ${2:Why it matters now}',
      '  owner ${3:Name}',
      '',
      `  kr \${4:Increase what is measured} from \${5:baseline} to \${6:target} by \${7:${due}}`,
      `    baseline \${5} on \${8:${measured}}`,
      '    target ${6} by ${7}',
      '$0',
    ],
  },
  {
    label: 'kr',
    detail: 'A key result with a baseline and a target',
    contexts: ['objective', 'kr'],
    body: ({ due, measured }) => [
      `kr \${1:Increase what is measured} from \${2:baseline} to \${3:target} by \${4:${due}}`,
      `  baseline \${2} on \${5:${measured}}`,
      '  target ${3} by ${4}',
      '$0',
    ],
  },
  {
    label: 'kr-threshold',
    detail: 'A key result that must stay below (or above) a limit',
    contexts: ['objective', 'kr'],
    body: () => ['kr ${1:Keep the error rate} below ${2:limit}', '  target ${3|<=,>=,<,>|} ${2}', '$0'],
  },
  {
    label: 'kr-milestone',
    detail: 'A key result met by a done check-in',
    contexts: ['objective', 'kr'],
    body: ({ due }) => [`kr \${1:Launch what} by \${2:${due}}`, '  target done by ${2}', '$0'],
  },
];

/** The block snippets that fit this place; `typed` is the word being typed at the line's start. */
export function blockSnippets(context: BlockContext, period: { start: string; end: string } | undefined, replace: Range, typed: string): CompletionItem[] {
  const dates = {
    due: period?.end ?? 'YYYY-MM-DD',
    measured: period ? addDays(period.start, -1) : 'YYYY-MM-DD',
  };
  return SNIPPETS.filter((s) => s.contexts.includes(context) && s.label.startsWith(typed.toLowerCase())).map((s) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    sortText: `z${s.label}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: replace, newText: s.body(dates).join('\n') },
  }));
}

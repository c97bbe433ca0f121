// Run by memory.test.ts in a child `node --expose-gc` (mocha's own process has no gc()).
// Prints one JSON line of heap figures; the test decides what they must be.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { analyzeText as AnalyzeText } from '../../../server/src/engine/analyze';
import { startServer } from '../../../server/src/lsp/server';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function retainedHeap(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

/** `objectives` objectives of three KRs, about ten lines each. */
function documentOf(objectives: number, team = 'Benchmark'): string {
  const lines = ['period 2026-Q2', `team ${team}`, ''];
  for (let o = 0; o < objectives; o++) {
    lines.push(`objective Make onboarding number ${o} smooth enough that new customers stay`, '  why Half of churned customers leave early.');
    for (let k = 0; k < 3; k++) {
      lines.push(
        `  kr Reduce median first reply time in region ${o}.${k} from 9 hours to 2 hours by 2026-06-30`,
        '    baseline 9 hours on 2026-04-01', '    target 2 hours by 2026-06-30',
        `    checkin 2026-05-0${1 + k} ${8 - k} hours on track`, '      note Faster triage.',
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Edits a 3,000-line document `edits` times, appending " N" to one line each time. */
async function engineEdits(edits: number): Promise<{ start: number; end: number; lines: number }> {
  // The bundle: the same engine, several times faster than through tsx's source maps.
  const bundle = pathToFileURL(join(__dirname, '..', '..', '..', 'dist', 'engine.js')).href;
  const { analyzeText } = (await import(bundle)) as { analyzeText: typeof AnalyzeText };
  const lines = documentOf(176).split('\n');
  const options = { asOf: '2026-05-20' };
  analyzeText(lines.join('\n'), options);
  const start = retainedHeap();
  for (let i = 0; i < edits; i++) {
    const line = (i * 37) % lines.length;
    lines[line] += ` ${i}`;
    analyzeText(lines.join('\n'), options);
  }
  return { start, end: retainedHeap(), lines: lines.length };
}

/** The language server in this process, over in-memory streams, with a folder of `files` files. */
async function indexRounds(files: number, rounds: number): Promise<{ start: number; end: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'okr-memory-'));
  const uris: string[] = [];
  for (let i = 0; i < files; i++) {
    const path = join(folder, `team-${i}.okr`);
    writeFileSync(path, documentOf(1, `Team ${i}`));
    uris.push(pathToFileURL(path).href);
  }
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let treeChanged = () => undefined as void;
  client.onNotification('okr/treeChanged', () => treeChanged());
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ today: '2026-05-20' })));
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  const folderUri = pathToFileURL(folder).href;
  await client.sendRequest('initialize', {
    processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'memory' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  const indexed = new Promise<void>((resolve) => (treeChanged = resolve));
  await client.sendNotification('initialized', {});
  await indexed;

  let start = 0;
  for (let round = 0; round < rounds; round++) {
    // Open every file with an edit of its own (an unsaved version), look at the tree, let the
    // files change on disk, close them all; requests are answered in order, so the last tree
    // answer comes after every notification before it.
    for (let i = 0; i < files; i++) {
      const text = documentOf(1, `Team ${i} round ${round}`);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uris[i], languageId: 'okr', version: 1, text } });
    }
    await client.sendRequest('okr/tree', {});
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: uris.map((uri) => ({ uri, type: 2 })) });
    for (const uri of uris) await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.sendRequest('okr/tree', {});
    if (round === 0) start = retainedHeap();
  }
  const end = retainedHeap();
  await client.sendRequest('shutdown');
  client.dispose();
  rmSync(folder, { recursive: true, force: true });
  return { start, end };
}

async function main(): Promise<void> {
  const [which, a, b] = process.argv.slice(2);
  if (which === 'engine') console.log(JSON.stringify(await engineEdits(Number(a))));
  else if (which === 'index') console.log(JSON.stringify(await indexRounds(Number(a), Number(b))));
  else throw new Error(`unknown probe ${which}`);
  process.exit(0);
}
void main();

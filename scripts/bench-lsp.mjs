// Editor figures for `npm run bench` (called by scripts/bench.mjs): the language server over
// stdio as VS Code drives it. Figures only; each line says whether its target is met.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateAlignedWorkspace, generateDocument } from './generate-okr.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const root = fileURLToPath(new URL('..', import.meta.url));
// OKR_BENCH_SERVER: another build of the server, to compare figures before and after a change.
const server = process.env.OKR_BENCH_SERVER || join(root, 'dist', 'server.js');
const TODAY = '2026-05-20';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];
const ms = (n) => `${n.toFixed(2)} ms`;
const verdict = (ok) => (ok ? 'met' : 'NOT met');

async function startServer(folder) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const listeners = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const listener of listeners) listener(p);
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  let treeChanged;
  const firstTree = new Promise((resolve) => (treeChanged = resolve));
  connection.onNotification('okr/treeChanged', () => treeChanged());
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({ today: TODAY })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const folderUri = folder ? pathToFileURL(folder).href : null;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: folderUri, workspaceFolders: folderUri ? [{ uri: folderUri, name: 'bench' }] : null,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiters.push((p) => (p.uri === uri && p.version === version ? (resolve(p), true) : false)));
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => child.on('exit', resolve));
    connection.dispose();
  };
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  };
  const published = (listener) => void listeners.push(listener);
  return { connection, diagnosticsFor, firstTree, stop, rssMb, published };
}

async function keystrokes() {
  const s = await startServer();
  await s.firstTree;
  const text = generateDocument(100, 3);
  const lines = text.split('\n');
  const uri = 'file:///bench/generated.okr';
  let version = 1;
  let published = s.diagnosticsFor(uri, 1);
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version, text } });
  await published;
  const krLines = lines.map((l, i) => (l.trimStart().startsWith('kr ') ? i : -1)).filter((i) => i >= 0);
  const samples = [];
  for (let i = 0; i < 300; i++) {
    const line = krLines[(i * 7) % krLines.length];
    const insert = i % 2 === 0;
    const character = lines[line].length;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
      : { range: { start: { line, character: character }, end: { line, character: character + 1 } }, text: '' };
    if (!insert) lines[line] = lines[line];
    version++;
    published = s.diagnosticsFor(uri, version);
    const start = performance.now();
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await published;
    if (i >= 20) samples.push(performance.now() - start); // the first edits warm the JIT
  }
  const hovers = [];
  for (let i = 0; i < 500; i++) {
    const line = krLines[(i * 13) % krLines.length];
    const start = performance.now();
    await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 5 } });
    if (i >= 50) hovers.push(performance.now() - start);
  }
  await s.stop();
  return { lines: lines.length, samples, hovers };
}

async function indexing() {
  const folder = mkdtempSync(join(tmpdir(), 'okr-bench-'));
  const file = generateDocument(1, 3);
  for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `team-${i}.okr`), file.replace('team Benchmark', `team Team ${i}`));
  const boot = performance.now();
  const s = await startServer(folder);
  const start = performance.now();
  const tree = await s.connection.sendRequest('okr/tree', {});
  const elapsed = performance.now() - start;
  const startup = start - boot;
  const files = tree.periods.reduce((n, p) => n + p.files.length, 0);
  await s.stop();
  rmSync(folder, { recursive: true, force: true });
  return { elapsed, files, startup };
}

/** A server with the 3,000-line generated document open at `uri` (its lines, to edit). */
async function openGenerated(uri) {
  const s = await startServer();
  await s.firstTree;
  const lines = generateDocument(100, 3).split('\n');
  const published = s.diagnosticsFor(uri, 1);
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1, text: lines.join('\n') } });
  await published;
  /** Appends `text` to a line, here and in the server; resolves when the notification is written. */
  const append = (version, line, text) => {
    const character = lines[line].length;
    lines[line] += text;
    return s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
  };
  return { s, lines, append };
}

/** A working day in the editor: 2,000 edits of a 3,000-line document, each waiting for its diagnostics. */
async function manyEdits() {
  const uri = 'file:///bench/day.okr';
  const { s, lines, append } = await openGenerated(uri);
  const before = s.rssMb();
  let half = 0;
  for (let version = 2; version <= 2001; version++) {
    const published = s.diagnosticsFor(uri, version);
    await append(version, (version * 37) % lines.length, ` ${version}`);
    await published;
    if (version === 1001) half = s.rssMb();
  }
  const after = s.rssMb();
  await s.stop();
  return { lines: lines.length, before, half, after };
}

/** 1,000 edits sent at once (a paste split up, a macro, a fast typist): time from the last to its diagnostics. */
async function burst() {
  const uri = 'file:///bench/burst.okr';
  const { s, lines, append } = await openGenerated(uri);
  let publishes = 0;
  s.published((p) => void (p.uri === uri && publishes++));
  const last = 1001;
  const published = s.diagnosticsFor(uri, last);
  let lastWritten;
  for (let version = 2; version <= last; version++) lastWritten = append(version, 4 + ((version * 13) % (lines.length - 4)), 'x');
  const written = lastWritten.then(() => performance.now());
  const arrived = published.then(() => performance.now());
  const latency = Math.max(0, (await arrived) - (await written));
  await s.stop();
  return { latency, publishes };
}

/** 1,000 team files aligned to a company file: index them, then rename a company id everywhere. */
async function alignment() {
  const folder = mkdtempSync(join(tmpdir(), 'okr-bench-align-'));
  for (const [name, text] of Object.entries(generateAlignedWorkspace(1000))) writeFileSync(join(folder, name), text);
  const s = await startServer(folder);
  const start = performance.now();
  const tree = await s.connection.sendRequest('okr/alignmentTree', {});
  const indexed = performance.now() - start;
  const uri = pathToFileURL(join(folder, 'company.okr')).href;
  const position = { line: 4, character: 6 }; // `  id company-goal-0`
  const renames = [];
  let edited = 0;
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await s.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position });
    const edit = await s.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: `goal-${i}` });
    renames.push(performance.now() - start);
    edited = Object.keys(edit?.changes ?? {}).length;
  }
  await s.stop();
  rmSync(folder, { recursive: true, force: true });
  return { indexed, roots: tree.roots.length, contributors: tree.roots.reduce((n, r) => n + r.contributors.length, 0), rename: median(renames), edited };
}

/** Loads dist/extension.js against a stand-in `vscode` module that accepts any call, and times activate(). */
function activation() {
  const Module = require('node:module');
  // Any property, call or `new` answers another stand-in; the prototype too, because the
  // bundle reads `vscode.X` through an object created from the module's prototype.
  const handler = {
    get: (_t, key) => (key === 'then' ? undefined : key === 'version' ? '1.100.0' : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub(),
  };
  const proto = new Proxy({}, { get: handler.get });
  const stub = () => new Proxy(function () {}, { ...handler, getPrototypeOf: () => proto });
  const originalResolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : originalResolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub() };
  const context = { subscriptions: [], asAbsolutePath: (p) => join(root, p), extensionPath: root };
  const start = performance.now();
  const extension = require(join(root, 'dist', 'extension.js'));
  extension.activate(context);
  const elapsed = performance.now() - start;
  Module._resolveFilename = originalResolve;
  return elapsed;
}

// OKR_BENCH_ONLY=burst,edits (say) runs only those sections.
const want = (section) => !process.env.OKR_BENCH_ONLY || process.env.OKR_BENCH_ONLY.split(',').includes(section);
if (want('keystrokes')) {
  const k = await keystrokes();
  const keyMedian = median(k.samples);
  const keyP95 = p95(k.samples);
  console.log(`Keystroke → publishDiagnostics over stdio, ${k.lines}-line document (${k.samples.length} edits)`);
  console.log(`  median ${ms(keyMedian)}, p95 ${ms(keyP95)}  (targets ≤ 15 ms / ≤ 30 ms: ${verdict(keyMedian <= 15 && keyP95 <= 30)})`);
  console.log(`  yaml-language-server on the same OKRs as YAML: ~320 ms → ${(320 / keyMedian).toFixed(0)}× faster (aim: 20×)`);
  const hoverMedian = median(k.hovers);
  console.log(`Hover round trip: median ${ms(hoverMedian)}  (target ≤ 2 ms: ${verdict(hoverMedian <= 2)})`);
}
if (want('edits')) {
  const day = await manyEdits();
  // V8 keeps some heap it has grown into, so the first edits raise RSS; a leak keeps raising it.
  console.log(`Server RSS, ${day.lines}-line document: ${day.before.toFixed(0)} MB after opening, ${day.half.toFixed(0)} MB after 1,000 edits, ` +
    `${day.after.toFixed(0)} MB after 2,000  (target: flat, ≤ +20 MB over the second 1,000: ${verdict(day.after - day.half <= 20)})`);
}
if (want('burst')) {
  const b = await burst();
  console.log(`Burst of 1,000 edits sent at once: final diagnostics ${ms(b.latency)} after the last edit was written, ${b.publishes} publishes  (target ≤ 100 ms: ${verdict(b.latency <= 100)})`);
}
if (!want('indexing')) process.exit(0);
const idx = await indexing();
console.log(`Indexing ${idx.files} files for the tree (initialized → tree answer): ${ms(idx.elapsed)}  (target ≤ 2 s: ${verdict(idx.elapsed <= 2000 && idx.files === 1000)}); server start to initialize answer ${ms(idx.startup)}`);
const al = await alignment();
console.log(`Alignment over stdio: 1,001 files indexed and the alignment tree answered (${al.roots} roots, ${al.contributors} contributors) in ${ms(al.indexed)} (initialized → answer)  (target ≤ 2 s: ${verdict(al.indexed <= 2000)})`);
console.log(`  prepareRename + rename of a company id across ${al.edited} files: median ${ms(al.rename)}  (target ≤ 1 s: ${verdict(al.rename <= 1000)})`);
try {
  const act = activation();
  console.log(`Activation (load dist/extension.js + activate(), vscode API stubbed): ${ms(act)}  (target ≤ 50 ms: ${verdict(act <= 50)})`);
} catch (error) {
  console.log(`Activation: could not be measured (${error.message})`);
}
for (const name of ['server.js', 'extension.js', 'language-client.js', 'cli.js']) {
  try {
    const kb = statSync(join(root, 'dist', name)).size / 1024;
    console.log(`Bundle dist/${name}: ${kb.toFixed(0)} KB minified  (target ≤ 500 KB: ${verdict(kb <= 500)})`);
  } catch {
    console.log(`Bundle dist/${name}: missing (run npm run build)`);
  }
}
process.exit(0);

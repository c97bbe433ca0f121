// A small LSP client for the tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.
// Waiting is always for a message (diagnostics of a version, a notification), never a timer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

export const root = join(__dirname, '..', '..');
export const serverPath = join(root, 'dist', 'server.js');

let built = false;
/** Builds dist/ once per test run, so that the tests talk to the current code. */
export function ensureBuilt(): void {
  if (built && existsSync(serverPath)) return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  built = true;
}

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }
export interface Diagnostic {
  range: Range; severity?: number; code?: string; source?: string; message: string;
  codeDescription?: { href: string }; relatedInformation?: unknown[]; tags?: number[]; data?: unknown;
}
export interface PublishDiagnosticsParams { uri: string; version?: number; diagnostics: Diagnostic[] }

interface Waiter<T> { test: (value: T) => boolean; resolve: (value: T) => void }

export interface StartOptions {
  /** Workspace folder (a path) to index. */
  folder?: string;
  /** The `okr` settings section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Runs the server with at most this many open files (`ulimit -n`; POSIX shells only). */
  openFileLimit?: number;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Called with every publishDiagnostics (the connection has one handler per method: this client's). */
  readonly diagnosticListeners: ((params: PublishDiagnosticsParams) => void)[] = [];
  readonly logs: string[] = [];
  private diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private notificationWaiters = new Map<string, Waiter<unknown>[]>();
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  private exited: Promise<number | null>;
  settings: Record<string, unknown>;

  private constructor(readonly process: ChildProcess, options: StartOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      for (const listener of this.diagnosticListeners) listener(params);
      this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => void this.logs.push(params.message));
    this.connection.onNotification((method: string, params: unknown) => {
      const waiters = this.notificationWaiters.get(method) ?? [];
      this.notificationWaiters.set(method, waiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true)));
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'okr' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const child = options.openFileLimit
      ? spawn('/bin/sh', ['-c', `ulimit -n ${options.openFileLimit} && exec "$0" "$@"`, process.execPath, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options);
    child.stderr!.on('data', (chunk) => client.logs.push(String(chunk)));
    const folder = options.folder ? pathToFileURL(options.folder).href : null;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: folder ? [{ uri: folder, name: 'workspace' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    const firstTree = client.waitForNotification('okr/treeChanged');
    await client.connection.sendNotification('initialized', {});
    await firstTree; // settings are loaded and the workspace is indexed
    return client;
  }

  waitForNotification<T>(method: string, test: (params: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => {
      const waiters = this.notificationWaiters.get(method) ?? [];
      waiters.push({ test: test as (v: unknown) => boolean, resolve: resolve as (v: unknown) => void });
      this.notificationWaiters.set(method, waiters);
    });
  }

  /** The diagnostics the server publishes for this version of the document. */
  waitForDiagnostics(uri: string, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    const known = this.diagnostics.get(uri);
    if (known && (version === undefined || known.version === version)) return Promise.resolve(known);
    return new Promise((resolve) => {
      this.diagnosticWaiters.push({ test: (p) => p.uri === uri && (version === undefined || p.version === version), resolve });
    });
  }

  /** The next diagnostics published for a document, whatever its version. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ test: (p) => p.uri === uri, resolve }));
  }

  /** Sends new `okr` settings and waits until the document has been re-checked with them. */
  async configure(settings: Record<string, unknown>, reopened: string): Promise<PublishDiagnosticsParams> {
    this.settings = settings;
    const next = this.nextDiagnostics(reopened);
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return next;
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.diagnostics.delete(uri);
    const published = this.waitForDiagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1, text } });
    return published;
  }

  /** Replaces the whole text (or applies ranged edits) and waits for the new diagnostics. */
  async change(uri: string, change: string | TextEdit[]): Promise<PublishDiagnosticsParams> {
    const version = this.sendChange(uri, change);
    return this.waitForDiagnostics(uri, version);
  }

  sendChange(uri: string, change: string | TextEdit[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const previous = this.texts.get(uri) ?? '';
    const next = typeof change === 'string' ? change : applyEdits(previous, change);
    this.texts.set(uri, next);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : [...change].sort(byStartDescending).map((e) => ({ range: e.range, text: e.newText }));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /**
   * Sends many didChange notifications in one write to the server's stdin, so that they arrive
   * together as in a real burst (the JSON-RPC writer would send them one by one). Returns the
   * last version. Call it when no other message is being written.
   */
  sendBurst(uri: string, edits: TextEdit[][]): number {
    const frames: string[] = [];
    for (const change of edits) {
      const version = (this.versions.get(uri) ?? 0) + 1;
      this.versions.set(uri, version);
      this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', change));
      const contentChanges = [...change].sort(byStartDescending).map((e) => ({ range: e.range, text: e.newText }));
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
      frames.push(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    }
    this.process.stdin!.write(frames.join(''));
    return this.versions.get(uri)!;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

function byStartDescending(a: TextEdit, b: TextEdit): number {
  return b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character;
}

/** What the diagnostics say and where, one line each, without the document's URI and version. */
export function diagnosticsSummary(published: PublishDiagnosticsParams): string {
  return published.diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`)
    .join('\n');
}

/** Applies LSP edits (all against the same text) the way an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  // Past the end of a line is its end, past the last line the document's end (as editors do).
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1] - /\r\n$|\r$|\n$/.exec(text.slice(starts[line], starts[line + 1]))![0].length : text.length);
  const offset = (p: Position) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, lineEnd(p.line)));
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start) || offset(b.range.end) - offset(a.range.end));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Finds `marker` in text and returns its position (for writing fixtures with `|` cursors). */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' not found in fixture`);
  const before = text.slice(0, index + offsetInNeedle);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

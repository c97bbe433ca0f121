// The OKR language server: a function of its connection. Every handler is wrapped by `safe`
// (exceptions are logged and answered empty; cancelled requests get the cancellation error).
import { outcomeAnswerWarning } from '../engine/fixes/answer-checks';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CancellationToken, CodeActionKind, type CodeAction, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  TextDocumentSyncKind, type Connection, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams,
  type CodeActionParams, type InitializeResult, type PrepareRenameParams, type TextDocumentChangeEvent, type WorkspaceFolder, type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatEdits } from '../engine/format';
import { reportFile } from '../engine/report/build';
import { reportMarkdown } from '../engine/report/markdown';
import { buildTree, fileSummary, type TreeDeclined } from '../engine/tree';
import { CONFIG_FILE_NAME } from '../engine/config';
import { declinedDiagnostic, toLspDiagnostic } from './convert';
import { checkInContext, checkInEdit } from './features/check-in';
import { codeActions, FIX_ALL_KIND, fixAllOf, fixWithAnswers, resolveCodeAction, type ConfigFileAccess } from './features/code-actions';
import { completion } from './features/completion';
import * as A from './features/alignment';
import { workspaceDiagnostics } from '../engine/analyze';
import { buildAlignmentTree } from '../engine/workspace/alignment-tree';
import { filterAlignmentTree } from '../engine/workspace/alignment-filter';
import { Workspace } from '../engine/workspace/model';
import { hover } from './features/hover';
import { documentSymbols, foldingRanges, inlayHints } from './features/outline';
import * as P from './protocol';
import { safe, safeNotification } from './safe';
import { readSettings } from './settings';
import { filePath, ServerState } from './state';
import { WorkspaceIndex } from './workspace-index';
import { workspaceLabel } from './workspace-label';
import { registerStoryRequests } from './features/story';
import type { Diagnostic as EngineDiagnostic, OkrDocument } from '../engine/model/types';

export function startServer(connection: Connection): void {
  const state = new ServerState(connection);
  const index = new WorkspaceIndex(state);
  const { documents } = state;
  let pullConfiguration = false;
  let dynamicWatchers = false;
  let dynamicConfiguration = false;
  let snippetSupport = false;
  let workspaceFolderEvents = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = !!caps.workspace?.configuration;
    dynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    snippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) state.settings = readSettings(init.settings);
    const folders = (params.workspaceFolders ?? []).map((f: WorkspaceFolder) => filePath(f.uri)).filter((p: string | undefined): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const root = filePath(params.rootUri);
      if (root) folders.push(root);
    }
    index.folders = folders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '['], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: { label: 'OKR' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        inlayHintProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'okr-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    safeNotification(connection, 'initialized', async () => {
      // Each step on its own: a client that refuses one still gets the others.
      await attempt('configuration registration', async () => {
        if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'okr' });
      });
      await attempt('file watching', async () => {
        if (!dynamicWatchers) return;
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.okr' }, { globPattern: '**/.okrrc.json' }],
        });
      });
      await attempt('workspace folders', async () => {
        if (workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(onWorkspaceFolders);
      });
      await attempt('settings', () => loadSettings());
      await index.scan(index.folders);
      for (const document of documents.all()) schedule(document.uri);
      treeChanged();
    }),
  );

  async function attempt(what: string, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      connection.console.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const onWorkspaceFolders = safeNotification(connection, 'workspace folders', async (event: WorkspaceFoldersChangeEvent) => {
    const removed = new Set(event.removed.map((f: WorkspaceFolder) => filePath(f.uri)));
    const folders = index.folders.filter((f) => !removed.has(f));
    for (const f of event.added) {
      const path = filePath(f.uri);
      if (path) folders.push(path);
    }
    await index.scan(folders);
    treeChanged();
  });

  async function loadSettings(pushed?: unknown): Promise<void> {
    if (pullConfiguration) {
      state.settings = readSettings(await connection.workspace.getConfiguration('okr'));
    } else if (pushed !== undefined) {
      state.settings = readSettings((pushed as { okr?: unknown })?.okr ?? pushed);
    }
    state.invalidate();
  }

  connection.onDidChangeConfiguration(
    safeNotification(connection, 'configuration', async (params: DidChangeConfigurationParams) => {
      await loadSettings(params.settings);
      for (const document of documents.all()) schedule(document.uri);
      treeChanged();
    }),
  );

  // ----- diagnostics: only the newest version of a document is checked -----
  // The protocol library handles one incoming message per turn of the event loop, so in a burst
  // of edits (a macro, a paste split up, typing on a busy machine) checking right after each
  // didChange would check versions already replaced by messages waiting in the queue. A document
  // is checked once a whole turn has passed without a newer version: stale versions are skipped.
  // A stream of edits that never pauses still gets diagnostics every MAX_WAIT_MS (only a machine-made
  // burst runs that long; checking inside it would only delay its end).
  const MAX_WAIT_MS = 1000;
  const pending = new Map<string, { version: number | undefined; since: number }>(); // version when the wait began
  const versionOf = (uri: string) => documents.get(uri)?.version;
  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.set(uri, { version: versionOf(uri), since: Date.now() });
    // Two hops: this turn's remaining messages are handled before the first check.
    setImmediate(() => setImmediate(() => settle(uri)));
  }
  function settle(uri: string): void {
    const wait = pending.get(uri)!;
    const now = versionOf(uri);
    if (now !== wait.version && Date.now() - wait.since < MAX_WAIT_MS) {
      wait.version = now;
      setImmediate(() => settle(uri));
      return;
    }
    pending.delete(uri);
    validate(uri);
  }

  function validate(uri: string): void {
    try {
      const document = documents.get(uri);
      if (!document) return;
      const result = state.analyzeDocument(document);
      let diagnostics;
      if (result.kind === 'declined') diagnostics = [declinedDiagnostic(result)];
      else {
        // Ids in other files are known once the first scan is done; before, no false alarms.
        const across = index.scanned ? workspaceDiagnostics(result.analysis, index.workspace(), uri) : [];
        const all = across.length ? [...result.analysis.diagnostics, ...across].sort(byPosition) : result.analysis.diagnostics;
        diagnostics = all.map((d) => toLspDiagnostic(d, uri, result.version));
      }
      void connection.sendDiagnostics({ uri, version: result.version, diagnostics });
      publishConfigProblems();
      // Read only once the burst has settled: reading the shape on every keystroke would analyse each one.
      if (alignmentChanged(uri)) scheduleOthers(uri);
    } catch (error) {
      connection.console.error(`checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  // Problems in .okrrc.json files show on those files, with their positions.
  const configUris = new Map<string, string>();
  function publishConfigProblems(): void {
    for (const config of state.projectConfigs.files()) {
      if (!config.file) continue;
      const uri = pathToFileURL(config.file).href;
      const key = JSON.stringify(config.problems);
      if (configUris.get(uri) === key) continue;
      configUris.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics: config.problems.map((d) => toLspDiagnostic(d, uri, 0)) });
    }
  }
  function forgetConfigProblems(): void {
    for (const uri of configUris.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configUris.clear();
  }

  let treeTimer: NodeJS.Timeout | undefined;
  function treeChanged(): void {
    if (treeTimer) return;
    treeTimer = setTimeout(() => {
      treeTimer = undefined;
      void connection.sendNotification(P.TreeChangedNotification, {});
    }, 50);
  }

  // What a document says about alignment (its ids, aligns and period): when it changes, the other
  // open documents are checked again, as their ids may now resolve differently.
  const alignmentShapes = new Map<string, string>();
  function alignmentChanged(uri: string): boolean {
    const analyzed = state.analyzed(uri);
    const shape = analyzed ? alignmentShape(analyzed.analysis.doc) : '';
    const changed = (alignmentShapes.get(uri) ?? '') !== shape;
    if (shape) alignmentShapes.set(uri, shape);
    else alignmentShapes.delete(uri);
    return changed;
  }
  function scheduleAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }
  function scheduleOthers(uri: string): void {
    for (const document of documents.all()) if (document.uri !== uri) schedule(document.uri);
  }

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => {
    if (alignmentChanged(e.document.uri)) scheduleAll();
    schedule(e.document.uri);
    treeChanged();
  });
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    schedule(e.document.uri);
    treeChanged();
  });
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    state.forget(e.document.uri);
    if (alignmentShapes.delete(e.document.uri)) scheduleAll();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    treeChanged();
  });

  connection.onDidChangeWatchedFiles(
    safeNotification(connection, 'watched files', async (params: DidChangeWatchedFilesParams) => {
      let configChanged = false;
      const updates: Promise<void>[] = [];
      for (const change of params.changes) {
        if (change.uri.endsWith('.okrrc.json')) configChanged = true;
        else if (change.uri.endsWith('.okr')) {
          // A deleted file fails to read and leaves the index (a rename is a delete and a create).
          updates.push(index.update(change.uri));
        }
      }
      if (configChanged) {
        forgetConfigProblems();
        state.invalidate();
      }
      await Promise.all(updates);
      // Ids defined or used in files on disk may have changed: every open document is checked again.
      if (configChanged || updates.length) scheduleAll();
      treeChanged();
    }),
  );

  // ----- language features -----
  const progressOptions = (uri: string) => ({ asOf: state.asOf(), thresholds: state.configFor(uri).thresholds });

  connection.onHover(safe(connection, 'hover', null, (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    if (!analyzed) return null;
    return A.alignmentHover(index.workspace(), params.textDocument.uri, params.position, progressOptions(params.textDocument.uri)) ?? hover(analyzed, params);
  }));

  connection.onCompletion(safe(connection, 'completion', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    if (!analyzed) return [];
    const line = analyzed.lines[params.position.line] ?? '';
    return A.alignsCompletion(index.workspace(), params.textDocument.uri, line, params.position) ?? completion(analyzed, params, snippetSupport);
  }));

  // ----- alignment across files (features/alignment.ts) -----
  connection.onDefinition(safe(connection, 'definition', [], async (params) => {
    await index.ready();
    return A.definition(index.workspace(), params.textDocument.uri, params.position);
  }));

  connection.onReferences(safe(connection, 'references', [], async (params) => {
    await index.ready();
    return A.references(index.workspace(), params.textDocument.uri, params.position, !!params.context?.includeDeclaration);
  }));

  connection.onPrepareRename(safe(connection, 'prepare rename', null, async (params: PrepareRenameParams) => {
    await index.ready();
    return A.prepareRename(index.workspace(), params.textDocument.uri, params.position);
  }));

  connection.onRenameRequest(safe(connection, 'rename', null, async (params) => {
    await index.ready();
    return A.rename(index.workspace(), params.textDocument.uri, params.position, params.newName);
  }));

  connection.onDocumentLinks(safe(connection, 'document links', [], (params) => A.documentLinks(index.workspace(), params.textDocument.uri)));

  connection.onWorkspaceSymbol(safe(connection, 'workspace symbols', [], async (params) => {
    await index.ready();
    return A.workspaceSymbols(index.workspace(), params.query);
  }));

  connection.onCodeAction(safe(connection, 'code actions', [], (params: CodeActionParams) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    if (!analyzed) return [];
    const actions = codeActions(analyzed, params);
    const only = params.context.only;
    if (only?.length && !only.includes(CodeActionKind.QuickFix)) return actions;
    const uri = params.textDocument.uri;
    const across = params.context.diagnostics.some((d) => d.code === 'aligns-unknown') ? workspaceDiagnostics(analyzed.analysis, index.workspace(), uri) : [];
    return [...actions, ...A.spellingFixes(across, params.context.diagnostics, uri)];
  }));

  const configFiles: ConfigFileAccess = {
    configFile: (uri) => state.projectConfigs.forFile(filePath(uri)).file,
    newConfigFile: (uri) => {
      const path = filePath(uri);
      if (!path) return undefined;
      const folder = index.folders.filter((f) => path.startsWith(f + '/') || path.startsWith(f + '\\')).sort((a, b) => b.length - a.length)[0];
      return join(folder ?? dirname(path), CONFIG_FILE_NAME);
    },
    readText: readSmallRegularFile,
  };

  connection.onCodeActionResolve(async (action: CodeAction, token: CancellationToken) => {
    // On failure the action comes back as it was (without an edit), never as an empty object.
    const resolved = await safe<CodeAction, CodeAction | undefined>(connection, 'code action resolve', undefined, (a) => resolveCodeAction(a, (uri) => state.analyzed(uri), configFiles))(action, token);
    return resolved ?? action;
  });

  connection.onRequest(P.FixAllRequest, safe(connection, 'fix all', { edits: [], applied: 0, needsAnswers: 0 }, (params: P.FixAllParams) => {
    const analyzed = state.analyzed(params?.uri);
    if (!analyzed) return { edits: [], applied: 0, needsAnswers: 0 };
    const outcome = fixAllOf(analyzed);
    return { edits: outcome.edits, applied: outcome.applied.length, needsAnswers: outcome.needsAnswers.length };
  }));

  connection.onDocumentSymbol(safe(connection, 'document symbols', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? documentSymbols(analyzed) : [];
  }));

  connection.onFoldingRanges(safe(connection, 'folding ranges', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? foldingRanges(analyzed) : [];
  }));

  connection.onDocumentFormatting(safe(connection, 'formatting', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? formatEdits(analyzed.analysis.text) : [];
  }));

  connection.onDocumentRangeFormatting(safe(connection, 'range formatting', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? formatEdits(analyzed.analysis.text, {}, params.range) : [];
  }));

  connection.languages.inlayHint.on(safe(connection, 'inlay hints', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed && state.settings.inlayHints ? inlayHints(analyzed, params.range) : [];
  }));

  // ----- custom requests (docs/protocol.md) -----
  connection.onRequest(P.TreeRequest, safe(connection, 'tree', null, async (params: P.TreeParams | undefined) => {
    await index.ready();
    return buildTree(index.sources(), state.asOf(), Array.isArray(params?.statuses) ? params.statuses : [], declinedRows());
  }));

  connection.onRequest(P.AlignmentTreeRequest, safe(connection, 'alignment tree', null, async (params: P.AlignmentTreeParams | undefined): Promise<P.AlignmentTreeResult> => {
    await index.ready();
    const tree = buildAlignmentTree(new Workspace(index.sources()), { asOf: state.asOf(), thresholds: state.settings.thresholds });
    return { ...filterAlignmentTree(tree, Array.isArray(params?.statuses) ? params.statuses : []), declined: declinedRows() };
  }));

  /** The files the CLI declines, named as in the report, by URI: both views list them, never silently leave them out. */
  function declinedRows(): TreeDeclined[] {
    return index.declined()
      .map((d) => ({ uri: d.uri, label: workspaceLabel(d.uri, index.folders), message: d.declined }))
      .sort((a, b) => a.uri.localeCompare(b.uri));
  }

  connection.onRequest(P.FileSummaryRequest, safe(connection, 'file summary', null, (params: P.FileSummaryParams) => {
    const analyzed = state.analyzed(params?.uri);
    return analyzed ? fileSummary(analyzed.analysis.doc, analyzed.analysis.progress) : null;
  }));

  connection.onRequest(P.CheckInContextRequest, safe(connection, 'check-in context', null, (params: P.CheckInContextParams) => {
    const analyzed = state.analyzed(params?.uri);
    return analyzed && params.position ? checkInContext(analyzed, params.position) : null;
  }));

  connection.onRequest(P.CheckInEditRequest, safe(connection, 'check-in edit', { error: 'The check-in could not be prepared.' }, (params: P.CheckInEditParams) => {
    const analyzed = state.analyzed(params?.uri);
    if (!analyzed || !params.position || typeof params.value !== 'string') return { error: 'Open the .okr file to check in.' };
    const document = documents.get(params.uri)!;
    const eolOf = (line: number) => {
      const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      return /\r\n|\r|\n$/.exec(text)?.[0] ?? /\r\n|\n|\r/.exec(document.getText())?.[0] ?? '\n';
    };
    return checkInEdit(analyzed, params, eolOf);
  }));

  connection.onRequest(P.AnswerWarningRequest, safe(connection, 'answer warning', { message: null }, (params: P.AnswerWarningParams): P.AnswerWarningResult => {
    if (params?.warn !== 'outcome-kr' || typeof params.answer !== 'string') return { message: null };
    return { message: outcomeAnswerWarning(params.answer) ?? null };
  }));

  connection.onRequest(P.FixWithAnswersRequest, safe(connection, 'fix with answers', { error: 'The fix could not be computed.' }, (params: P.FixWithAnswersParams) => {
    const analyzed = state.analyzed(params?.uri);
    if (!analyzed || !params.diagnostic) return { error: 'Open the .okr file to fix it.' };
    return fixWithAnswers(analyzed, params.diagnostic, params.title, params.answers ?? {});
  }));

  connection.onRequest(P.ReportRequest, safe(connection, 'report', { markdown: '' }, async (params: P.ReportParams | undefined) => {
    await index.ready();
    const wanted = params?.uris?.length ? new Set(params.uris) : undefined;
    const asOf = state.asOf();
    const labelOf = (uri: string) => workspaceLabel(uri, index.folders);
    const analysed = index.sources().map((s) => ({
      uri: s.uri,
      file: reportFile(labelOf(s.uri), { text: '', doc: s.doc, progress: s.progress, diagnostics: [], config: state.configFor(s.uri), asOf }),
    }));
    // A file the CLI declines is named with its message, as `okr report` does, never silently left out.
    const declined = index.declined().map((d) => ({ uri: d.uri, file: { file: labelOf(d.uri), period: null, team: null, objectives: [], declined: d.declined } }));
    const files = [...analysed, ...declined]
      .filter((s) => !wanted || wanted.has(s.uri))
      .sort((a, b) => a.uri.localeCompare(b.uri))
      .map((s) => s.file);
    return { markdown: reportMarkdown({ asOf, files }) };
  }));

  registerStoryRequests(connection, state, index);

  documents.listen(connection);
  connection.listen();
}

function byPosition(a: EngineDiagnostic, b: EngineDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Ids, aligns and period of a document, as one string to compare. */
function alignmentShape(doc: OkrDocument): string {
  const parts: string[] = [doc.period ? `${doc.period.start}..${doc.period.end}` : ''];
  for (const o of doc.objectives) {
    for (const element of [o, ...o.keyResults]) {
      if (element.id) parts.push(`#${element.id.slug}`);
      for (const a of element.aligns ?? []) parts.push(`>${a.slug}`);
    }
  }
  return parts.length > 1 ? parts.join(' ') : '';
}

/** A config file's text: regular files only, at most 1 MB (a pipe or device never blocks the server). */
function readSmallRegularFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a named pipe must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > 1 << 20) return undefined;
    const buffer = Buffer.alloc(stat.size);
    const read = readSync(fd, buffer, 0, stat.size, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// The OKR language server: a function of its connection. Every handler is wrapped by `safe`
// (exceptions are logged and answered empty; cancelled requests get the cancellation error).
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  TextDocumentSyncKind, type Connection, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams,
  type InitializeResult, type TextDocumentChangeEvent, type WorkspaceFolder, type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatEdits } from '../engine/format';
import { reportFile } from '../engine/report/build';
import { reportMarkdown } from '../engine/report/markdown';
import { buildTree, fileSummary } from '../engine/tree';
import { declinedDiagnostic, toLspDiagnostic } from './convert';
import { checkInContext, checkInEdit } from './features/check-in';
import { codeActions, FIX_ALL_KIND, fixWithAnswers } from './features/code-actions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { documentSymbols, foldingRanges, inlayHints } from './features/outline';
import * as P from './protocol';
import { safe, safeNotification } from './safe';
import { readSettings } from './settings';
import { filePath, ServerState } from './state';
import { WorkspaceIndex } from './workspace-index';
import { registerStoryRequests } from './features/story';

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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: { label: 'OKR' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        inlayHintProvider: { resolveProvider: false },
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

  // ----- diagnostics: after every change, coalescing bursts of edits -----
  const pending = new Set<string>();
  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      validate(uri);
    });
  }

  function validate(uri: string): void {
    try {
      const document = documents.get(uri);
      if (!document) return;
      const result = state.analyzeDocument(document);
      const diagnostics = result.kind === 'declined'
        ? [declinedDiagnostic(result)]
        : result.analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, result.version));
      void connection.sendDiagnostics({ uri, version: result.version, diagnostics });
      publishConfigProblems();
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

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => {
    schedule(e.document.uri);
    treeChanged();
  });
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    schedule(e.document.uri);
    treeChanged();
  });
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    state.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    treeChanged();
  });

  connection.onDidChangeWatchedFiles(
    safeNotification(connection, 'watched files', async (params: DidChangeWatchedFilesParams) => {
      let configChanged = false;
      for (const change of params.changes) {
        if (change.uri.endsWith('.okrrc.json')) configChanged = true;
        else if (change.uri.endsWith('.okr')) {
          // A deleted file fails to read and leaves the index.
          void index.update(change.uri);
        }
      }
      if (configChanged) {
        forgetConfigProblems();
        state.invalidate();
        for (const document of documents.all()) schedule(document.uri);
      }
      treeChanged();
    }),
  );

  // ----- language features -----
  connection.onHover(safe(connection, 'hover', null, (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? hover(analyzed, params) : null;
  }));

  connection.onCompletion(safe(connection, 'completion', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? completion(analyzed, params, snippetSupport) : [];
  }));

  connection.onCodeAction(safe(connection, 'code actions', [], (params) => {
    const analyzed = state.analyzed(params.textDocument.uri);
    return analyzed ? codeActions(analyzed, params) : [];
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
    return buildTree(index.sources(), state.asOf(), Array.isArray(params?.statuses) ? params.statuses : []);
  }));

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

  connection.onRequest(P.FixWithAnswersRequest, safe(connection, 'fix with answers', { error: 'The fix could not be computed.' }, (params: P.FixWithAnswersParams) => {
    const analyzed = state.analyzed(params?.uri);
    if (!analyzed || !params.diagnostic) return { error: 'Open the .okr file to fix it.' };
    return fixWithAnswers(analyzed, params.diagnostic, params.title, params.answers ?? {});
  }));

  connection.onRequest(P.ReportRequest, safe(connection, 'report', { markdown: '' }, async (params: P.ReportParams | undefined) => {
    await index.ready();
    const wanted = params?.uris?.length ? new Set(params.uris) : undefined;
    const asOf = state.asOf();
    const files = index.sources()
      .filter((s) => !wanted || wanted.has(s.uri))
      .sort((a, b) => a.uri.localeCompare(b.uri))
      .map((s) => {
        const path = filePath(s.uri);
        const folder = path && index.folders.find((f) => path.startsWith(f));
        const label = path ? (folder ? relative(folder, path) : path) : s.uri;
        return reportFile(label, { text: '', doc: s.doc, progress: s.progress, diagnostics: [], config: state.configFor(s.uri), asOf });
      });
    return { markdown: reportMarkdown({ asOf, files }) };
  }));

  registerStoryRequests(connection, state, index);

  documents.listen(connection);
  connection.listen();
}

// The OKR as Code extension: starts the language server and adds the progress view, the
// status bar item and the commands. Activation returns at once; the server starts behind it.
import * as vscode from 'vscode';
import type {
  CloseHandlerResult, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions,
} from 'vscode-languageclient/node';
import type { FileSummary } from '../../server/src/engine/tree';
import { FileSummaryRequest, TreeChangedNotification } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { ProgressTree } from './tree';
import { registerStoryCommands } from './story';
import { registerTreeModes } from './tree-modes';

let client: LanguageClient | undefined;

/** What activation hands back: the progress tree's data, for tests and other extensions to read. */
export interface OkrExtensionApi {
  progressTree: vscode.TreeDataProvider<unknown>;
  /** The view itself: its description shows the active filter. */
  progressView: vscode.TreeView<unknown>;
}

export function activate(context: vscode.ExtensionContext): OkrExtensionApi {
  const tree = new ProgressTree(() => client);
  const view = vscode.window.createTreeView('okr.progress', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(view);

  const status = vscode.window.createStatusBarItem('okr.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'OKR Progress';
  status.command = 'okr.progress.focus';
  context.subscriptions.push(status);

  registerCommands(context, () => client, tree, view);
  registerStoryCommands(context, () => {
    if (client?.isRunning()) return client;
    void vscode.window.showWarningMessage('The OKR language server is not running yet.');
    return undefined;
  });
  registerTreeModes(context, tree, view as vscode.TreeView<unknown>);
  context.subscriptions.push(vscode.commands.registerCommand('okr.restartServer', async () => {
    await client?.restart();
  }));

  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'okr' || !client?.isRunning()) {
      status.hide();
      return;
    }
    try {
      const summary = await client.sendRequest<FileSummary | null>(FileSummaryRequest, { uri: editor.document.uri.toString() });
      if (!summary) return status.hide();
      status.text = summary.text;
      status.tooltip = `OKR progress of ${vscode.workspace.asRelativePath(editor.document.uri)}: ${summary.atRisk} at risk, ${summary.offTrack} off track`;
      status.show();
    } catch {
      status.hide();
    }
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()));

  // The language client (most of the bundle) loads after activation has returned, so that
  // activating costs the editor almost nothing; the server starts right behind it.
  setImmediate(() => {
    void createClient(context).then((created) => {
      client = created;
      context.subscriptions.push({ dispose: () => void created.stop() });
      created.onNotification(TreeChangedNotification, () => {
        tree.refresh();
        void updateStatus();
      });
      return created.start().then(() => {
        tree.refresh();
        void updateStatus();
      });
    }).catch((error) => void vscode.window.showErrorMessage(`The OKR language server did not start: ${error}`));
  });
  return { progressTree: tree as vscode.TreeDataProvider<unknown>, progressView: view as vscode.TreeView<unknown> };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

async function createClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const { CloseAction, ErrorAction, LanguageClient, TransportKind } = loadLanguageClient(context);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'okr', scheme: 'file' }, { language: 'okr', scheme: 'untitled' }],
    synchronize: { configurationSection: 'okr' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('okr') },
    errorHandler: restartOnce(CloseAction, ErrorAction),
  };
  return new LanguageClient('okr', 'OKR Language Server', serverOptions, clientOptions);
}

/** Restarts a crashed server (up to 5 times in 3 minutes) and says so once. */
/** dist/language-client.js, required by a computed path so that esbuild leaves it out of this bundle. */
function loadLanguageClient(context: vscode.ExtensionContext): typeof import('./language-client') {
  const path = context.asAbsolutePath(['dist', 'language-client.js'].join('/'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as typeof import('./language-client');
}

function restartOnce(
  CloseAction: typeof import('vscode-languageclient/node').CloseAction,
  ErrorAction: typeof import('vscode-languageclient/node').ErrorAction,
): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > 3 * 60_000) crashes.shift();
      if (crashes.length > 5) {
        return { action: CloseAction.DoNotRestart, message: 'The OKR language server keeps stopping; it will not be restarted. Run "OKR: Restart Language Server" to try again.' };
      }
      const first = !told;
      told = true;
      return { action: CloseAction.Restart, message: first ? 'The OKR language server stopped unexpectedly and was restarted.' : undefined, handled: !first };
    },
  };
}

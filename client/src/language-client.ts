// vscode-languageclient, bundled on its own into dist/language-client.js: extension.ts loads
// it after activation has returned, so activating the extension stays cheap.
export { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';

// Bundles the CLI, the language server and the VS Code client into dist/ with esbuild.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.OKR_NO_MINIFY ? false : true,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Some dependencies are ESM that call createRequire(import.meta.url): give the CommonJS bundle a real URL.
  define: { 'import.meta.url': '__okrImportMetaUrl' },
};
const importMetaShim = "const __okrImportMetaUrl = require('url').pathToFileURL(__filename).href;";

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // The engine alone, as a library: used by the benchmarks.
  { in: 'server/src/engine/index.ts', out: 'dist/engine.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // vscode-languageclient in its own file, loaded after activation (keeps activation cheap).
  { in: 'client/src/language-client.ts', out: 'dist/language-client.js', external: ['vscode'] },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.external ?? [],
    banner: { js: entry.banner ? `${entry.banner}\n${importMetaShim}` : importMetaShim },
    metafile: false,
  });
}
if (watch) console.log('watch mode is not supported; rebuild with npm run build');

// CLI and language server must report the same diagnostics for the same text: the CLI reads
// the file from disk (`okr check --format json`), the server gets what an editor would send
// (the file decoded as UTF-8, without its BOM) through dist/server.js over stdio. Both come from
// the same build: dist/cli.js is loaded in-process (its runCli) right after dist/ is built, so a
// long campaign never compares an old CLI with a newer server.
import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { runCli as RunCli } from '../../server/src/cli/main';
import { ensureBuilt, LspClient, root, serverPath, type Diagnostic as LspDiagnostic } from '../lsp/client';
import { anyDocument } from './generators';
import { AS_OF } from './invariants';
import type { FuzzProperty } from './properties';

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

interface Comparable {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function key(d: Comparable): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.severity} [${d.rule}] ${d.message}`;
}

function fromServer(d: LspDiagnostic): Comparable {
  return { rule: String(d.code ?? ''), severity: SEVERITY_NAMES[d.severity ?? 1], message: d.message, range: d.range };
}

function cliDiagnostics(runCli: typeof RunCli, file: string, cwd: string): Comparable[] {
  let out = '';
  let err = '';
  const code = runCli(['check', file, '--format', 'json', '--today', AS_OF], { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t), color: false });
  if (code === 2) throw new Error(`the CLI could not check the file: ${err}`);
  const report = JSON.parse(out) as { files: { diagnostics: Comparable[] }[] };
  return report.files[0]?.diagnostics ?? [];
}

/** Documents as a file can hold them; with a NUL byte both decline the file with the same error. */
const fileText = anyDocument;

export const cliServerProperty: FuzzProperty = {
  name: 'cli-server',
  description: 'okr check --format json and the language server report the same diagnostics for the same text',
  slice: 150,
  skipReason: () =>
    existsSync(serverPath) || existsSync(join(root, 'server/src/lsp/main.ts'))
      ? undefined
      : 'dist/server.js does not exist and there is no language server source to build it from',
  async create() {
    ensureBuilt();
    const { runCli } = (await import(pathToFileURL(join(root, 'dist', 'cli.js')).href)) as { runCli: typeof RunCli };
    const folder = mkdtempSync(join(tmpdir(), 'okr-fuzz-'));
    const client = await LspClient.start({ settings: { today: AS_OF } });
    let n = 0;
    const property = fc.asyncProperty(fileText, async (text) => {
      const file = join(folder, `case-${n++}.okr`);
      writeFileSync(file, text, 'utf8');
      const editorText = Buffer.from(text, 'utf8').toString('utf8').replace(/^\ufeff/, '');
      const uri = pathToFileURL(file).href;
      const cli = cliDiagnostics(runCli, file, folder).map(key).sort();
      const published = await client.open(uri, editorText);
      await client.close(uri);
      const server = published.diagnostics.map(fromServer).map(key).sort();
      if (cli.join('\n') !== server.join('\n')) {
        const onlyCli = cli.filter((k) => !server.includes(k));
        const onlyServer = server.filter((k) => !cli.includes(k));
        throw new Error(`CLI and server disagree.\nonly the CLI:\n  ${onlyCli.join('\n  ')}\nonly the server:\n  ${onlyServer.join('\n  ')}`);
      }
    });
    return {
      property,
      dispose: async () => {
        await client.stop();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

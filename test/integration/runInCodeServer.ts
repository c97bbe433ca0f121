// `npm run test:integration`: runs the integration suite inside code-server's extension host.
// The workbench is opened in headless chromium with a `payload` URL naming the extension's
// development folder and the bundled tests; the tests write a results file, which this runner
// waits for and prints in mocha's spec style. Exit code 1 on any failure.
//
// Options: --extension DIR (default: the repository), --tests FILE.ts (entry to bundle; default
// test/integration/index.ts), --outfile FILE (where the bundle goes; it must sit inside the
// extension's folder for the tests to share the extension's `vscode` API object), --keep (leave the temporary state folder), OKR_TEST_GREP=pattern.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleIntegrationTests } from './bundle';
import { ensureCodeServer, launchChromium, makeWorkspace, openWorkbench, repoRoot, startCodeServer, workbenchUrl } from './codeServer';
import { printResults } from './printResults';
import type { RunResults } from './results';

const RUN_TIMEOUT_MS = 3 * 60_000;


async function waitForResults(file: string, isAlive: () => string | undefined): Promise<RunResults> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const dead = isAlive();
    if (dead) throw new Error(dead);
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as RunResults;
      } catch {
        // still being written
      }
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`no results file after ${RUN_TIMEOUT_MS / 1000} s: the extension host never finished the suite`);
}

/** The extension host's own log: where activation errors and the tests' console output end up. */
function extensionHostLog(userDataDir: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost|remoteagent|OKR/i.test(path) && name.endsWith('.log')) found.push(path);
    }
  };
  if (existsSync(join(userDataDir, 'logs'))) walk(join(userDataDir, 'logs'));
  return found.map((path) => `--- ${path}\n${readFileSync(path, 'utf8').split('\n').slice(-40).join('\n')}`).join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { extension: { type: 'string' }, tests: { type: 'string' }, outfile: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const extensionPath = resolve(values.extension ?? repoRoot);
  if (!existsSync(join(extensionPath, 'package.json'))) throw new Error(`no extension at ${extensionPath}`);
  if (extensionPath === repoRoot && !existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const testsEntry = values.tests ? resolve(values.tests) : undefined;
  const testsBundle = await bundleIntegrationTests(testsEntry, values.outfile ? resolve(values.outfile)
    : testsEntry ? join(repoRoot, 'out', 'test', 'custom', 'index.js') : undefined);

  const { codeServerBin, chromiumPath } = await ensureCodeServer();
  const stateDir = mkdtempSync(join(tmpdir(), 'okr-integration-'));
  const resultsFile = join(stateDir, 'results.json');
  const workspace = makeWorkspace(stateDir);
  const server = await startCodeServer({ codeServerBin, stateDir, env: { OKR_TEST_RESULTS: resultsFile } });
  const browser = await launchChromium(chromiumPath);
  const pageErrors: string[] = [];
  try {
    const page = await openWorkbench(browser, workbenchUrl(server, workspace, { extensionPath, testsPath: testsBundle }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    let crashed: string | undefined;
    page.on('crash', () => (crashed = 'the workbench page crashed'));
    const results = await waitForResults(resultsFile, () => crashed);
    return printResults(results);
  } catch (error) {
    console.error(`integration: ${(error as Error).message}`);
    if (pageErrors.length) console.error(`workbench errors:\n${pageErrors.join('\n')}`);
    console.error(extensionHostLog(server.userDataDir));
    return 1;
  } finally {
    await browser.close();
    await server.stop();
    if (values.keep) console.log(`state kept in ${stateDir}`);
    else rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`integration: ${error.message}`);
  process.exit(1);
});

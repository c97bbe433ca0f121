// `npm run test:vscode`: the same integration suite on desktop VS Code through @vscode/test-electron,
// where VS Code can be downloaded (a contributor's machine, a hosted CI; not our machines, where
// `npm run test:integration` runs it in code-server instead). Set VSCODE_EXECUTABLE to use an
// installed VS Code instead of downloading one.
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleIntegrationTests } from './bundle';
import { makeWorkspace, repoRoot } from './codeServer';
import { printResults } from './printResults';
import type { RunResults } from './results';

async function main(): Promise<number> {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const testsBundle = await bundleIntegrationTests();
  const stateDir = mkdtempSync(join(tmpdir(), 'okr-vscode-'));
  const resultsFile = join(stateDir, 'results.json');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsBundle,
      extensionTestsEnv: { OKR_TEST_RESULTS: resultsFile },
      launchArgs: [makeWorkspace(stateDir), '--disable-extensions', '--disable-workspace-trust',
        '--user-data-dir', join(stateDir, 'user-data')],
    }).catch((error: unknown) => {
      // A failing suite rejects too; the results file says why. Without one, the run itself failed.
      if (!existsSync(resultsFile)) throw error;
    });
    if (!existsSync(resultsFile)) throw new Error('VS Code exited without writing the results file');
    return printResults(JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults);
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`test:vscode: ${error.message}`);
  process.exit(1);
});

// Entry point that VS Code's extension host calls (`extensionTestsPath`): with @vscode/test-electron
// on desktop, and through the `payload` URL in code-server. Bundled with mocha into
// out/test/integration/index.js (see bundle.ts). Results also go to a JSON file, because in
// code-server the extension host's output never reaches the terminal that started the run.
import Mocha from 'mocha';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunResults, TestResult } from './results';

// Loaded after mocha's `pre-require`, so `suite` and `test` exist as globals when they run.
const suites: Array<() => Promise<unknown>> = [
  () => import('./suites/diagnostics.test'),
  () => import('./suites/hover.test'),
  () => import('./suites/codeActions.test'),
  () => import('./suites/editing.test'),
  () => import('./suites/treeAndCommands.test'),
  () => import('./suites/story.test'),
  () => import('./suites/alignment.test'),
  () => import('./suites/gettingStarted.test'),
  // Last: a document opened there may outlive its file for a while (see the suite).
  () => import('./suites/notChecked.test'),
];

function collectingReporter(results: RunResults) {
  return class extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const record = (state: TestResult['state'], test: Mocha.Test, error?: Error) => {
        results.tests.push({
          titlePath: test.titlePath(),
          state,
          durationMs: test.duration ?? 0,
          error: error ? { message: error.message, stack: error.stack } : undefined,
        });
      };
      runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => record('passed', test));
      runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => record('failed', test as Mocha.Test, error));
      runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => record('pending', test));
    }
  };
}

function writeResults(results: RunResults): void {
  const file = process.env.OKR_TEST_RESULTS ?? join(__dirname, 'results.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2));
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: RunResults = { tests: [], passed: 0, failed: 0, pending: 0, durationMs: 0 };
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 60_000,
    grep: process.env.OKR_TEST_GREP,
    reporter: collectingReporter(results),
  });
  let failures = 0;
  try {
    mocha.suite.emit('pre-require', globalThis, 'okr-integration', mocha);
    for (const load of suites) await load();
    failures = await new Promise<number>((done) => mocha.run(done));
  } catch (error) {
    results.fatal = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  }
  results.passed = results.tests.filter((t) => t.state === 'passed').length;
  results.failed = results.tests.filter((t) => t.state === 'failed').length;
  results.pending = results.tests.filter((t) => t.state === 'pending').length;
  results.durationMs = Date.now() - started;
  writeResults(results);
  if (results.fatal) throw new Error(`integration suite could not run: ${results.fatal}`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

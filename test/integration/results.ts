// The results file that the extension host writes and the code-server runner reads back.

export interface TestResult {
  /** Suite titles, then the test title. */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: { message: string; stack?: string };
}

export interface RunResults {
  tests: TestResult[];
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  /** Set when the suite could not even start (a load error). */
  fatal?: string;
}

// Prints a results file the way mocha's spec reporter would, and returns the exit code.
import type { RunResults } from './results';

export function printResults(results: RunResults): number {
  const failures = results.tests.filter((t) => t.state === 'failed');
  const lines: string[] = [''];
  let previousSuites: string[] = [];
  for (const test of results.tests) {
    const suites = test.titlePath.slice(0, -1);
    suites.forEach((title, depth) => {
      const prefix = (list: string[]) => list.slice(0, depth + 1).join('\u0000');
      if (prefix(suites) !== prefix(previousSuites)) lines.push(`${'  '.repeat(depth + 1)}${title}`);
    });
    previousSuites = suites;
    const indent = '  '.repeat(suites.length + 1);
    const title = test.titlePath[test.titlePath.length - 1];
    if (test.state === 'passed') lines.push(`${indent}✔ ${title} (${test.durationMs}ms)`);
    else if (test.state === 'pending') lines.push(`${indent}- ${title}`);
    else lines.push(`${indent}${failures.indexOf(test) + 1}) ${title}`);
  }
  lines.push('', `  ${results.passed} passing (${Math.round(results.durationMs / 100) / 10}s)`);
  if (results.pending) lines.push(`  ${results.pending} pending`);
  if (results.failed) lines.push(`  ${results.failed} failing`);
  failures.forEach((test, index) => {
    lines.push('', `  ${index + 1}) ${test.titlePath.join(' ')}:`);
    lines.push(`     ${(test.error?.stack ?? test.error?.message ?? 'failed').split('\n').join('\n     ')}`);
  });
  if (results.fatal) lines.push('', `  the suite could not run: ${results.fatal}`);
  lines.push('', `${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  console.log(lines.join('\n'));
  return results.failed > 0 || results.fatal || results.passed === 0 ? 1 : 0;
}

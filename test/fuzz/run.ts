// Runs one fuzz property and turns a failure into a report someone can replay.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FuzzProperty } from './properties';

/** The seed of the normal test run's slice; FUZZ_SEED overrides it. */
export const DEFAULT_SEED = 20260515;

export interface RunOptions {
  numRuns: number;
  seed: number;
  /** fast-check's path to one failing case, from a failure report. */
  path?: string;
  /** A saved failing case (its arguments), run instead of generated ones. */
  replay?: unknown[];
}

export interface RunOutcome {
  failed: boolean;
  /** Why it failed, the case (shortened), and the command that replays it. */
  report?: string;
}

function shorten(value: unknown, max = 1500): string {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

export async function runProperty(p: FuzzProperty, options: RunOptions): Promise<RunOutcome> {
  const { property, dispose } = await p.create();
  try {
    const result = await fc.check(property, {
      numRuns: options.replay ? 1 : options.numRuns,
      seed: options.seed,
      ...(options.path ? { path: options.path } : {}),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- examples match the property's own case type
      ...(options.replay ? { examples: [options.replay] as any } : p.examples && !options.path ? { examples: p.examples() as any } : {}),
      // Shrinking 100,000-character lines can take minutes; a smaller case helps, a stalled run does not.
      interruptAfterTimeLimit: 30 * 60_000,
      markInterruptAsFailure: false,
    });
    if (!result.failed) return { failed: false };
    const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    // The exact case, saved whole: the surest replay (a seed and path depend on fast-check's settings).
    const saved = join(tmpdir(), `okr-fuzz-${p.name}-${result.seed}.json`);
    writeFileSync(saved, JSON.stringify(result.counterexample));
    const replay = `npm run fuzz -- --only ${p.name} --case ${saved}   (or: --seed ${result.seed} --runs as before)`;
    return {
      failed: true,
      report: [
        `property '${p.name}' failed after ${result.numRuns} case(s) (seed ${result.seed}, path ${result.counterexamplePath})`,
        `case: ${shorten(result.counterexample?.[0])}`,
        `error: ${error.length > 3000 ? `${error.slice(0, 3000)}…` : error}`,
        `replay: ${replay}`,
      ].join('\n'),
    };
  } finally {
    await dispose?.();
  }
}

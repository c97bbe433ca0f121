// Long fuzz campaigns: `npm run fuzz -- --runs 1000000 [--seed S] [--only NAME[,NAME]] [--path P]`;
// `--only NAME --case FILE` replays a failing case a report saved.
// The runs are shared out in the proportions of the normal test run's slice; a failure prints
// the seed and path that replay it, and the exit code is 1.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PROPERTIES } from '../test/fuzz/properties';
import { runProperty } from '../test/fuzz/run';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    path: { type: 'string' },
    case: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log('npm run fuzz -- --runs N [--seed S] [--only engine,fixes,...] [--path P] | --only NAME --case FILE');
  console.log(`properties: ${PROPERTIES.map((p) => p.name).join(', ')}`);
  process.exit(0);
}

const total = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const only = values.only?.split(',');
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs and --seed want whole numbers');
  process.exit(2);
}
const chosen = PROPERTIES.filter((p) => !only || only.includes(p.name));
if (chosen.length === 0) {
  console.error(`fuzz: no property named ${values.only} (there are: ${PROPERTIES.map((p) => p.name).join(', ')})`);
  process.exit(2);
}

async function main(): Promise<number> {
  const sliceTotal = chosen.reduce((sum, p) => sum + p.slice, 0);
  console.log(`fuzz: ${total} cases over ${chosen.length} properties, seed ${seed}`);
  let failures = 0;
  for (const p of chosen) {
    const reason = p.skipReason?.();
    if (reason) {
      console.log(`- ${p.name}: skipped (${reason})`);
      continue;
    }
    const numRuns = values.case ? 1 : Math.max(1, Math.round((total * p.slice) / sliceTotal));
    const started = Date.now();
    const replay = values.case ? (JSON.parse(readFileSync(values.case, 'utf8')) as unknown[]) : undefined;
    const outcome = await runProperty(p, { numRuns, seed, path: values.path, replay });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome.failed) {
      failures++;
      console.log(`- ${p.name}: FAILED (${seconds} s)\n${outcome.report}`);
    } else {
      console.log(`- ${p.name}: ${numRuns} cases passed (${seconds} s)`);
    }
  }
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);

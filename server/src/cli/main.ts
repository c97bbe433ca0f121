// The `okr` command: the same engine as the editor, for CI and terminals.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidIsoDate, todayIso } from '../engine/dates';
import { reportFile, type Report } from '../engine/report/build';
import { reportMarkdown } from '../engine/report/markdown';
import { analyzeFiles, declinedFiles, workspaceOf, type FileAnalysis } from './analyze-files';
import { buildAlignmentTree } from '../engine/workspace/alignment-tree';
import { alignmentMarkdown, alignmentReport } from '../engine/report/alignment';
import { filterAlignmentTree } from '../engine/workspace/alignment-filter';
import { filterReport } from '../engine/report/filter';
import { parseStatuses } from './status-option';
import { formatCheckJson, formatCheckText, summarise } from './check';
import { collectFiles, displayPath, UsageError } from './files';
import { alignmentReportText, reportText } from './report-text';
import { ConfigLoader } from '../node/config-file';
import { analyzeText } from '../engine/analyze';
import { formatSarif } from './sarif';
import { runFix } from './fix';
import { parseCarry, runClose } from './close';
import { reportHtml } from '../engine/report/html';
import { visible } from './visible';
import { staleTemporaryFiles } from '../node/stale-temp';
import * as nodePath from 'node:path';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(files: string[], values: Values, io: CliIO, given: string[], leading: string[]): number;
  /** Positional arguments that come before the paths (`close PERIOD`). */
  leading?: { count: number; usage: string };
}

const HELP = `Usage: okr <command> [paths or globs...] [options]

Commands:
  check    report syntax errors and coaching findings (exit 1 on any error)
  report   show progress per objective and key result
  fix      apply every fix that needs no answer (--dry-run shows the diff)
  close    close PERIOD --to NEXT: write the scores, start the next period's file

Options:
  --format  check: text | json | sarif    report: text | md | json | html
  --by      report: file (default) | alignment — the alignment tree across files, with roll-ups (text, md, json)
  --status S[,S…]    report: only the key results in these statuses and what leads to them; totals
                     still count every key result (off-track, at-risk, on-track, achieved, no-data)
  --max-warnings N   check: exit 1 when there are more than N warnings
  --config FILE      use this .okrrc.json (default: the nearest one upward from each file)
  --dry-run          fix, close: show the unified diff, change nothing
  --to PERIOD        close: the next period (2026-Q3, 2026-H2, 2027)
  --carry WHICH      close: carry all, none or unfinished KRs (default: unfinished)
  --today   YYYY-MM-DD, the as-of date for progress (default: today)
  --help    this help

Without paths, every .okr file under the current folder is used (node_modules skipped).
A path that exists is taken as it is (plan[1].okr); only one that does not is read as a glob.
`;

function asOf(values: Values): string {
  const today = values.today;
  if (today === undefined) return todayIso();
  if (typeof today !== 'string' || !isValidIsoDate(today)) throw new UsageError(`--today wants a date like 2026-05-15, not '${String(today)}'`);
  return today;
}

function formatOf(values: Values, allowed: string[]): string {
  const format = (values.format as string | undefined) ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not '${format}'`);
  return format;
}

/** The `.okrrc.json` files for this run: `--config`, else the nearest one upward from each file. */
function configLoader(values: Values, io: CliIO): ConfigLoader {
  const explicit = values.config;
  return new ConfigLoader(typeof explicit === 'string' ? nodePath.resolve(io.cwd, explicit) : undefined);
}

/** Problems in config files, reported against those files (their defaults stay in force). */
function configResults(loader: ConfigLoader): FileAnalysis[] {
  return loader.problems().map((c) => ({ file: c.path ?? '.okrrc.json', analysis: { ...analyzeText('', {}), diagnostics: c.diagnostics } }));
}

function maxWarnings(values: Values): number | undefined {
  const raw = values['max-warnings'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--max-warnings wants a whole number, not '${String(raw)}'`);
  return Number(raw);
}

/** Unreadable files get one line on stderr; the others are still used. */
function reportUnreadable(results: FileAnalysis[], io: CliIO): boolean {
  let any = false;
  for (const r of results) {
    if (r.unreadable) {
      io.stderr(`okr: ${visible(`${displayPath(r.file, io.cwd)} ${r.unreadable}`)}\n`);
      any = true;
    }
  }
  return any;
}

/**
 * Files the engine declined: `report` has nothing to show for them, so each gets a line on stderr with
 * the message `check` gives it, and exit code 2 as for an unreadable file. The report lists them too.
 */
function reportDeclined(results: FileAnalysis[], io: CliIO): boolean {
  const declined = declinedFiles(results);
  for (const d of declined) io.stderr(`okr: ${visible(`${displayPath(d.file, io.cwd)}: ${d.message}`)}\n`);
  return declined.length > 0;
}

export const commands: Record<string, Command> = {
  check: {
    summary: 'report syntax errors and coaching findings',
    options: { format: { type: 'string' }, today: { type: 'string' }, config: { type: 'string' }, 'max-warnings': { type: 'string' } },
    run(files, values, io) {
      const startedAt = Date.now();
      const format = formatOf(values, ['text', 'json', 'sarif']);
      const limit = maxWarnings(values);
      const loader = configLoader(values, io);
      const checked = analyzeFiles(files, asOf(values), (f) => loader.configFor(f));
      const results = [...configResults(loader), ...checked];
      const unreadable = reportUnreadable(results, io);
      for (const stale of staleTemporaryFiles(files.map((f) => nodePath.dirname(f)), startedAt)) {
        io.stderr(`okr: ${visible(`${displayPath(stale, io.cwd)} is a temporary file left by an interrupted okr fix (okr fix removes it)`)}\n`);
      }
      if (format === 'sarif') io.stdout(formatSarif(results, io.cwd));
      else io.stdout(format === 'json' ? formatCheckJson(results, io.cwd) : formatCheckText(results, io.cwd));
      if (unreadable) return 2;
      const summary = summarise(results);
      if (limit !== undefined && summary.warnings > limit) {
        io.stderr(`okr: ${summary.warnings} warnings, more than --max-warnings ${limit}\n`);
        return 1;
      }
      return summary.errors > 0 ? 1 : 0;
    },
  },
  report: {
    summary: 'show progress per objective and key result',
    options: { format: { type: 'string' }, today: { type: 'string' }, config: { type: 'string' }, by: { type: 'string' }, status: { type: 'string', multiple: true } },
    run(files, values, io) {
      const format = formatOf(values, ['text', 'md', 'json', 'html']);
      const statuses = parseStatuses(values.status as string[] | undefined);
      const by = (values.by as string | undefined) ?? 'file';
      if (by !== 'file' && by !== 'alignment') throw new UsageError(`--by must be file or alignment, not '${by}'`);
      if (by === 'alignment' && format === 'html') throw new UsageError('--by alignment prints text, md or json, not html');
      const date = asOf(values);
      const loader = configLoader(values, io);
      const results = analyzeFiles(files, date, (f) => loader.configFor(f));
      // Both run: every unreadable and every declined file gets its line.
      const incomplete = [reportUnreadable(results, io), reportDeclined(results, io)].includes(true);
      if (by === 'alignment') {
        const tree = filterAlignmentTree(buildAlignmentTree(workspaceOf(results), { asOf: date }), statuses);
        const declined = declinedFiles(results).map((d) => ({ file: displayPath(d.file, io.cwd), message: d.message }));
        const report = alignmentReport(tree, (file) => displayPath(file, io.cwd), declined);
        if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
        else io.stdout(format === 'md' ? alignmentMarkdown(report) : alignmentReportText(report));
        return incomplete ? 2 : 0;
      }
      const report: Report = filterReport({
        asOf: date,
        files: results.filter((r) => r.analysis).map((r) => reportFile(displayPath(r.file, io.cwd), r.analysis!)),
      }, statuses);
      if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
      else if (format === 'md') io.stdout(reportMarkdown(report));
      else if (format === 'html') io.stdout(reportHtml(report));
      else io.stdout(reportText(report, io.color));
      return incomplete ? 2 : 0;
    },
  },
  fix: {
    summary: 'apply every fix that needs no answer from a person',
    options: { 'dry-run': { type: 'boolean' }, today: { type: 'string' }, config: { type: 'string' } },
    run(files, values, io, given) {
      const loader = configLoader(values, io);
      return runFix(files, { dryRun: values['dry-run'] === true, asOf: asOf(values), configFor: (f) => loader.configFor(f), given }, io);
    },
  },
  close: {
    summary: 'score a period that has ended and start the next one',
    options: { to: { type: 'string' }, carry: { type: 'string' }, 'dry-run': { type: 'boolean' }, today: { type: 'string' }, config: { type: 'string' } },
    leading: { count: 1, usage: 'okr close PERIOD --to NEXT [paths] [--carry all|none|unfinished] [--dry-run]' },
    run(files, values, io, given, leading) {
      if (typeof values.to !== 'string') throw new UsageError('close needs --to NEXT, the period to start (like 2026-Q3)');
      const loader = configLoader(values, io);
      return runClose(files, {
        period: leading[0], next: values.to, carry: parseCarry(values.carry), dryRun: values['dry-run'] === true, asOf: asOf(values),
        configFor: (f) => loader.configFor(f), given,
      }, io);
    },
  },
};

/** Each path on its own: one that does not exist gets its line on stderr, and the others are still used. */
function collectEach(args: string[], io: CliIO): { files: string[]; missing: boolean } {
  if (args.length === 0) return { files: collectFiles([], io.cwd), missing: false };
  const files = new Set<string>();
  let missing = false;
  for (const arg of args) {
    try {
      for (const file of collectFiles([arg], io.cwd)) files.add(file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`okr: ${visible(error.message)}\n`);
      missing = true;
    }
  }
  return { files: [...files].sort(), missing };
}

/** Runs the CLI; returns the exit code. */
export function runCli(argv: string[], io: CliIO): number {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`okr: unknown command '${visible(name)}' (try: ${Object.keys(commands).join(', ')})\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const leadCount = command.leading?.count ?? 0;
    if (positionals.length < leadCount) throw new UsageError(`usage: ${command.leading!.usage}`);
    const leading = positionals.slice(0, leadCount);
    const paths = positionals.slice(leadCount);
    // Bad usage stops the whole run: `okr fix "$UNSET" plan.okr` must not go on without it.
    if (paths.some((p) => p.trim() === '')) throw new UsageError("an empty path was given (an unset variable?); name a file, folder or glob");
    const { files, missing } = collectEach(paths, io);
    if (missing && files.length === 0) return 2;
    const code = command.run(files, values as Values, io, paths, leading);
    return missing ? 2 : code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Bad usage (UsageError, parseArgs' ERR_PARSE_ARGS_*) and anything unexpected alike: one line, exit 2.
    io.stderr(`okr: ${visible(message.split('\n')[0])}\n`);
    return 2;
  }
}

if (require.main === module) {
  const io: CliIO = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
  process.exitCode = runCli(process.argv.slice(2), io);
}

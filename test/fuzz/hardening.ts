// Hardening properties. Terminal: whatever control characters a document holds, `okr check`
// and `okr report` text output shows them escaped (only the report's own colour codes reach the
// terminal raw), and JSON keeps every message exactly. Line breaks: in a file that mixes CRLF,
// LF and CR, `okr fix` keeps every line it does not touch byte for byte, break included.
import fc from 'fast-check';
import type { FileAnalysis } from '../../server/src/cli/analyze-files';
import { formatCheckJson, formatCheckText } from '../../server/src/cli/check';
import { alignmentReportText, reportText } from '../../server/src/cli/report-text';
import { workspaceOf } from '../../server/src/cli/analyze-files';
import { alignmentReport } from '../../server/src/engine/report/alignment';
import { buildAlignmentTree } from '../../server/src/engine/workspace/alignment-tree';
import { fixText } from '../../server/src/cli/fix';
import { analyzeText } from '../../server/src/engine/analyze';
import { keepLineBreaks } from '../../server/src/engine/fixes/line-breaks';
import { reportFile } from '../../server/src/engine/report/build';
import { fixableDocument, grammarDocument, mutated } from './generators';
import { AS_OF } from './invariants';
import { linesWithBreaks } from './text-edits';

const control = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069),
).map((code) => String.fromCharCode(code));
const sequence = fc.oneof(control, fc.constantFrom('\x1b]0;title\x07', '\x1b[2J', '\x1b]52;c;ZXZpbA==\x07', '\x9b31m', '\x1bP+q\x1b\\'));

/** A document with control characters and escape sequences put in at random places. */
export const hostileDocument = fc
  .tuple(mutated(grammarDocument(12), 2), fc.array(fc.tuple(fc.nat(), sequence), { minLength: 1, maxLength: 8 }))
  .map(([text, inserts]) => inserts.reduce((t, [at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)), text));

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const OWN_COLOURS = /\x1b\[\d+m/g; // eslint-disable-line no-control-regex

export function terminalProperty(text: string): void {
  const analysis = analyzeText(text, { asOf: AS_OF });
  const results: FileAnalysis[] = [{ file: '/w/plan\x1b[2J.okr', analysis }];
  const outputs = {
    check: formatCheckText(results, '/w'),
    report: reportText({ asOf: AS_OF, files: [reportFile('plan\x1b]0;x\x07.okr', analysis)] }, false),
    'report (colour)': reportText({ asOf: AS_OF, files: [reportFile('plan.okr', analysis)] }, true).replace(OWN_COLOURS, ''),
    'report --by alignment': alignmentReportText(alignmentReport(buildAlignmentTree(workspaceOf(results), { asOf: AS_OF }))),
  };
  for (const [name, output] of Object.entries(outputs)) {
    const raw = RAW.exec(output);
    if (raw) throw new Error(`${name} text output holds U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} raw: ${JSON.stringify(output)}`);
  }
  const json = JSON.parse(formatCheckJson(results, '/w')) as { files: { diagnostics: { message: string }[] }[] };
  const messages = json.files[0].diagnostics.map((d) => d.message);
  if (JSON.stringify(messages) !== JSON.stringify(analysis.diagnostics.map((d) => d.message))) throw new Error('JSON output changed a message');
}

/** A fixable document whose line breaks are each, at random, LF, CRLF or CR. */
export const mixedBreaksDocument = fc
  .tuple(fixableDocument, fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 60 }))
  .map(([text, breaks]) => text.split(/\r\n|\r|\n/).map((line, i, all) => line + (i < all.length - 1 ? breaks[i % breaks.length] : '')).join(''));

/** Lines other than KR lines, with their breaks, must come out of `okr fix` unchanged and in order. */
export function mixedBreaksProperty(text: string): void {
  const fixed = keepLineBreaks(text, fixText(text, AS_OF).text);
  const out = linesWithBreaks(fixed);
  let j = 0;
  for (const [i, line] of linesWithBreaks(text).entries()) {
    if (/^\s*kr(\s|$)/i.test(line)) continue;
    const last = !/[\r\n]$/.test(line);
    while (j < out.length && !(last ? out[j].replace(/\r\n|\r|\n$/, '') === line : out[j] === line)) j++;
    if (j === out.length) throw new Error(`okr fix changed line ${i} ${JSON.stringify(line)}:\n${JSON.stringify(fixed)}`);
    j++;
  }
}

/** Found by the 1,000,000-case campaign of seed 20261204: a KR split after a CR-ended line lost the empty line below it. */
export const LONE_CR_SPLIT_CASE = "# Finance team draft for Q3: several of these \"key results\" are really tasks.\n\nperiod 2026-Q3\n\rteam Finance\n\n\n\nobjective Close the books faster so leaders decide on fresh numbers\r\n  why Month-end close takes 12 working days; decisions wait on stale figures.\n\n  owner Priya\n\r  aligns cash-flow\n\n\n\n  kr Implement new inventory management software\r\n  kr Conduct a system training session for the accounting team\n\n  kr Automate our invoicing\n\r  kr Implement an automated reminder system to increase on-time payments by 15%\n\n  kr Reduce month-end close from 12 days to 5 days by 2026-09-30\n\n    baseline 12 days on 2026-06-30\r\n    target 5 days by 2026-09-30\n\n    checkin 2026-07-31 10 days on-track\n\r\n\nobjective Control a budget\n\n  kr Reduce invoice processing time by 30%\r\n  kr Implement a 25% increase in debt recovery\n\n";

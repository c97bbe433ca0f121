// Property: whatever control characters a document holds, `okr check` and `okr report` text
// output shows them escaped (only the report's own colour codes reach the terminal raw), and
// JSON output keeps every message exactly.
import fc from 'fast-check';
import type { FileAnalysis } from '../../server/src/cli/analyze-files';
import { formatCheckJson, formatCheckText } from '../../server/src/cli/check';
import { reportText } from '../../server/src/cli/report-text';
import { analyzeText } from '../../server/src/engine/analyze';
import { reportFile } from '../../server/src/engine/report/build';
import { grammarDocument, mutated } from './generators';
import { AS_OF } from './invariants';

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
  };
  for (const [name, output] of Object.entries(outputs)) {
    const raw = RAW.exec(output);
    if (raw) throw new Error(`${name} text output holds U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} raw: ${JSON.stringify(output)}`);
  }
  const json = JSON.parse(formatCheckJson(results, '/w')) as { files: { diagnostics: { message: string }[] }[] };
  const messages = json.files[0].diagnostics.map((d) => d.message);
  if (JSON.stringify(messages) !== JSON.stringify(analysis.diagnostics.map((d) => d.message))) throw new Error('JSON output changed a message');
}

// Engine-level hardening (issues 11 and 15): each test failed before its fix.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzeText } from '../../../server/src/engine/analyze';
import { parseConfig } from '../../../server/src/engine/config';
import { periodBounds } from '../../../server/src/engine/dates';
import { decodeOkrBytes, firstInvalidUtf8 } from '../../../server/src/engine/encoding';
import { keepLineBreaks } from '../../../server/src/engine/fixes/line-breaks';
import { escapeMarkdown } from '../../../server/src/engine/markdown';
import { reportMarkdown } from '../../../server/src/engine/report/markdown';
import { reportFile } from '../../../server/src/engine/report/build';
import { readRegularFile, readRegularFileSync } from '../../../server/src/node/read-file';

const kr = (sentence: string, ...lines: string[]) =>
  ['period 2026-Q2', 'objective Grow', '  why Growth pays.', `  kr ${sentence}`, ...lines.map((l) => `    ${l}`), ''].join('\n');
const syntax = (text: string) => analyzeText(text, { asOf: '2026-05-10' }).diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.message);

describe('engine hardening', () => {
  it('a check-in in another unit than the KR sentence\'s from/to values is the same unit error as with baseline lines (15.5)', () => {
    assert.deepEqual(syntax(kr('Grow customers from 10 customers to 20 customers by 2026-06-30', 'checkin 2026-05-01 15 days')), [
      "mixed units: the check-in of 2026-05-01 is in 'days' but the KR sentence is in 'customers'",
    ]);
    assert.deepEqual(syntax(kr('Grow revenue from $10k to $20k by 2026-06-30', 'checkin 2026-05-01 15%')), [
      'mixed units: the check-in of 2026-05-01 is in percent but the KR sentence is in dollars',
    ]);
    assert.deepEqual(syntax(kr('Grow customers from 10 customers to 20 customers by 2026-06-30', 'checkin 2026-05-01 15 customers')), []);
    // And the report does not show the check-in's value as where the KR stands.
    for (const sentence of ['Grow customers from 10 customers to 20 customers by 2026-06-30', 'Grow customers to 20 customers by 2026-06-30']) {
      const analysis = analyzeText(kr(sentence, 'checkin 2026-05-01 15 days'), { asOf: '2026-05-10' });
      assert.notEqual(analysis.progress.objectives[0].keyResults[0].current?.raw, '15 days', sentence);
    }
  });

  it('periods of years below 1000 have four-digit bounds (15.11)', () => {
    assert.deepEqual(periodBounds('0999-Q2'), { start: '0999-04-01', end: '0999-06-30' });
    assert.deepEqual(periodBounds('0042'), { start: '0042-01-01', end: '0042-12-31' });
  });

  it('a tiny target is not rounded into its baseline (15.11)', () => {
    const rules = analyzeText(kr('Raise the rate from 0 to 0.0000000001 by 2026-06-30', 'baseline 0 on 2026-03-31', 'target 0.0000000001 by 2026-06-30'), { asOf: '2026-05-10' })
      .diagnostics.map((d) => d.rule);
    assert.ok(!rules.includes('kr-baseline-equals-target'), rules.join());
  });

  it('web addresses in hovers and reports read as written and link to themselves (15.11)', () => {
    const address = 'https://wiki.example.com/OKR_Q2?team=ops&view=full#key_results';
    const html = new MarkdownIt({ linkify: true }).render(escapeMarkdown(`See ${address} now`));
    assert.equal(html, `<p>See <a href="${address.replace('&', '&amp;')}">${address.replace('&', '&amp;')}</a> now</p>\n`);
    const report = reportMarkdown({ asOf: '2026-05-10', files: [reportFile('a.okr', analyzeText(`objective Ship ${address}\n`, { asOf: '2026-05-10' }))] });
    assert.ok(report.includes(address), report);
  });

  it('a .okrrc.json nested deeper than 64 levels is one error, not a stack overflow (15.10)', () => {
    const result = parseConfig(`{"rules": {"kr-task": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    assert.deepEqual(result.diagnostics.map((d) => [d.message, d.range.start.character]), [
      ['the config nests deeper than 64 levels; it is not read (the defaults apply)', 22 + 62], // the bracket that opens level 65
    ]);
    // Brackets in strings and comments do not count.
    assert.deepEqual(parseConfig(`{"rules": {"kr-task": "error"}, "$schema": "${'['.repeat(100)}" /* ${'{'.repeat(100)} */}`).diagnostics, []);
  });

  it('UTF-8 validation finds the first bad byte: overlong, surrogate, truncated, stray continuation (11.2)', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('café €𝄞', 'utf8')), -1);
    for (const [bytes, at] of [[[0x61, 0xc0, 0xaf], 1], [[0xed, 0xa0, 0x80], 0], [[0x61, 0x62, 0xe2, 0x82], 2], [[0x80], 0], [[0xf4, 0x90, 0x80, 0x80], 0]] as const) {
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), at, JSON.stringify(bytes));
    }
    const decoded = decodeOkrBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nbé\n'), Buffer.from([0xe9])]));
    assert.ok(!decoded.ok && decoded.diagnostic);
    assert.deepEqual(decoded.diagnostic.range.start, { line: 2, character: 0 });
  });

  it('keepLineBreaks: untouched lines keep their own break, inserted lines take the one before (11.3)', () => {
    assert.equal(keepLineBreaks('a\r\nb\nc\rd', 'a\nb\nX\nc\nd'), 'a\r\nb\nX\nc\rd');
    assert.equal(keepLineBreaks('a\r\nb', 'a\nb\nnew'), 'a\r\nb\r\nnew');
  });

  it('keepLineBreaks never puts a lone CR before an empty LF line: they would read as one CRLF and the empty line would be lost (11.3)', () => {
    // The 1,000,000-case campaign of seed 20261204: a KR split into a KR and a task after a CR-ended line.
    assert.equal(keepLineBreaks('x\r\rkr A to B\n\nz', 'x\r\rkr B\n  task A\n\nz'), 'x\r\rkr B\r  task A\r\n\nz');
    // An inserted empty line after a CR line takes the CR.
    assert.equal(keepLineBreaks('a\rb\n', 'a\n\nb\n'), 'a\r\rb\n');
  });

  it('files are read with a size cap, sync and async alike (15.3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-cap-'));
    try {
      const file = join(dir, 'big.okr');
      writeFileSync(file, 'x'.repeat(200_000));
      for (const read of [readRegularFileSync(file, 100_000), await readRegularFile(file, 100_000)]) {
        assert.deepEqual(read, { ok: false, reason: 'is too large to read (195.3 KB; okr reads files up to 97.7 KB)', tooLarge: true });
      }
      for (const read of [readRegularFileSync(file, 200_000), await readRegularFile(file, 200_000)]) assert.equal(read.ok && read.bytes.length, 200_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

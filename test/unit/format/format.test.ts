// The canonical formatter, through text: messy input → canonical output, and the
// promises around it (lossless, idempotent, line breaks kept, unknown lines untouched).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, formatEdits, formatText } from '../../../server/src/engine/format';

const lines = (...l: string[]) => l.join('\n');

describe('format: canonical form', () => {
  it('indents objective → kr → its lines by two spaces and lower-cases keywords', () => {
    const messy = lines(
      'Period   2026-Q2',
      '    team Accounts Receivable',
      '',
      '      OBJECTIVE Strategically reduce dollars  stuck in AR',
      'why Invoices past 90 days are harder to collect',
      '\towner Mary',
      'task Agree the policy',
      'kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30',
      'baseline   $24M    on 2026-03-31',
      '  target $12M by 2026-08-30   ',
      'checkin 2026-04-15  $22.1M   on-track "Two  key   accounts paid"',
      '        task [X]   Weekly report',
      'task Call the biggest accounts',
      '',
    );
    assert.equal(
      formatText(messy),
      lines(
        'period 2026-Q2',
        'team Accounts Receivable',
        '',
        'objective Strategically reduce dollars  stuck in AR',
        '  why Invoices past 90 days are harder to collect',
        '  owner Mary',
        '  task Agree the policy',
        '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30',
        '    baseline $24M on 2026-03-31',
        '    target $12M by 2026-08-30',
        '    checkin 2026-04-15 $22.1M on-track "Two  key   accounts paid"',
        '    task [x] Weekly report',
        '    task Call the biggest accounts',
        '',
      ),
    );
  });

  it('puts a comment with the statement below it, or with the one above before a blank line', () => {
    const text = lines(
      '   # header',
      '',
      'objective O',
      '# about the kr',
      'kr Grow from 1 to 2',
      'checkin 2026-04-01 1',
      '        # trailing note   ',
      '',
      '# about the next objective',
      '  objective P',
    );
    assert.equal(
      formatText(text),
      lines(
        '# header',
        '',
        'objective O',
        '  # about the kr',
        '  kr Grow from 1 to 2',
        '    checkin 2026-04-01 1',
        '    # trailing note',
        '',
        '# about the next objective',
        'objective P',
      ),
    );
  });

  it('keeps at most one blank line in a row and none at the start or the end', () => {
    assert.equal(formatText('\n\nobjective O\n\n\n\n  kr K\n   \n\n'), 'objective O\n\n  kr K\n');
    assert.equal(formatText('objective O\n  kr K'), 'objective O\n  kr K');
  });

  it('keeps each line break as it was: CRLF, LF and CR', () => {
    const text = 'objective O\r\nkr K\nbaseline 1\rtarget 2\r\n';
    assert.equal(formatText(text), 'objective O\r\n  kr K\n    baseline 1\r    target 2\r\n');
  });

  it('keeps a byte order mark', () => {
    assert.equal(formatText('\ufeff  objective O\r\nkr K\r\n'), '\ufeffobjective O\r\n  kr K\r\n');
  });

  it('leaves lines it does not understand exactly as they are', () => {
    const text = lines('objective O', '      krr   typo   here  ', '  kr-ish text', '12 apples');
    assert.equal(formatText(text), lines('objective O', '      krr   typo   here  ', '  kr-ish text', '12 apples'));
  });

  it('keeps the spacing inside a quoted note, an escaped quote and an unterminated one', () => {
    const text = lines('objective O', 'kr K', 'checkin   2026-04-01  3   "a \\"  b\\"  c"   ', 'checkin 2026-04-02 4 "open   note');
    assert.equal(
      formatText(text),
      lines('objective O', '  kr K', '    checkin 2026-04-01 3 "a \\"  b\\"  c"', '    checkin 2026-04-02 4 "open   note'),
    );
  });

  it('writes a bare keyword without a trailing space', () => {
    assert.equal(formatText('objective   \nkr\t\n'), 'objective\n  kr\n');
  });

  it('places tasks under the kr when one came before, else under the objective', () => {
    assert.equal(formatText('task Orphan\nobjective O\ntask Early\nkr K\ntask Late\n'), 'task Orphan\nobjective O\n  task Early\n  kr K\n    task Late\n');
  });
});

describe('format: edits', () => {
  it('changes only what differs, so markers and the cursor stay put', () => {
    const edits = formatEdits('objective O\nkr Grow from 1 to 2\n');
    assert.deepEqual(edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  ' }]);
  });

  it('returns no edit for a canonical document', () => {
    assert.deepEqual(formatEdits('objective O\n  kr K\n    baseline 1\n'), []);
    assert.deepEqual(formatEdits(''), []);
  });

  it('touches only the lines of a range', () => {
    const text = 'objective O\nkr A\nbaseline 1\nkr B\nbaseline 2\n';
    const edits = formatEdits(text, {}, { start: { line: 3, character: 0 }, end: { line: 4, character: 3 } });
    assert.equal(applyEdits(text, edits), 'objective O\nkr A\nbaseline 1\n  kr B\n    baseline 2\n');
  });
});

/** Words as the formatter may change them: keywords and checkboxes lower-cased. */
function words(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.split(/[ \t\f\v\u00a0\ufeff]+/).filter(Boolean))
    .map((w) => (/^[A-Za-z]+$|^\[[xX]\]$/.test(w) && w.length <= 9 ? w.toLowerCase() : w));
}

const samples = join(__dirname, '..', '..', '..', 'samples');
const grammarFixtures = join(__dirname, '..', '..', 'grammar', 'fixtures');

describe('format: lossless and idempotent', () => {
  const files = [samples, grammarFixtures]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.okr')).map((f) => join(dir, f)));
  for (const file of files) {
    it(`keeps every word and is stable on ${file.split('/').slice(-2).join('/')}`, () => {
      const text = readFileSync(file, 'utf8');
      const once = formatText(text);
      assert.deepEqual(words(once), words(text));
      assert.equal(formatText(once), once);
    });
  }

  it('holds for generated documents with mixed breaks, tabs, unicode and stray lines', () => {
    const piece = fc.constantFrom(
      'objective Grow', 'kr Reduce AR>60 days by 50% by 2026-08-30', '  baseline $24M on 2026-03-31', 'TARGET <=  5%',
      'checkin 2026-04-01 3 at-risk "a  note"', 'task [X] done thing', 'task', '# comment  ', '   ', '', 'why 😀 right-to-left עברית',
      'krr typo', '\t\tweight 2', 'period 2026-Q2', 'checkin "unterminated   ', 'owner\u00a0Mary', '\u0000 nul', 'kr \ud800 lone',
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const doc = fc.array(fc.tuple(piece, eol), { maxLength: 30 }).map((parts) => parts.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(doc, fc.boolean(), (text, bom) => {
        const source = (bom ? '\ufeff' : '') + text;
        const once = formatText(source);
        assert.deepEqual(words(once), words(source));
        assert.equal(formatText(once), once);
      }),
      { numRuns: 500, seed: 4242 },
    );
  });
});

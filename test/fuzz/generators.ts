// Documents for property tests: generated from the .okr grammar, then mutated the way
// half-typed text, bad copy-paste and odd editors mutate them.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const KEYWORDS = ['period', 'team', 'objective', 'why', 'owner', 'kr', 'task', 'baseline', 'target', 'weight', 'checkin'];

// ----- the grammar -----

const indent = fc.constantFrom('', '', '  ', '    ', '\t', ' \t ', '      ');
const word = fc.constantFrom(
  'Reduce', 'Increase', 'grow', 'revenue', 'churn', 'customers', 'days', 'invoices', 'from', 'to', 'by', 'the', 'of',
  'NPS', 'latency', 'Keep', 'below', 'all', 'quarter', 'Ship', 'new', 'onboarding', 'Write', 'report', 'weekly',
  'Zürich', 'Ñandú', 'データ', 'مرحبا', 'שלום', '🚀', '✅', '—', 'done', 'on-track', 'at-risk',
);
const year = fc.integer({ min: 1999, max: 2031 });
/** Mostly valid ISO dates, sometimes impossible ones (2026-02-30, 2026-13-01). */
const date = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })) },
  { weight: 1, arbitrary: fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })) },
).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }).map((n) => n.toFixed(2)),
  fc.constantFrom('1,200', '24', '0', '0.98', '12,000,000', '-3', '+5', '99999999999999999999', '1e5', '.5', '9'.repeat(400), '0.000000001'),
);
const value = fc
  .tuple(
    fc.constantFrom('', '', '$', '€', '£', '¥'),
    number,
    fc.constantFrom('', '', 'k', 'M', 'B'),
    fc.constantFrom('', '', '%'),
    fc.constantFrom('', '', ' days', ' customers', ' hours', ' teams', ' percent', ' dollars', ' to', ' by'),
  )
  .map((parts) => parts.join(''));
const status = fc.constantFrom('', ' on-track', ' at-risk', ' off-track', ' ON-TRACK', ' late');
const note = fc.constantFrom('', ' "Two key accounts paid"', ' "unterminated', ' "with \\" quote"', ' ""', ' "emoji 🎉 note"');
const words = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(' '));
const sentence = fc.oneof(
  words,
  fc.tuple(words, value, value, date).map(([w, a, b, d]) => `${w} from ${a} to ${b} by ${d}`),
  fc.tuple(words, value).map(([w, a]) => `${w} by ${a}`),
  fc.tuple(words, value, date).map(([w, a, d]) => `${w} to ${a} until ${d}`),
);

const statement: fc.Arbitrary<string> = fc.oneof(
  fc.oneof(
    fc.tuple(year, fc.constantFrom('Q1', 'Q2', 'Q4', 'H1', 'H2', 'Q9')).map(([y, q]) => `period ${y}-${q}`),
    year.map((y) => `period ${y}`),
    fc.tuple(date, date).map(([a, b]) => `period ${a} to ${b}`),
  ),
  words.map((w) => `team ${w}`),
  sentence.map((s) => `objective ${s}`),
  words.map((w) => `why ${w}`),
  words.map((w) => `owner ${w}`),
  sentence.map((s) => `kr ${s}`),
  fc.tuple(fc.constantFrom('', '[x] ', '[ ] ', '[X] ', '[y] ', '[x]'), words).map(([box, w]) => `task ${box}${w}`),
  fc.tuple(value, fc.option(date)).map(([v, d]) => `baseline ${v}${d ? ` on ${d}` : ''}`),
  fc.tuple(fc.constantFrom('', '<= ', '>= ', '< ', '> ', '≤ ', '=> '), value, fc.option(date)).map(
    ([c, v, d]) => `target ${c}${v}${d ? ` by ${d}` : ''}`,
  ),
  fc.option(date).map((d) => `target done${d ? ` by ${d}` : ''}`),
  number.map((n) => `weight ${n}`),
  fc.tuple(date, fc.oneof(value, fc.constant('done')), status, note).map(([d, v, s, n]) => `checkin ${d} ${v}${s}${n}`),
  words.map((w) => `# ${w}`),
  fc.constant(''),
  fc.constantFrom('krr Increase revenue', 'objectiv Grow', 'checkin', 'baseline', 'target', 'period', 'kr', 'task [x]'),
);

/** A document written in the language, with the usual objective → kr → details shape most of the time. */
export function grammarDocument(maxLines = 40): fc.Arbitrary<string> {
  const block = fc.tuple(
    sentence,
    fc.array(fc.tuple(sentence, fc.array(fc.tuple(indent, statement), { maxLength: 6 })), { maxLength: 4 }),
  ).map(([title, krs]) => {
    const lines = [`objective ${title}`];
    for (const [kr, details] of krs) {
      lines.push(`  kr ${kr}`);
      for (const [pad, s] of details) lines.push(`${pad}${s}`);
    }
    return lines;
  });
  const free = fc.array(fc.tuple(indent, statement).map(([pad, s]) => pad + s), { maxLength: maxLines });
  return fc
    .oneof({ weight: 3, arbitrary: fc.array(block, { maxLength: Math.max(1, Math.floor(maxLines / 10)) }).map((b) => b.flat()) }, { weight: 2, arbitrary: free })
    .map((lines) => lines.slice(0, maxLines).join('\n') + '\n');
}

// ----- mutations -----

/** Characters that break naive code: NUL, lone surrogates, RTL marks, emoji, BOM, odd line breaks. */
const nasty = fc.oneof(
  fc.constantFrom(
    '\u0000', '\ud800', '\udfff', '\u202e', '\u200f', '\u2028', '\u2029', '\ufeff', '\u00a0', '\t', '\r', '\n', '\r\n',
    '\v', '\f', '😀', '👩‍👩‍👧', '🇫🇷', 'ﷺ', 'ש', '\u0301', '"', '#', '[x]', '$', '%', '-', ',', '.', '<=', '\\', '`',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(...KEYWORDS).map((k) => `${k} `),
);

/** A run of keywords with nothing after them: `kr kr kr`, or one bare keyword per line. */
const keywordRun = fc
  .tuple(fc.array(fc.constantFrom(...KEYWORDS), { minLength: 1, maxLength: 200 }), fc.constantFrom(' ', '\n', '\r\n', '\t'))
  .map(([ks, sep]) => ks.join(sep));

type Mutation = (text: string) => string;

const at = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function linesOf(text: string): string[] {
  return text.split('\n');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fraction, nasty).map(([f, s]) => (t: string) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 40 })).map(([f, n]) => (t: string) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  fc.tuple(fraction, fraction).map(([a, b]) => (t: string) => {
    const lines = linesOf(t);
    const i = Math.floor(a * lines.length);
    const j = Math.floor(b * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  fc.tuple(fraction, fc.nat(3)).map(([f, copies]) => (t: string) => {
    const lines = linesOf(t);
    const i = Math.floor(f * lines.length);
    lines.splice(i, 0, ...Array<string>(copies + 1).fill(lines[i]));
    return lines.join('\n');
  }),
  fraction.map((f) => (t: string) => {
    const lines = linesOf(t);
    lines.splice(Math.floor(f * lines.length), 1);
    return lines.join('\n');
  }),
  fc.tuple(fraction, keywordRun).map(([f, run]) => (t: string) => {
    const lines = linesOf(t);
    lines.splice(Math.floor(f * lines.length), 0, run);
    return lines.join('\n');
  }),
  fc.constantFrom<Mutation>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/\n/g, '\r'),
    (t) => t.replace(/\n/g, (_m, offset: number) => ['\n', '\r\n', '\r'][offset % 3]),
    (t) => '\ufeff' + t,
    (t) => t.replace(/ /g, '\t'),
    (t) => t.replace(/\n$/, ''),
    (t) => t.toUpperCase(),
    (t) => t.replace(/\d/g, '٣'),
  ),
);

/** Up to `count` mutations applied in turn. */
export function mutated(base: fc.Arbitrary<string>, count = 4): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { maxLength: count })).map(([text, ms]) => ms.reduce((t, m) => m(t), text));
}

/** A line of 100,000 characters of one of several kinds, placed into a small document. */
export const longLineDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('kr ', 'objective ', 'checkin 2026-04-01 ', 'baseline ', 'task ', '# ', '', 'target ', 'period '),
    fc.constantFrom('a', '1', '1,', '9 ', 'a-', ' ', '$', '"', 'by ', 'to 5 ', 'from 1 to ', '2026-01-01 ', '😀', '\t', 'x-1 '),
    fc.constantFrom('', '5', ' 5', '-5', ' by 2026-01-01', '"'),
    grammarDocument(6),
  )
  .map(([lead, unit, tail, doc]) => `${doc}${lead}${unit.repeat(Math.ceil(100_000 / unit.length))}${tail}\n${doc}`);

/** The real-looking files in samples/, to mutate: the shapes people actually write. */
const SAMPLES_DIR = path.join(__dirname, '../../samples');
const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.okr')).map((f) => readFileSync(path.join(SAMPLES_DIR, f), 'utf8'));

/** Everything together: the mix the main property runs on. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mutated(grammarDocument()) },
  { weight: 2, arbitrary: mutated(fc.constantFrom(...samples), 6) },
  { weight: 2, arbitrary: grammarDocument() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: mutated(keywordRun, 2) },
);

/** A document of up to 1,000 lines: generated blocks repeated, then mutated. */
export const bigDocument: fc.Arbitrary<string> = fc
  .tuple(grammarDocument(60), fc.integer({ min: 200, max: 1000 }))
  .chain(([doc, lines]) => {
    const unit = doc.split('\n');
    const out: string[] = [];
    for (let i = 0; out.length < lines && unit.length > 1; i++) out.push(unit[i % unit.length]);
    return mutated(fc.constant(out.join('\n')), 6);
  })
  .map((text) => text.split('\n').slice(0, 1000).join('\n'));

/** Documents for the fix properties: generated ones, and the samples (full of coaching findings) lightly mutated. */
export const fixableDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mutated(grammarDocument(30), 2) },
  { weight: 1, arbitrary: mutated(fc.constantFrom(...samples), 3) },
);

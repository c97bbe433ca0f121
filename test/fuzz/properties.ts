// The fuzz properties, shared by the test run (a fixed-seed slice) and `npm run fuzz` (long campaigns).
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { fixText } from '../../server/src/cli/fix';
import { analyzeText } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/engine/fixes';
import { formatText } from '../../server/src/engine/format';
import { SIZE_LIMIT_RULE, utf8Length } from '../../server/src/engine/limits';
import { escapeMarkdown } from '../../server/src/engine/markdown';
import type { Diagnostic, OkrDocument } from '../../server/src/engine/model/types';
import { parseDocument, splitLines } from '../../server/src/engine/parser';
import { effectiveEntry, ruleById } from '../../server/src/engine/rules';
import type { Fix, RuleContext } from '../../server/src/engine/rules/types';
import { anyDocument, bigDocument, fixableDocument, grammarDocument, longLineDocument, mutated } from './generators';
import { AS_OF, assertRangeInside, checkInvariants, checkTime } from './invariants';
import { cliServerProperty } from './cli-server';
import { documentSyncProperty, editedDocument } from './document-sync';
import { assertUntouchedLinesKept } from './text-edits';
import { hostileDocument, LONE_CR_SPLIT_CASE, mixedBreaksDocument, mixedBreaksProperty, terminalProperty } from './hardening';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each property has its own case type
export type AnyProperty = fc.IRawProperty<any>;

export interface FuzzProperty {
  name: string;
  description: string;
  /** Cases in the normal test run's fixed-seed slice; a campaign of N runs scales these to N in total. */
  slice: number;
  /** Cases always run first (regressions found earlier), each a tuple of the property's arguments. */
  examples?: () => unknown[][];
  /** Why the property cannot run here, if it cannot. */
  skipReason?: () => string | undefined;
  /** Builds the property; `dispose` releases what it holds (a server process). */
  create(): Promise<{ property: AnyProperty; dispose?: () => Promise<void> }>;
}

const sync = (p: AnyProperty) => Promise.resolve({ property: p });

// ----- fixes -----

function lineSpan(doc: OkrDocument, line: number): [number, number] {
  for (const o of doc.objectives) {
    if (line >= o.blockRange.start.line && line <= o.blockRange.end.line) return [o.blockRange.start.line, o.blockRange.end.line];
  }
  return [line, line];
}

/** Answers a fix's questions with its own prefilled value, first choice or example, when they fit the pattern. */
function placeholderAnswers(fix: Fix): Record<string, string> | undefined {
  const answers: Record<string, string> = {};
  for (const input of fix.needsInput ?? []) {
    if (input.askIf && !new RegExp(input.askIf.pattern).test(answers[input.askIf.name] ?? '')) continue;
    const answer = input.value ?? input.choices?.[0]?.value ?? input.placeholder?.replace(/^like /, '') ?? '';
    if (input.pattern && !new RegExp(input.pattern).test(answer)) return undefined;
    answers[input.name] = answer;
  }
  return answers;
}

function syntaxMessages(doc: OkrDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of doc.errors) counts.set(e.message, (counts.get(e.message) ?? 0) + 1);
  return counts;
}

/**
 * `answered`: the fix ran with answers (its own placeholders). Then a unit that disagrees with the
 * KR's check-ins is the answer's doing, so 'mixed units' errors are allowed; every other error is not.
 */
function checkFix(text: string, diagnostic: Diagnostic, fix: Fix, doc: OkrDocument, answered = false): void {
  const lines = splitLines(text);
  const [from, to] = lineSpan(doc, diagnostic.range.start.line);
  for (const edit of fix.edits) {
    assertRangeInside(edit.range, lines, `fix '${fix.title}' for [${diagnostic.rule}]`);
    if (edit.range.start.line < from || edit.range.end.line > to) {
      throw new Error(`fix '${fix.title}' for [${diagnostic.rule}] on line ${diagnostic.range.start.line} edits lines ${edit.range.start.line}-${edit.range.end.line}, outside its objective (${from}-${to})`);
    }
  }
  const { text: after, skipped } = applyEdits(text, fix.edits);
  if (skipped.length) throw new Error(`fix '${fix.title}' for [${diagnostic.rule}] has overlapping edits`);
  assertUntouchedLinesKept(text, after, fix.edits);
  const before = syntaxMessages(doc);
  for (const [message, count] of syntaxMessages(parseDocument(after))) {
    if (answered && message.startsWith('mixed units')) continue;
    if (count > (before.get(message) ?? 0)) {
      throw new Error(`fix '${fix.title}' for [${diagnostic.rule}] introduced the syntax error ${JSON.stringify(message)}:\n${after}`);
    }
  }
}

export function fixesProperty(text: string): void {
  const analysis = analyzeText(text, { asOf: AS_OF });
  const lines = splitLines(text);
  for (const diagnostic of analysis.diagnostics) {
    const rule = ruleById(diagnostic.rule);
    if (!rule?.fixes) continue;
    // Called directly, not through fixesFor, which would hide a fix that throws behind an empty list.
    const ctx: RuleContext = {
      text, lines, doc: analysis.doc, progress: analysis.progress, asOf: AS_OF,
      options: effectiveEntry(rule, analysis.config).options, thresholds: analysis.config.thresholds,
    };
    for (const fix of rule.fixes(ctx, diagnostic)) {
      if (fix.needsInput?.length) {
        const answers = placeholderAnswers(fix);
        if (!answers) continue;
        for (const answered of rule.fixes(ctx, diagnostic, answers).filter((f) => f.title === fix.title && !f.needsInput?.length)) {
          checkFix(text, diagnostic, answered, analysis.doc, true);
        }
      } else checkFix(text, diagnostic, fix, analysis.doc);
    }
  }
}

/**
 * `okr fix`: every fix that needs no answer, applied in passes until none is left. Fixes only
 * rewrite `kr` lines and insert new lines, so every other line must still be there, unchanged
 * and in order (the edits of later passes refer to the text of earlier ones, so lines are
 * compared, not edit ranges).
 */
function fixAllProperty(text: string): void {
  const outcome = fixText(text, AS_OF);
  const out = splitLines(outcome.text);
  let j = 0;
  for (const [i, line] of splitLines(text).entries()) {
    if (/^\s*kr(\s|$)/i.test(line)) continue;
    while (j < out.length && out[j] !== line) j++;
    if (j === out.length) throw new Error(`okr fix lost or changed line ${i} ${JSON.stringify(line)}:\n${outcome.text}`);
    j++;
  }
  const before = syntaxMessages(parseDocument(text));
  for (const [message, count] of syntaxMessages(parseDocument(outcome.text))) {
    if (count > (before.get(message) ?? 0)) throw new Error(`okr fix introduced the syntax error ${JSON.stringify(message)}:\n${outcome.text}`);
  }
}

// ----- formatting -----

/** Words the formatter may write in lower case: keywords, checkboxes, statuses. */
const CASE_FREE = new Set([
  'period', 'team', 'objective', 'why', 'owner', 'kr', 'task', 'baseline', 'target', 'weight', 'checkin', 'id', 'aligns',
  '[x]', 'on', 'by', 'to', 'done', 'on-track', 'at-risk', 'off-track',
]);

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map((w) => (CASE_FREE.has(w.toLowerCase()) ? w.toLowerCase() : w));
}

function comments(text: string): string[] {
  const lines = splitLines(text);
  return parseDocument(text).comments.map((r) => lines[r.start.line].slice(r.start.character, r.end.character).trimEnd());
}

export function formatProperty(text: string): void {
  const once = formatText(text);
  const twice = formatText(once);
  if (twice !== once) throw new Error(`formatting is not idempotent:\nonce:  ${JSON.stringify(once)}\ntwice: ${JSON.stringify(twice)}`);
  const [before, after] = [words(text), words(once)];
  if (before.join(' ') !== after.join(' ')) {
    throw new Error(`formatting changed the words:\nbefore: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(after)}`);
  }
  const [commentsBefore, commentsAfter] = [comments(text), comments(once)];
  if (commentsBefore.join('\n') !== commentsAfter.join('\n')) {
    throw new Error(`formatting changed the comments:\nbefore: ${JSON.stringify(commentsBefore)}\nafter:  ${JSON.stringify(commentsAfter)}`);
  }
}

/** Arabic-Indic digits look like numbers to people but not to the grammar: every value line is an error. */
export function errorOnEveryLine(lines: number): string {
  const block = ['objective Grow', '  kr Reduce churn from ٩% to ٥% by ٢٠٢٦-٠٦-٣٠', '    baseline ٩% on ٢٠٢٦-٠٤-٠١', '    target ٥% by ٢٠٢٦-٠٦-٣٠', '    checkin ٢٠٢٦-٠٥-٠١ ٨% at-risk'];
  return Array.from({ length: lines }, (_, i) => block[i % block.length].replace('churn', `churn ${i}`)).join('\n') + '\n';
}

// ----- size limit -----

const sizedDocument = fc.tuple(mutated(grammarDocument(30), 2), fc.integer({ min: 0, max: 1500 }));

function sizeLimitProperty([text, limit]: [string, number]): void {
  const analysis = analyzeText(text, { asOf: AS_OF, maxDocumentSize: limit });
  const declined = analysis.diagnostics.some((d) => d.rule === SIZE_LIMIT_RULE);
  const tooLarge = utf8Length(text) > limit;
  if (declined !== tooLarge) throw new Error(`${utf8Length(text)} bytes with limit ${limit}: declined=${declined}`);
  if (declined) {
    if (analysis.diagnostics.length !== 1) throw new Error(`a declined document has ${analysis.diagnostics.length} diagnostics, not one`);
    assertRangeInside(analysis.diagnostics[0].range, splitLines(text), 'size diagnostic');
    if (analysis.diagnostics[0].range.start.line !== 0) throw new Error('the size diagnostic is not on the first line');
  }
}

// ----- Markdown escaping -----

const markdown = new MarkdownIt({ html: true, linkify: false });
const markdownPiece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 5 }),
  fc.constantFrom(
    '[', ']', '(', ')', '<', '>', '!', '*', '_', '`', '#', '-', '+', '=', '|', '~', '&', '\\', '1.', '1)', '    ', '\t', '\n', '\r\n',
    'command:x', '](command:x)', '<img src=x onerror=alert(1)>', '&#91;', '&amp;', ':', '"', '$', '{', '}', '---', '***', '\0',
  ),
);
const markdownText = fc.array(markdownPiece, { maxLength: 12 }).map((parts) => parts.join(''));

function markdownProperty(text: string): void {
  const html = markdown.render(escapeMarkdown(text));
  const normal = (s: string) => s.replace(/\0/g, '\ufffd').replace(/\s+/g, ' ').trim();
  if (html === '' && normal(text) === '') return;
  const inner = /^<p>([^<]*)<\/p>\n$/.exec(html)?.[1];
  if (inner === undefined) throw new Error(`escaped text rendered as more than one plain paragraph: ${JSON.stringify(html)}`);
  const seen = inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  if (normal(seen) !== normal(text)) throw new Error(`the reader would see ${JSON.stringify(seen)}, not ${JSON.stringify(text)}`);
}

export const PROPERTIES: FuzzProperty[] = [
  {
    name: 'engine',
    description: 'parsing and checking never throw; every diagnostic and model range lies inside the document',
    slice: 8_000,
    create: () => sync(fc.property(anyDocument, checkInvariants)),
  },
  {
    name: 'long-lines',
    description: 'lines of 100,000 characters: no throw, ranges inside, no runaway regular expression',
    slice: 20,
    // A KR sentence of 33,000 numbers or comparators: the reader once looked back over the whole
    // sentence for each number (minutes per line; the 1,000,000-case campaign of 2026-12-02 found it).
    examples: () => [
      [`period 2026-Q2\nobjective Grow\n  kr ${'9 '.repeat(50_000)}\n`],
      [`period 2026-Q2\nobjective Grow\n  kr ${'>5 <3 '.repeat(16_000)}\n`],
    ],
    create: () => sync(fc.property(longLineDocument, checkInvariants)),
  },
  {
    name: 'time-1000-lines',
    description: 'checking a document of up to 1,000 lines stays within 100 ms (best of 3, ×3 margin)',
    slice: 30,
    // A syntax error on every line: Chevrotain's recovery once made this 5-10× slower than clean text.
    examples: () => [[errorOnEveryLine(1000)]],
    create: () =>
      sync(fc.property(bigDocument, (text) => {
        checkInvariants(text);
        if (splitLines(text).length <= 1000) checkTime(text);
      })),
  },
  {
    name: 'size-limit',
    description: 'a document over the limit is declined with exactly one diagnostic on line 1, and only then',
    slice: 3_000,
    create: () => sync(fc.property(sizedDocument, sizeLimitProperty)),
  },
  {
    name: 'fixes',
    description: 'every offered fix keeps untouched lines byte-identical, stays in its objective, adds no syntax error',
    slice: 2_500,
    create: () => sync(fc.property(fixableDocument, fixesProperty)),
  },
  {
    name: 'fix-all',
    description: 'okr fix (every fix, in passes) keeps every line but KR lines, in order, and adds no syntax error',
    slice: 600,
    create: () => sync(fc.property(fixableDocument, fixAllProperty)),
  },
  {
    name: 'format',
    description: 'formatting is idempotent and keeps every word and every comment',
    slice: 1_500,
    create: () => sync(fc.property(anyDocument, formatProperty)),
  },
  {
    name: 'markdown',
    description: 'escaped text renders as one plain paragraph showing exactly the text (no link, HTML or formatting)',
    slice: 3_000,
    create: () => sync(fc.property(markdownText, markdownProperty)),
  },
  {
    name: 'terminal',
    description: 'control characters and bidi overrides in a document reach check/report text output (by file and by alignment) escaped, JSON exact',
    slice: 1_000,
    create: () => sync(fc.property(hostileDocument, terminalProperty)),
  },
  {
    name: 'fix-line-breaks',
    description: 'okr fix on a file mixing CRLF, LF and CR keeps every line but KR lines byte for byte, break included',
    slice: 400,
    examples: () => [[LONE_CR_SPLIT_CASE]],
    create: () => sync(fc.property(mixedBreaksDocument, mixedBreaksProperty)),
  },
  {
    name: 'document-sync',
    description: 'the server\'s open documents read exactly as the protocol library\'s after any edits, CR, LF and CRLF mixed',
    slice: 3_000,
    create: () => sync(fc.property(editedDocument, documentSyncProperty)),
  },
  cliServerProperty,
];

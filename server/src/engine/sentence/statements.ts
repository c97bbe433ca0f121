// KR sentences that do not lead with a verb of doing, read by their grammar: a finished
// deliverable ("The runbook is published", "We have shipped 3 …"), a capability ("Admins can …"),
// coverage of the team's own deliverables ("100% of services have an owner listed"), a count of
// its own outputs ("12 streams") and a noun headline ("Data warehouse v1"). What other people or
// systems do or reach (people-state) is an outcome and stays out of all of these.
import {
  AUXILIARIES, COMPARATIVES, DONE_WORDS, EVALUATIVE_WORDS, METRIC_NOUNS, MODALS, isIrregularPast, OUTPUT_NOUNS, PEOPLE_NOUNS, RESULT_NOUNS, verbClass,
} from './lexicon';
import { DETERMINERS, PHRASE_END, spanOf, type Span } from './phrases';
import { superlative } from './judgement';
import { isMeasure, type QuantityMention } from './quantities';
import type { PartOfSpeech } from './pos';
import type { Token } from './tokens';

export type TaskPattern = 'deliverable-state' | 'capability' | 'coverage' | 'output-count' | 'headline' | 'own-output-change' | 'milestone';

export interface PatternFinding {
  pattern: TaskPattern;
  /** For the message, after "it": "states a finished deliverable ('is published') and measures no result". */
  reason: string;
  span: Span;
}

/** Verbs that do not do work on a deliverable; a sentence led by one is not a noun headline. */
const OTHER_VERBS = new Set(['become', 'be', 'have', 'know', 'show', 'feel', 'see', 'get', 'go', 'let', 'give', 'take', 'bring', 'turn', 'stop', 'avoid', 'understand']);
/** Adverbs between an auxiliary and its participle: "is fully implemented", "have now shipped". */
const BETWEEN = new Set(['fully', 'now', 'already', 'been', 'successfully', 'all', 'also', 'finally', 'formally', 'officially', 'publicly']);

/** The words a quantity counts: "6 blog posts with …" → blog, posts; "60% of open issues" → open, issues. */
export function countedWords(tokens: Token[], q: QuantityMention): Token[] {
  let k = q.index + 1;
  while (tokens[k] && ['+', '%', '(', ')', '/'].includes(tokens[k].text)) k++;
  if (tokens[k]?.lower === 'of') k++;
  const words: Token[] = [];
  // What a number counts stands right after it: a bounded look keeps a sentence of numbers linear.
  for (const stop = k + 12; tokens[k] && words.length < 4 && k < stop; k++) {
    const t = tokens[k];
    if (t.kind === 'number' || t.text === '/' || t.text === '(' || t.text === ')' || t.text === '-') continue;
    if (t.kind !== 'word' || PHRASE_END.has(t.lower)) break;
    if (!DETERMINERS.has(t.lower)) words.push(t);
  }
  return words;
}

export type CountKind = 'output' | 'people' | 'result' | 'other';

/** What a measured quantity counts: the team's own outputs, other people, a result, or something else. */
export function countKind(tokens: Token[], q: QuantityMention): CountKind {
  if (/^[$€£¥]/.test(q.text)) return 'result';
  const words = countedWords(tokens, q);
  // Stop at a participle or verb: "4 articles published" counts articles.
  const verbAt = words.findIndex((w, i) => i > 0 && isParticiple(w));
  const nouns = verbAt < 0 ? words : words.slice(0, verbAt);
  if (nouns.some((w) => isPeopleWord(w.lower))) return 'people';
  if (nouns.some((w) => RESULT_NOUNS.has(w.lower) || METRIC_NOUNS.has(w.lower))) return 'result';
  if (nouns.some((w) => OUTPUT_NOUNS.has(w.lower))) return 'output';
  return 'other';
}

function isParticiple(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const reading = verbClass(t.lower);
  return !!reading && (/(ed|en)$/.test(t.lower) || t.lower !== reading.lemma && !t.lower.endsWith('s') && !t.lower.endsWith('ing'));
}

/** A past participle that states work done: "published", "drafted", "built"; not "reduced" (a change of a quantity). */
function deliverableParticiple(t: Token): boolean {
  if (!isParticiple(t)) return false;
  const reading = verbClass(t.lower);
  return !!reading && (reading.cls === 'activity' || ['deliver', 'complete', 'finish', 'sign'].includes(reading.lemma));
}

function anyParticiple(t: Token): boolean {
  if (t.kind === 'word' && isIrregularPast(t.lower)) return true;
  if (t.kind !== 'word' || !/[a-z]ed$/.test(t.lower) || t.lower.length < 5) return false;
  const reading = verbClass(t.lower);
  return !reading || (reading.cls !== 'change' && reading.cls !== 'improve');
}

function isComparatorWord(tokens: Token[], i: number): boolean {
  return ['more', 'less', 'fewer'].includes(tokens[i].lower) && tokens[i + 1]?.lower === 'than';
}

/**
 * Reads a sentence from `from` (after "Ensure that", or the whole sentence) for the task
 * patterns of statements. Returns undefined when the sentence measures a result, names a metric
 * or judges a quality: those are outcomes or vague, not tasks.
 */
export function statementPattern(text: string, tokens: Token[], quantities: QuantityMention[], from: number, tags?: PartOfSpeech[]): PatternFinding | undefined {
  // A tagger, when there is one, decides which words are participles and verbs.
  const participleAt = (i: number) => (tags ? tags[i] === 'participle' : anyParticiple(tokens[i]));
  const verbAt = (i: number) => (tags ? tags[i] === 'verb' || tags[i] === 'participle' : finiteVerb(tokens, tokens[i]));
  const rest = tokens.slice(from);
  if (!rest.length) return undefined;
  if (rest.some((t, i) => EVALUATIVE_WORDS.has(t.lower) && !isComparatorWord(tokens, from + i)) || superlative(tokens, from)) return undefined;
  if (quantities.some((q) => q.role === 'placeholder') || rest.some((t) => t.text === '?')) return undefined;
  const measures = quantities.filter((q) => isMeasure(q) && q.index >= from);
  const kinds = new Map(measures.map((q) => [q, countKind(tokens, q)]));
  const serviceLevel = /\bwithin\b/i.test(text);

  // Where the predicate starts: an auxiliary, a modal or a participle after the subject.
  let predicate = -1;
  let depth = 0;
  for (let i = from + 1; i < tokens.length && predicate < 0; i++) {
    const t = tokens[i];
    // "(50k simulated shoppers)": words in brackets are an aside, not the predicate.
    if (t.text === '(' || t.text === ')') depth += t.text === '(' ? 1 : -1;
    if (depth > 0 || t.text === ')') continue;
    const afterDeterminer = DETERMINERS.has(tokens[i - 1].lower);
    if (AUXILIARIES.has(t.lower) || MODALS.has(t.lower) || (!afterDeterminer && (participleAt(i) || deliverableParticiple(t) || DONE_WORDS.has(t.lower)))) predicate = i;
    else if (t.lower === 'in' && tokens[i + 1]?.lower === 'place') predicate = i;
    else if (t.lower === 'able' && tokens[i + 1]?.lower === 'to') predicate = i;
  }
  const subject = tokens.slice(from, predicate < 0 ? tokens.length : predicate);
  const coverage = measures.find((q) => q.text.endsWith('%') && q.index < predicate && kinds.get(q) === 'other');
  // "(10k virtual users)": a number in brackets describes scope, an aside to the sentence.
  // Open brackets before each token, counted once (a per-number recount made a sentence of numbers quadratic).
  const openBefore: number[] = [];
  for (let i = from, open = 0; i <= tokens.length; i++) {
    openBefore[i] = open;
    if (tokens[i]?.text === '(') open++;
    else if (tokens[i]?.text === ')') open--;
  }
  const aside = (q: QuantityMention) => (openBefore[q.index] ?? 0) > 0;
  // "10 proposals accepted", "40 bugs fixed": a count that leads a bare participle of work done
  // counts the work, whatever the thing is called (people and results are counted elsewhere).
  const doneWork = predicate >= 0 && (finishedForm(tokens, predicate) || deliverableParticiple(tokens[predicate]));
  for (const q of measures) if (doneWork && q.index === from && kinds.get(q) === 'other' && !q.text.endsWith('%')) kinds.set(q, 'output');
  const results = measures.filter((q) => kinds.get(q) !== 'output' && q !== coverage && !aside(q));
  if (results.length) return undefined;

  if (predicate >= 0) {
    const p = tokens[predicate];
    const next = tokens[predicate + 1];
    // Capability: "Admins can export audit logs", "Users are able to reset 2FA" (even when people are the subject).
    if (MODALS.has(p.lower) || (p.lower === 'able') || (AUXILIARIES.has(p.lower) && next?.lower === 'able')) {
      if (coverage) return undefined;
      const end = tokens[Math.min(tokens.length - 1, predicate + (p.lower === 'able' || next?.lower === 'able' ? 3 : 1))].end;
      const words = spanOf(text, p.start, end);
      return { pattern: 'capability', reason: `states a capability ('${words.text}'), not a measured result: what will people do with it, and how much?`, span: words };
    }
    // People-state: what other people do or reach is an outcome, never a task.
    if (isPeople(subjectHead(subject))) return undefined;
    // Finished deliverable: "is published", "have shipped", "approved by the board", "in place", "complete".
    let k = predicate;
    while (tokens[k] && (AUXILIARIES.has(tokens[k].lower) || BETWEEN.has(tokens[k].lower))) k++;
    // "We have at least 4 articles published": the participle may follow the counted output.
    let participle = tokens[k] && (deliverableParticiple(tokens[k]) || (k > predicate || finishedForm(tokens, k)) && participleAt(k) || DONE_WORDS.has(tokens[k].lower)) ? k : -1;
    if (participle < 0 && AUXILIARIES.has(p.lower)) {
      for (let j = k; j < tokens.length && participle < 0; j++) if (deliverableParticiple(tokens[j])) participle = j;
    }
    const inPlace = tokens[k]?.lower === 'in' && tokens[k + 1]?.lower === 'place';
    // "99% of invoices are issued accurately": a rate of work done to a standard is a quality outcome.
    const after = tokens[(inPlace ? k + 1 : participle) + 1];
    const afterNext = tokens[(inPlace ? k + 1 : participle) + 2]?.lower;
    const standard = !!coverage && !!after && (/ly$/.test(after.lower) || after.lower === 'without'
      || (after.lower === 'on' && afterNext === 'time') || (after.lower === 'in' && afterNext === 'full'));
    // "80% of returns are started in the portal": starting or finishing is what others do (people-state).
    const othersProgress = !!coverage && participle >= 0 && ['start', 'begin', 'complete', 'finish', 'use'].includes(verbClass(tokens[participle].lower)?.lemma ?? '');
    if ((participle >= 0 || inPlace) && !(coverage && (serviceLevel || standard || othersProgress))) {
      const endToken = inPlace ? tokens[k + 1] : tokens[participle];
      const words = spanOf(text, p.start, endToken.end);
      if (coverage) {
        const covered = spanOf(text, coverage.start, endToken.end);
        return { pattern: 'coverage', reason: `measures how much of the team's own work is done ('${covered.text}'), not what it changes`, span: covered };
      }
      return { pattern: 'deliverable-state', reason: `states a finished deliverable ('${words.text}') and measures no result`, span: words };
    }
    // Coverage by possession: "Every open role has a scorecard", "100% of services have an owner".
    const quantified = subject.some((t) => ['every', 'each', 'all'].includes(t.lower)) || !!coverage;
    if (quantified && ['has', 'have'].includes(p.lower) && next && ['a', 'an', 'its', 'their'].includes(next.lower)) {
      const covered = spanOf(text, tokens[from].start, tokens[Math.min(tokens.length - 1, predicate + 2)].end);
      return { pattern: 'coverage', reason: `measures coverage of the team's own deliverables ('${covered.text}'), not what they change`, span: covered };
    }
    return undefined;
  }
  if (coverage) return undefined;

  // A count of the team's own outputs: "12 streams", "6 blog posts with the talk videos".
  const outputs = measures.filter((q) => kinds.get(q) === 'output');
  if (outputs.length) {
    const q = outputs[0];
    const words = countedWords(tokens, q);
    const counted = spanOf(text, q.start, (words[Math.min(words.length, 2) - 1] ?? tokens[q.index]).end);
    return { pattern: 'output-count', reason: `counts the team's own outputs ('${counted.text}'), not an outcome`, span: counted };
  }
  // A noun headline: "Data warehouse v1", "Self-serve onboarding". No verb, no metric, no judgement.
  if (rest.some((t, i) => OTHER_VERBS.has(t.lower) || COMPARATIVES.has(t.lower) || METRIC_NOUNS.has(t.lower) || (!insideBrackets(tokens, from, from + i) && verbAt(from + i)))) return undefined;
  const words = rest.filter((t) => t.kind === 'word');
  if (!words.length) return undefined;
  const end = headlineEnd(tokens, from);
  const headline = spanOf(text, tokens[from].start, end);
  return { pattern: 'headline', reason: `is a noun headline ('${headline.text}'): it names a deliverable and no metric`, span: headline };
}

/** The last noun of the subject before a prepositional phrase: "10 proposals from the Berlin team" → proposals. */
function subjectHead(subject: Token[]): Token | undefined {
  let head: Token | undefined;
  for (const t of subject) {
    if (t.kind === 'word' && PHRASE_END.has(t.lower)) break;
    if (t.kind === 'word' && !DETERMINERS.has(t.lower)) head = t;
  }
  return head;
}

function isPeople(t: Token | undefined): boolean {
  return !!t && isPeopleWord(t.lower);
}

/** People by name or by the shape of the word: trainees, journalists, technicians, researchers. */
export function isPeopleWord(word: string): boolean {
  return PEOPLE_NOUNS.has(word) || /[a-z]{3}(ees|ists|ians)$/.test(word) || agentNoun(word);
}

/** "-ers"/"-ors" on a verb of doing names the people who do it: researchers, testers, contributors. */
function agentNoun(word: string): boolean {
  const m = /^([a-z]{3,}?)(e?)(r|or)s$/.exec(word);
  if (!m) return false;
  const stems = [m[1] + m[2], m[1] + 'e', m[1]];
  return stems.some((stem) => verbClass(stem)?.lemma === stem);
}

/** "… completes training", "… contains …": a known verb in its third-person form after a word. */
function finiteVerb(tokens: Token[], t: Token): boolean {
  const i = tokens.indexOf(t);
  if (i === 0 || t.kind !== 'word') return false;
  if (/[a-z]ed$/.test(t.lower) && !!verbClass(t.lower)) return true;
  return /[^s]s$/.test(t.lower) && !!verbClass(t.lower) && tokens[i - 1].kind === 'word' && !DETERMINERS.has(tokens[i - 1].lower)
    && tokens[i + 1]?.kind === 'word';
}

function insideBrackets(tokens: Token[], from: number, i: number): boolean {
  let depth = 0;
  for (let k = from; k < i; k++) depth += tokens[k].text === '(' ? 1 : tokens[k].text === ')' ? -1 : 0;
  return depth > 0;
}

/** The headline without trailing punctuation or a bracketed period tag ("[Q2]"). */
function headlineEnd(tokens: Token[], from: number): number {
  let last = tokens.length - 1;
  while (last > from && tokens[last].kind === 'punct' && tokens[last].text !== ')') last--;
  return tokens[last].end;
}

/** Subjects quantified over other people: "all team members have …", "every customer uses …". */
export function allPeople(tokens: Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length - 1; i++) {
    if (!['all', 'every', 'each'].includes(tokens[i].lower)) continue;
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
      if (isPeopleWord(tokens[j].lower)) {
        const after = tokens[j + 1];
        if (after && (AUXILIARIES.has(after.lower) || /(ing|ed|s)$/.test(after.lower) || MODALS.has(after.lower))) return tokens[i];
      }
    }
  }
  return undefined;
}

/** Verbs that introduce a result after a task, by form, with their base form: "… that gets 100 reads", "… and have 100 views". */
const RESULT_VERBS = new Map<string, string>();
for (const forms of ['get gets getting', 'have has having', 'achieve achieves achieving', 'reach reaches reaching', 'hit hits hitting',
  'keep keeps keeping', 'maintain maintains maintaining', 'attract attracts attracting', 'include includes including',
  'drive drives driving', 'generate generates generating', 'bring brings bringing', 'see sees seeing']) {
  const [base, ...others] = forms.split(' ');
  for (const form of [base, ...others]) RESULT_VERBS.set(form, base);
}

export interface ResultClause {
  /** From the link word to the end of the sentence: "and reach 500 signups", "so that 60% of sessions use it". */
  span: Span;
  /** Token index of the link word ("with", "and", "that", "so", ","). */
  linkIndex: number;
  /** The result's own words, without the link: "reach 500 signups", "60% of sessions use it". */
  result: Span;
  /** The result said as a KR of its own: "Reach 500 signups", "60% of sessions use it". */
  kr: string;
}

/**
 * A measured result after the task ("Launch the pricing page with >10% visitor-to-trial
 * conversion", "Write a post that gets 100+ reads", "…, get 20 to join"): the KR is an outcome.
 */
export function resultClause(text: string, tokens: Token[], quantities: QuantityMention[], from: number): ResultClause | undefined {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    let j = -1;
    let byVerb = false;
    let verb: Token | undefined;
    const soThat = t.lower === 'so' && tokens[i + 1]?.lower === 'that';
    if (t.lower === 'with') j = i + 1;
    else if (['that', 'which', 'and', ',', 'to', 'so', ';'].includes(t.lower)) {
      let k = i + 1;
      if (tokens[k]?.lower === 'that') k++;
      if (tokens[k] && RESULT_VERBS.has(tokens[k].lower)) {
        j = k + 1;
        verb = tokens[k];
        // "have" and "include" also describe the thing ("that have been over budget 3 times").
        byVerb = !/^(ha[sv]|includ)/.test(tokens[k].lower);
      }
      // "… so that 60% of sessions use it"
      else if (t.lower === 'so' && k > i + 1) j = k;
    }
    if (j < 0) continue;
    // "keep failed charges under 0.5%": the number may follow what it measures.
    for (let k = j; k < Math.min(tokens.length, j + 6); k++) {
      const q = quantities.find((m) => m.index === k && isMeasure(m));
      if (!q) {
        if (tokens[k].kind === 'date' || [',', ';', '.'].includes(tokens[k].text)) break;
        continue;
      }
      const peopleJoin = tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.kind === 'word';
      const kind = countKind(tokens, q);
      // "100% of exceptions logged", "100% coverage of the leads": coverage of the work, not its result.
      const percent = q.text.endsWith('%') && !['of', 'coverage'].includes(tokens[k + 1]?.lower ?? '');
      // "… that gets 100+ reads": what the work gets or reaches is its result, whatever it is counted in.
      const reached = byVerb && kind === 'other';
      if (percent || peopleJoin || soThat || reached || kind === 'result' || kind === 'people') {
        const said = verb ?? tokens[j];
        const result = spanOf(text, said.start, said.start + text.slice(said.start).replace(/[.;\s]+$/, '').length);
        return { span: spanOf(text, t.start, tokens[tokens.length - 1].end), linkIndex: i, result, kr: resultAsKr(text, tokens, j, verb) };
      }
      break;
    }
  }
  return undefined;
}

/** "reach 500 signups" → "Reach 500 signups"; "with >10% conversion" → "Reach >10% conversion"; "so that 60% of …" as it is. */
function resultAsKr(text: string, tokens: Token[], from: number, verb: Token | undefined): string {
  const rest = text.slice(tokens[from]?.start ?? text.length).replace(/[.;\s]+$/, '');
  const lead = verb ? RESULT_VERBS.get(verb.lower)! : tokens[from - 1]?.lower === 'with' ? 'reach' : '';
  const sentence = lead ? `${lead} ${rest}` : rest;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "blog posts published", "the social ad budget", "PR": what a change verb acts on is the team's own output. */
export function ownOutputObject(tokens: Token[], from: number, to: number): boolean {
  let start = from;
  // "the number of blog posts": look past "number of".
  for (let i = from; i < to; i++) if (tokens[i].lower === 'of' && ['number', 'count', 'amount'].includes(tokens[i - 1]?.lower ?? '')) start = i + 1;
  let head = -1;
  for (let i = start; i < to; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || t.lower === 'of') break;
    if (i > start && (isParticiple(t) || /ing$/.test(t.lower))) break;
    if (!DETERMINERS.has(t.lower)) head = i;
  }
  if (head < 0) return false;
  return OUTPUT_NOUNS.has(tokens[head].lower);
}

/**
 * A past participle by its form alone ("By-laws drafted", "Style guide written"): work stated as
 * done. Not a result reached ("achieved"), a change of state ("evolved into …") or a qualifier of
 * a measure ("the number of regressions experienced").
 */
function finishedForm(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'word' || !(/[a-z]{3}(ed|en)$/.test(t.lower) || isIrregularPast(t.lower)) || tokens[k + 1]?.lower === 'into') return false;
  // "the number of regressions experienced": a participle inside an "of" phrase qualifies a measure.
  if (tokens.slice(0, k).some((w) => w.lower === 'of')) return false;
  const cls = verbClass(t.lower)?.cls;
  return cls === undefined || cls === 'activity';
}

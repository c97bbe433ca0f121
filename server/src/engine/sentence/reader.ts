// Reads a KR sentence the way a coach does: what is the leading verb and what does it act on,
// is anything measured, is it clear what is measured. Every finding keeps its evidence (the
// words that led to it) so that messages can name them.
import { lookupAbbreviation } from '../glossary';
import {
  CHANGE_NOUNS, COMPARATIVES, COUNTING_WORDS, DELIVERABLE_NOUNS, UNCOUNTED_NOUNS, changeDirection, isLeadingAdverb,
  isParticle, verbClass, type VerbClass,
} from './lexicon';
import { findQuantities, isMeasure, type QuantityMention } from './quantities';
import { tokenize, type Token } from './tokens';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface VerbMention extends Span {
  lemma: string;
  cls: VerbClass;
}

export interface Finding {
  /** Says what was seen, for a message: "starts with the activity verb 'implement' and measures no outcome". */
  reason: string;
  /** Where in the sentence the evidence is. */
  span: Span;
}

export interface SplitSuggestion {
  /** The outcome, as a KR sentence. */
  kr: string;
  /** The activity, as a task. */
  task: string;
}

export type KrShape = 'outcome' | 'task' | 'vague';

export interface KrReading {
  text: string;
  shape: KrShape;
  /** The leading verb(s): "Review and update" gives two. */
  verbs: VerbMention[];
  quantities: QuantityMention[];
  /** A number, a quantity word or a multiplying verb says how much. */
  measurable: boolean;
  /** Which way the measured quantity should move, when the sentence says. */
  direction?: 'increase' | 'decrease';
  /** The words naming what is measured ("invoice processing time"). */
  measured?: Span;
  /** The relative change ("by 50%", "10% faster"), when there is one. */
  relative?: QuantityMention;
  /** The comparative that makes it relative ("faster" in "10 days faster") and the unit word before it. */
  comparative?: { word: string; unit?: string; end: number };
  task?: Finding & { split?: SplitSuggestion };
  vague?: Finding;
  ambiguous?: Finding & { abbreviation?: string; countedAs?: string[] };
  kpiLike?: Finding;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'all', 'every', 'each', 'their', 'its', 'this', 'these', 'those', 'any']);
/** Words that end the phrase naming what a verb acts on. */
const PHRASE_END = new Set([
  'by', 'to', 'from', 'within', 'through', 'via', 'for', 'with', 'across', 'at', 'in', 'on', 'during', 'while', 'so',
  'thereby', 'leading', 'resulting', 'which', 'that', 'before', 'after', 'until', 'per', 'and', 'or', 'without', 'using',
  'into', 'among', 'under', 'below', 'above', 'than', 'as', 'between', 'based', 'due', 'when', 'where', 'who',
]);
const CLAUSE_LINKS = new Set(['thereby', 'thus', 'and', 'which', 'that', 'will', 'so', 'hence', 'consequently']);
const STANDARD_QUALIFIERS = [/\bon[ -]time\b/i, /\btimely\b/i, /\bon schedule\b/i, /\bwithout (?:any )?(?:errors?|delays?|mistakes?)\b/i, /\berror[ -]free\b/i, /\bin full\b/i];
const PRONOUN_OBJECTS = new Set(['it', 'this', 'that', 'them', 'these', 'those']);

export function readKr(text: string): KrReading {
  const tokens = tokenize(text);
  const quantities = findQuantities(tokens);
  const reading: KrReading = { text, shape: 'outcome', verbs: [], quantities, measurable: false };

  const statement = participleStatement(tokens);
  const lead = statement ? { verbs: [], next: 0 } : leadingVerbs(tokens);
  reading.verbs = lead.verbs;
  const measures = quantities.filter(isMeasure);
  const multiplier = lead.verbs.some((v) => ['double', 'triple', 'quadruple', 'halve'].includes(v.lemma));
  reading.measurable = measures.length > 0 || multiplier;
  reading.relative = quantities.find((q) => q.role === 'relative');

  const clause = outcomeClause(text, tokens, lead.next, quantities);
  let main = lead.verbs[0];
  // Causative "make": "Make onboarding better" asks for a change of quality, like "improve".
  if (main?.lemma === 'make' && lead.verbs.length === 1 && tokens.slice(lead.next).some((t) => COMPARATIVES.has(t.lower) || /^(easier|simpler|smoother|clearer|happier)$/.test(t.lower))) {
    main = { ...main, cls: 'improve' };
    lead.verbs[0] = main;
  }
  const cls = lead.verbs.some((v) => v.cls === 'activity') && !lead.verbs.some((v) => v.cls === 'change') ? 'activity' : main?.cls;

  // What the verb acts on, and the head noun of that phrase.
  const objectEnd = clause ? clause.linkIndex : tokens.length;
  const object = phraseAfter(tokens, statement ? 0 : lead.next, statement ? statement.index : objectEnd);
  const head = headNoun(tokens, object);

  if (statement) {
    reading.direction = changeDirection(statement.lemma);
    reading.measured = object.span;
  } else if (clause?.measurable) {
    reading.direction = clause.direction;
    reading.measured = clause.measured;
  } else if (main && (main.cls === 'change' || main.cls === 'improve')) {
    reading.direction = changeDirection(main.lemma);
    reading.measured = object.span;
  }

  const placeholder = quantities.find((q) => q.role === 'placeholder');
  const firstMeasure = measures[0];
  const verbSpan = main ? spanOf(text, main.start, lead.verbs[lead.verbs.length - 1].end) : undefined;
  const verbWords = lead.verbs.map((v) => v.lemma).join("' and '");

  const standard = !measures.length && !clause && /\b(all|every|each)\b/i.test(text) ? STANDARD_QUALIFIERS.map((re) => re.exec(text)).find(Boolean) : undefined;
  if (standard) {
    // "Submit all contracts on time": a standard to keep, with no number.
    const span = spanOf(text, standard.index, standard.index + standard[0].length);
    reading.shape = 'vague';
    reading.vague = { reason: `states a standard to keep ('${standard[0]}') but no number: what share meets it now, and what should it be?`, span };
    reading.kpiLike = { reason: `'${standard[0]}' describes business as usual`, span };
  } else if (cls === 'activity' && main && verbSpan) {
    const changeInObject = changeNounRight(tokens, lead.next, objectEnd, quantities);
    const comparative = measures.find((q) => q.role === 'relative' && COMPARATIVES.has(tokens[q.index + 1]?.lower ?? '') && q.index < objectEnd);
    // "Process 95% of refunds within 24 hours": a rate against a time standard is a service level, an outcome.
    const serviceLevel = measures.some((q) => q.text.endsWith('%') && tokens[q.index + 1]?.lower === 'of')
      && quantities.some((q) => q.role === 'frame' && tokens[q.index - 1]?.lower === 'within');
    // "Ship zero P1 bugs": a count held at zero is a quality outcome, not an output.
    let k = lead.next;
    while (k < tokens.length && DETERMINERS.has(tokens[k].lower)) k++;
    const zeroCount = measures.some((q) => q.index === k && (q.text.toLowerCase() === 'zero' || q.text === '0'));
    if (serviceLevel || zeroCount) {
      reading.measured = object.span;
    } else if (changeInObject) {
      // "Implement a 25% increase in debt recovery": the verb is an activity, what it acts on is a change of a quantity.
      reading.direction = changeInObject.direction;
      reading.measured = changeInObject.measured;
    } else if (comparative) {
      reading.measured = object.span;
    } else {
      reading.shape = 'task';
      if (clause?.measurable) {
        reading.task = {
          reason: `starts with the activity verb '${verbWords}'; the outcome comes after it ('${clause.span.text}')`,
          span: verbSpan,
          split: { kr: clause.kr, task: clause.task },
        };
      } else {
        reading.task = { reason: taskReason(tokens, lead.verbs, verbWords, measures, clause), span: verbSpan };
      }
    }
  }

  if (reading.shape === 'outcome' && !reading.measurable) {
    const deliverable = head && DELIVERABLE_NOUNS.has(head.lower) && cls !== 'maintain';
    if (placeholder) {
      reading.shape = 'vague';
      reading.vague = { reason: `uses the placeholder '${placeholder.text}${tokens[placeholder.index + 1]?.text === '%' ? '%' : ''}' instead of a number`, span: spanOf(text, placeholder.start, placeholder.end) };
    } else if (deliverable && main && verbSpan && cls !== undefined) {
      reading.shape = 'task';
      reading.task = { reason: `'${main.lemma}' acts on the deliverable '${object.span?.text ?? head.text}' and measures no outcome`, span: verbSpan };
    } else {
      reading.shape = 'vague';
      const evidence = verbSpan ?? spanOf(text, 0, text.length);
      const more = tokens.find((t) => ['more', 'less', 'fewer', 'better', 'higher', 'lower', 'faster'].includes(t.lower));
      const reason = main
        ? `says '${main.lemma}'${more ? ` and '${more.text}'` : ''} but gives no number: from what, to what?`
        : 'names no number and no metric';
      reading.vague = { reason, span: evidence };
    }
  }

  if (reading.shape === 'outcome') {
    const ambiguity = findAmbiguity(tokens, text, reading, object, head);
    if (ambiguity) reading.ambiguous = ambiguity;
  }

  if (cls === 'maintain' && main && verbSpan && !clause?.measurable && !reading.kpiLike) {
    reading.kpiLike = { reason: `'${main.text.toLowerCase()}' asks to hold a level, not to change it`, span: verbSpan };
  }
  if (reading.relative) {
    const after = tokens[reading.relative.index + 1];
    const after2 = tokens[reading.relative.index + 2];
    if (after && COMPARATIVES.has(after.lower)) reading.comparative = { word: after.lower, end: after.end };
    else if (after?.kind === 'word' && after2 && COMPARATIVES.has(after2.lower)) reading.comparative = { word: after2.lower, unit: after.lower, end: after2.end };
  }
  if (!reading.direction && firstMeasure && tokens[firstMeasure.index + 1] && CHANGE_NOUNS.has(tokens[firstMeasure.index + 1].lower)) {
    reading.direction = nounDirection(tokens[firstMeasure.index + 1].lower);
  }
  return reading;
}

function taskReason(tokens: Token[], verbs: VerbMention[], verbWords: string, measures: QuantityMention[], clause: Clause | undefined): string {
  const lead = `starts with the activity verb '${verbWords}'`;
  if (clause) return `${lead}; its outcome ('${clause.span.text}') has no number`;
  if (!measures.length) return `${lead} and measures no outcome`;
  const q = measures[0];
  const last = verbs[verbs.length - 1];
  const afterVerb = tokens.findIndex((t) => t.start >= last.end);
  let i = afterVerb;
  while (i < q.index && DETERMINERS.has(tokens[i].lower)) i++;
  if (q.text.endsWith('%') && tokens[q.index + 1]?.lower === 'of') {
    return `${lead}: '${phraseText(tokens, q.index, 4)}' measures how far the work reaches, not what changes`;
  }
  if (i === q.index) return `${lead}: '${phraseText(tokens, q.index, 4)}' counts outputs, not an outcome`;
  return `${lead}; its number ('${q.text}') measures the work, not an outcome`;
}

function phraseText(tokens: Token[], from: number, words: number): string {
  const end = Math.min(tokens.length - 1, from + words);
  let last = from;
  for (let i = from; i <= end; i++) {
    if (tokens[i].kind === 'punct' && tokens[i].text !== '%' && tokens[i].text !== "'") break;
    if (i > from && PHRASE_END.has(tokens[i].lower)) break;
    last = i;
  }
  return tokens.slice(from, last + 1).map((t, k, arr) => (k > 0 && arr[k - 1].end === t.start ? '' : k > 0 ? ' ' : '') + t.text).join('');
}

function spanOf(text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), start, end };
}

/** "Contract turn-around time reduced by 20%": a noun phrase and a past participle of change. */
function participleStatement(tokens: Token[]): { index: number; lemma: string } | undefined {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !/(ed|cut|grown|down|up)$/.test(t.lower)) continue;
    const reading = verbClass(t.lower);
    if (!reading || (reading.cls !== 'change' && reading.cls !== 'improve')) continue;
    const before = tokens[i - 1];
    if (before.kind !== 'word' || CLAUSE_LINKS.has(before.lower) || before.lower === 'to' || DETERMINERS.has(before.lower)) continue;
    if (i === 1 && verbClass(before.lower)?.cls === 'activity' && !/s$/.test(before.lower)) {
      // "Automate improved workflows…" still leads with a verb; only a noun subject makes a statement.
      if (!['by', 'to', 'from'].includes(tokens[i + 1].lower)) continue;
    }
    if (['by', 'to', 'from', 'below', 'under', 'above'].includes(tokens[i + 1].lower)) return { index: i, lemma: reading.lemma };
  }
  return undefined;
}

function leadingVerbs(tokens: Token[]): { verbs: VerbMention[]; next: number } {
  let i = 0;
  while (i < tokens.length && (tokens[i].kind === 'punct' || isLeadingAdverb(tokens[i].text) || ['we', 'will', 'to'].includes(tokens[i].lower))) i++;
  // "A/B test the onboarding email": the test is the verb.
  if (tokens[i]?.text === 'A' && tokens[i + 1]?.text === '/' && tokens[i + 2]?.text === 'B') i += 3;
  const verbs: VerbMention[] = [];
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind !== 'word') break;
    const particle = tokens[i + 1] && isParticle(tokens[i + 1].text) ? tokens[i + 1].text : undefined;
    const reading = verbClass(t.text, particle);
    if (!reading) break;
    const phrasal = reading.lemma.includes(' ');
    const end = phrasal ? tokens[i + 1].end : t.end;
    verbs.push({ text: phrasal ? `${t.text} ${tokens[i + 1].text}` : t.text, start: t.start, end, lemma: reading.lemma, cls: reading.cls });
    i += phrasal ? 2 : 1;
    // "follow up", "act upon": a particle or preposition glued to an activity verb stays with it.
    if (!phrasal && tokens[i] && ['up', 'upon', 'out'].includes(tokens[i].lower) && reading.cls === 'activity') i++;
    // Compound verbs: "Review and update", "Collect, analyze and act upon", "Pay/or collect".
    let j = i;
    while (tokens[j] && ([',', '/', '&'].includes(tokens[j].text) || ['and', 'or'].includes(tokens[j].lower))) j++;
    if (j === i || !tokens[j] || tokens[j].kind !== 'word') break;
    const nextReading = verbClass(tokens[j].text);
    if (!nextReading || DETERMINERS.has(tokens[j].lower) || !looksLikeVerbAt(tokens, j)) break;
    i = j;
  }
  return { verbs, next: i };
}

/** After "and", a verb is followed by its object: a determiner, an adjective or a noun, not by "and" or the end. */
function looksLikeVerbAt(tokens: Token[], j: number): boolean {
  const after = tokens[j + 1];
  if (!after) return false;
  return after.kind === 'word' || after.kind === 'number' || after.text === ',';
}

interface Phrase {
  from: number;
  to: number;
  span?: Span;
}

function phraseAfter(tokens: Token[], from: number, limit: number): Phrase {
  let to = from;
  while (to < limit) {
    const t = tokens[to];
    if (t.kind === 'date') break;
    if (t.kind === 'punct' && !['>', '<', '≥', '≤', '+', '-', '/', "'", '’', '(', ')'].includes(t.text)) break;
    if (t.kind === 'word' && PHRASE_END.has(t.lower)) break;
    if (t.kind === 'number' && to > from && !isQualifierNumber(tokens, to)) break;
    to++;
  }
  // Do not end on an opening bracket or a sign.
  while (to > from && tokens[to - 1].kind === 'punct' && ['(', '-', '/'].includes(tokens[to - 1].text)) to--;
  if (to === from) return { from, to };
  const source = tokensText(tokens, from, to);
  return { from, to, span: source };
}

function isQualifierNumber(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const next = tokens[i + 1];
  return (!!before && ['>', '<', '≥', '≤'].includes(before.text)) || next?.text === '+' || next?.text === '-';
}

function tokensText(tokens: Token[], from: number, to: number): Span {
  // Rebuilt from offsets by the caller's text; tokens keep their own offsets.
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  let text = '';
  for (let i = from; i < to; i++) text += (i > from && tokens[i].start > tokens[i - 1].end ? ' ' : '') + tokens[i].text;
  return { text, start, end };
}

/** The word that names what the phrase is about: "the number of write-offs" → number, "design efforts" → efforts. */
function headNoun(tokens: Token[], phrase: Phrase): Token | undefined {
  let head: Token | undefined;
  for (let i = phrase.from; i < phrase.to; i++) {
    const t = tokens[i];
    if (t.lower === 'of') break;
    if (t.text === '(') break;
    if (t.kind === 'word' && !DETERMINERS.has(t.lower)) head = t;
  }
  return head;
}

interface Clause {
  /** Token index where the link ("to", ", reducing", ", leading to") starts. */
  linkIndex: number;
  span: Span;
  measurable: boolean;
  kr: string;
  task: string;
  direction?: 'increase' | 'decrease';
  measured?: Span;
}

/**
 * Finds an outcome clause after the activity: "… to increase on-time payments by 15%",
 * "…, reducing manual follow-ups by 50%", "…, leading to a 5% increase in early payments".
 */
function outcomeClause(text: string, tokens: Token[], from: number, quantities: QuantityMention[]): Clause | undefined {
  for (let i = Math.max(from, 1); i < tokens.length; i++) {
    const t = tokens[i];
    let j = -1;
    if (t.lower === 'to' || t.text === ',' || t.text === ';' || t.lower === 'thereby') {
      j = i + 1;
      while (tokens[j] && CLAUSE_LINKS.has(tokens[j].lower)) j++;
      if (tokens[j]?.lower === 'in' && tokens[j + 1]?.lower === 'order' && tokens[j + 2]?.lower === 'to') j += 3;
      if (tokens[j]?.lower === 'to') j++;
    }
    if (['leading', 'resulting', 'contributing'].includes(t.lower)) j = i;
    if (j < 0 || !tokens[j]) continue;
    // "in order to", "so as to": the link starts at "in" / "so".
    const twoBefore = `${tokens[i - 2]?.lower} ${tokens[i - 1]?.lower}`;
    const linkStart = t.lower === 'to' && (twoBefore === 'in order' || twoBefore === 'so as') ? i - 2 : i;

    // Verb clause: "to increase X by 15%", ", reducing X by 50%".
    const verb = tokens[j].kind === 'word' ? verbClass(tokens[j].text) : undefined;
    if (verb && (verb.cls === 'change' || verb.cls === 'improve')) {
      const clauseQuantities = quantities.filter((q) => q.index > j && isMeasure(q));
      const rest = text.slice(tokens[j].end).replace(/[.;\s]+$/, '');
      const lemma = verb.lemma;
      const measuredPhrase = phraseAfter(tokens, j + 1, tokens.length);
      return {
        linkIndex: i,
        span: spanOf(text, tokens[j].start, lastWordEnd(tokens)),
        measurable: clauseQuantities.length > 0,
        kr: capitalise(lemma) + rest,
        task: taskText(text, tokens[linkStart].start),
        direction: changeDirection(verb.lemma),
        measured: measuredPhrase.span,
      };
    }
    // Noun clause: "leading to a 5% increase in early payments".
    if (['leading', 'resulting', 'contributing'].includes(tokens[j].lower)) {
      let k = j + 1;
      if (['to', 'in'].includes(tokens[k]?.lower ?? '')) k++;
      while (tokens[k] && DETERMINERS.has(tokens[k].lower)) k++;
      const q = quantities.find((m) => m.index === k);
      const noun = tokens[k + 1];
      if (q && noun && CHANGE_NOUNS.has(noun.lower) && ['in', 'of'].includes(tokens[k + 2]?.lower ?? '')) {
        const subjectStart = tokens[k + 3]?.start ?? noun.end;
        const subject = text.slice(subjectStart).replace(/[.;\s]+$/, '');
        const { head, tail } = splitTrailingTime(subject);
        const verbWord = nounVerb(noun.lower);
        return {
          linkIndex: i,
          span: spanOf(text, tokens[j].start, lastWordEnd(tokens)),
          measurable: true,
          kr: `${capitalise(verbWord)} ${head} by ${q.text}${tail}`,
          task: taskText(text, tokens[linkStart].start),
          direction: nounDirection(noun.lower),
          measured: spanOf(text, subjectStart, subjectStart + head.length),
        };
      }
    }
  }
  return undefined;
}

/** End of the sentence without its final full stop. */
function lastWordEnd(tokens: Token[]): number {
  let i = tokens.length - 1;
  while (i > 0 && tokens[i].kind === 'punct' && ['.', ';', '!'].includes(tokens[i].text)) i--;
  return tokens[i].end;
}

function taskText(text: string, end: number): string {
  return text.slice(0, end).replace(/[\s,;:]+$/, '').trim();
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function nounVerb(noun: string): string {
  if (/^(reduction|reductions)$/.test(noun)) return 'reduce';
  if (/^(decrease|decreases|decline|drop|cut|cuts)$/.test(noun)) return 'reduce';
  if (/^(growth)$/.test(noun)) return 'grow';
  if (/^(improvement|improvements)$/.test(noun)) return 'improve';
  return 'increase';
}

function nounDirection(noun: string): 'increase' | 'decrease' | undefined {
  if (/^(reduction|reductions|decrease|decreases|decline|drop|cut|cuts)$/.test(noun)) return 'decrease';
  if (/^(improvement|improvements)$/.test(noun)) return undefined;
  return 'increase';
}

/** "early payments by 2026-08-30" → head "early payments", tail " by 2026-08-30". */
function splitTrailingTime(subject: string): { head: string; tail: string } {
  const m = /\s+(?:by|before|until|within|through|during|in the)\s+.*$/i.exec(subject);
  return m ? { head: subject.slice(0, m.index), tail: subject.slice(m.index) } : { head: subject, tail: '' };
}

/** "Implement a 25% increase in debt recovery": the object of the activity is a change of a quantity. */
function changeNounRight(tokens: Token[], from: number, limit: number, quantities: QuantityMention[]):
  { direction?: 'increase' | 'decrease'; measured?: Span } | undefined {
  let k = from;
  while (k < limit && DETERMINERS.has(tokens[k].lower)) k++;
  const q = quantities.find((m) => m.index === k && isMeasure(m));
  const noun = tokens[k + 1];
  if (!q || !noun || !CHANGE_NOUNS.has(noun.lower)) return undefined;
  const measured = ['in', 'of'].includes(tokens[k + 2]?.lower ?? '') ? phraseAfter(tokens, k + 3, tokens.length).span : undefined;
  return { direction: nounDirection(noun.lower), ...(measured ? { measured } : {}) };
}

function findAmbiguity(tokens: Token[], text: string, reading: KrReading, object: Phrase, head: Token | undefined):
  KrReading['ambiguous'] {
  const measured = reading.measured;
  const main = reading.verbs[0];
  const changing = main && (main.cls === 'change' || main.cls === 'improve');
  if (changing && reading.relative && (!object.span || (head && PRONOUN_OBJECTS.has(head.lower)))) {
    return { reason: `'${main.text} … ${reading.relative.text}' does not name what is measured`, span: spanOf(text, main.start, reading.relative.end) };
  }
  if (!measured) return undefined;
  const words = tokenize(measured.text);
  // "days" in "AR>60 days" is the unit of a qualifier, not what is counted.
  const counted = words.some((w, i) => (COUNTING_WORDS.has(w.lower) && words[i - 1]?.kind !== 'number') || /^[$€£¥]/.test(w.text));
  if (counted) return undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind !== 'word' || w.text !== w.text.toUpperCase() || w.text.length < 2) continue;
    const entry = lookupAbbreviation(w.text);
    const comparator = words[i + 1] && ['>', '<', '≥', '≤'].includes(words[i + 1].text);
    if (entry?.kind === 'stock' || (comparator && !entry)) {
      const options = entry?.countedAs ?? ['a count', 'an amount of money', 'a rate'];
      const what = entry ? `'${w.text}' (${entry.expansion})` : `'${w.text}'`;
      const how = comparator ? ` with the comparator '${measured.text.replace(/\s+/g, ' ')}'` : '';
      return {
        reason: `${what}${how} does not say what is counted: ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}?`,
        span: measured,
        abbreviation: w.text,
        countedAs: options,
      };
    }
  }
  const measuredHead = headNoun(words, { from: 0, to: words.length });
  if (measuredHead && UNCOUNTED_NOUNS.has(measuredHead.lower)) {
    return {
      reason: `'${measured.text}' does not say how it is counted: hours, spend, or number of projects?`,
      span: measured,
    };
  }
  return undefined;
}

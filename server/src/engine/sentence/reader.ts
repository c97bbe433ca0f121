// Reads a KR sentence the way a coach does: what is the leading verb and what does it act on,
// is anything measured, is it clear what is measured. Every finding keeps its evidence (the
// words that led to it) so that messages can name them.
import { findAmbiguity } from './ambiguity';
import {
  changeNounRight, nounDirection, outcomeClause, participleStatement, type Clause,
} from './clauses';
import {
  CHANGE_NOUNS, COMPARATIVES, DELIVERABLE_NOUNS, changeDirection, isLeadingAdverb, isParticle, verbClass, type VerbClass,
} from './lexicon';
import { DETERMINERS, headNoun, phraseAfter, phraseText, spanOf, type Span } from './phrases';
import { findQuantities, isMeasure, type QuantityMention } from './quantities';
import { tokenize, type Token } from './tokens';

export type { Span } from './phrases';


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

const STANDARD_QUALIFIERS = [/\bon[ -]time\b/i, /\btimely\b/i, /\bon schedule\b/i, /\bwithout (?:any )?(?:errors?|delays?|mistakes?)\b/i, /\berror[ -]free\b/i, /\bin full\b/i];

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
















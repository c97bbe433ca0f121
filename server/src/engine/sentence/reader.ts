// Reads a KR sentence the way a coach does: what is the leading verb and what does it act on,
// is anything measured, is it clear what is measured. Every finding keeps its evidence (the
// words that led to it) so that messages can name them.
import { findAmbiguity } from './ambiguity';
import { madeQuality, placeholderName, superlative } from './judgement';
import {
  changeNounRight, nounDirection, outcomeClause, participleStatement, splitTrailingTime, taskText, type Clause,
} from './clauses';
import {
  AUXILIARIES, CHANGE_NOUNS, COMPARATIVES, DELIVERABLE_NOUNS, EVALUATIVE_WORDS, METRIC_NOUNS, MILESTONE_NOUNS, MODALS, MULTIPLIERS, changeDirection, isLeadingAdverb, isParticle, verbClass, type VerbClass, type VerbReading,
} from './lexicon';
import { DETERMINERS, PHRASE_END, headNoun, phraseAfter, phraseText, spanOf, type Span } from './phrases';
import { findQuantities, isMeasure, type QuantityMention } from './quantities';
import { allPeople, isPeopleWord, ownOutputObject, resultClause, statementPattern, type ResultClause, type TaskPattern } from './statements';
import { tagsOf, type PartOfSpeech } from './pos';
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
  /** A multiplying verb ("Double", "Quadruple") and its factor. */
  multiplier?: Span & { factor: number };
  /** The relative change ("by 50%", "10% faster"), when there is one. */
  relative?: QuantityMention;
  /** The comparative that makes it relative ("faster" in "10 days faster") and the unit word before it. */
  comparative?: { word: string; unit?: string; end: number };
  task?: Finding & { split?: SplitSuggestion; pattern?: TaskPattern };
  /**
   * An outcome led by an activity that measures its own result ("Launch the referral program and
   * reach 500 signups"): the span is the activity; the split keeps the result as the KR.
   */
  taskWithResult?: Finding & { activity: Span; result: Span; split: SplitSuggestion };
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
  const tags = tagsOf(text, tokens);
  // The leading verb stays the lexicon's call even with a tagger: taggers read imperatives
  // ("Streamline approvals", "Review and update …") as nouns and lose more tasks than they find.
  let lead = statement ? { verbs: [], next: 0 } : leadingVerbs(tokens);
  // "Support agents can refund …", "Partner teams are onboarded": a noun and then an auxiliary
  // make the first word a modifier of the subject, not a verb.
  const after = tokens[lead.next + 1];
  if (lead.verbs.length === 1 && tokens[lead.next]?.kind === 'word' && after && (MODALS.has(after.lower) || AUXILIARIES.has(after.lower))) lead = { verbs: [], next: 0 };
  // "Deploys per week …", "Reviews completed …": an imperative is a base form, so a leading -s form is a noun.
  const first = lead.verbs[0];
  if (first && /[^s]s$/i.test(first.text) && first.text.toLowerCase() !== first.lemma) lead = { verbs: [], next: 0 };
  // "Support backlog below 50 tickets", "Review time under 2 days": a noun phrase held to a threshold.
  if (lead.verbs.length === 1 && lead.verbs[0].cls === 'activity' && thresholdAfterNoun(tokens, lead.next, quantities)) lead = { verbs: [], next: 0 };
  reading.verbs = lead.verbs;
  const measures = quantities.filter(isMeasure);
  const multiplying = lead.verbs.find((v) => MULTIPLIERS.has(v.lemma));
  if (multiplying) reading.multiplier = { factor: MULTIPLIERS.get(multiplying.lemma)!, text: multiplying.text, start: multiplying.start, end: multiplying.end };
  reading.measurable = measures.length > 0 || !!multiplying;
  reading.relative = quantities.find((q) => q.role === 'relative');

  const clause = outcomeClause(text, tokens, lead.next, quantities);
  let main = lead.verbs[0];
  // Causative "make": "Make onboarding better" asks for a change of quality, like "improve", and so
  // does "make the audit process transparent" (an adjective of quality at the end).
  const lastVerb = lead.verbs[lead.verbs.length - 1];
  const makeIndex = lastVerb?.lemma === 'make' ? tokens.findIndex((t) => t.start === lastVerb.start) : -1;
  const madeAdjective = makeIndex >= 0 ? madeQuality(tokens, makeIndex) : undefined;
  if (lastVerb?.lemma === 'make' && ((lead.verbs.length === 1 && tokens.slice(lead.next).some((t) => COMPARATIVES.has(t.lower) || /^(easier|simpler|smoother|clearer|happier)$/.test(t.lower))) || madeAdjective !== undefined)) {
    lead.verbs[lead.verbs.length - 1] = { ...lastVerb, cls: 'improve' };
    main = lead.verbs[0];
  }
  // "Move the activation rate from 20% to 35%": a verb of moving with from/to numbers changes a quantity.
  if (main && lead.verbs.length === 1 && MOVING_VERBS.has(main.lemma) && quantities.some((q) => isMeasure(q) && tokens[q.index - 1]?.lower === 'from')
    && quantities.some((q) => isMeasure(q) && tokens[q.index - 1]?.lower === 'to')) {
    main = { ...main, cls: 'change' };
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

  const best = superlative(tokens, lead.next, objectEnd);
  const standard = !measures.length && !clause && /\b(all|every|each)\b/i.test(text) ? STANDARD_QUALIFIERS.map((re) => re.exec(text)).find(Boolean) : undefined;
  if (standard) {
    // "Submit all contracts on time": a standard to keep, with no number.
    const span = spanOf(text, standard.index, standard.index + standard[0].length);
    reading.shape = 'vague';
    reading.vague = { reason: `states a standard to keep ('${standard[0]}') but no number: what share meets it now, and what should it be?`, span };
    reading.kpiLike = { reason: `'${standard[0]}' describes business as usual`, span };
  } else if (cls === 'activity' && main && verbSpan) {
    const changeInObject = changeNounRight(tokens, lead.next, objectEnd, quantities);
    // "10% faster", "10 days faster": a relative change of how the work goes.
    const comparative = measures.find((q) => q.role === 'relative' && q.index < objectEnd
      && (COMPARATIVES.has(tokens[q.index + 1]?.lower ?? '') || (tokens[q.index + 1]?.kind === 'word' && COMPARATIVES.has(tokens[q.index + 2]?.lower ?? ''))));
    // "Process 95% of refunds within 24 hours": a rate against a time standard is a service level, an outcome.
    const serviceLevel = measures.some((q) => q.text.endsWith('%'))
      && tokens.some((t, i) => t.lower === 'within' && (quantities.some((q) => q.role === 'frame' && q.index === i + 1) || ['a', 'an', 'one'].includes(tokens[i + 1]?.lower ?? '')));
    // "Ship zero P1 bugs": a count held at zero is a quality outcome, not an output.
    let k = lead.next;
    while (k < tokens.length && DETERMINERS.has(tokens[k].lower)) k++;
    const zeroCount = measures.some((q) => q.index === k && (q.text.toLowerCase() === 'zero' || q.text === '0'));
    const result = resultClause(text, tokens, quantities, lead.next);
    if (serviceLevel || zeroCount) {
      reading.measured = object.span;
    } else if (result) {
      // "Launch the pricing page with >10% visitor-to-trial conversion": the task carries its result.
      reading.measured = result.span;
      // "Partner with 4 researchers": a link right after the verb is its complement, not work plus result.
      if (result.linkIndex > lead.next) reading.taskWithResult = taskWithResult(text, tokens, result, verbSpan);
    } else if (changeInObject) {
      // "Implement a 25% increase in debt recovery": the verb is an activity, what it acts on is a change of a quantity.
      reading.direction = changeInObject.direction;
      reading.measured = changeInObject.measured;
    } else if (comparative) {
      reading.measured = object.span;
    } else if (!measures.length && !clause && best) {
      // "Host the deepest catalog of …": a superlative judges the thing and gives no test.
      reading.shape = 'vague';
      reading.vague = superlativeFinding(text, tokens, best);
    } else if (!measures.length && !clause && judgedObject(tokens, lead.next) && !(head && DELIVERABLE_NOUNS.has(head.lower))) {
      // "Demonstrate improved understanding": the verb only shows a change it does not measure.
      const word = judgedObject(tokens, lead.next)!;
      reading.shape = 'vague';
      reading.vague = { reason: `asks for '${word.text}' ${object.span ? `'${object.span.text}'` : 'results'} but gives no number: from what, to what?`, span: spanOf(text, word.start, object.span?.end ?? word.end) };
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

  const taskPattern = readTaskPattern(text, tokens, quantities, lead, main, clause, object, tags);
  // "Make the release checklist dependable" asks for a quality of the thing, not more of it.
  if (reading.shape === 'outcome' && taskPattern && madeAdjective === undefined) {
    reading.shape = 'task';
    reading.task = { reason: taskPattern.reason, span: taskPattern.span, pattern: taskPattern.pattern };
  }
  if (reading.shape === 'outcome' && !reading.measurable && !lead.verbs.length && allPeople(tokens, 0)) {
    // "All team members have taken part …": everyone of the people named, a 100% people-state.
    reading.measurable = true;
  }
  const cohort = reading.shape === 'outcome' && reading.measurable && !lead.verbs.length ? cohortOnly(tokens, measures) : undefined;
  if (cohort) {
    // "Accounts with fewer than 5 seats show higher usage": the number picks who, not how much.
    reading.shape = 'vague';
    reading.measurable = false;
    reading.vague = { reason: `'${cohort.judged.text}' has no number; '${cohort.number.text}' only selects a cohort or scope`, span: spanOf(text, cohort.judged.start, cohort.judged.end) };
  }
  const unnamed = reading.shape === 'outcome' ? placeholderName(tokens, object.from) : undefined;
  if (unnamed) {
    // "Move X from 12% to 25%": the numbers are there, the name of what they measure is not.
    reading.shape = 'vague';
    reading.vague = { reason: `uses the placeholder '${unnamed.text}' where the name of what is measured belongs`, span: spanOf(text, unnamed.start, unnamed.end) };
  }
  if (reading.shape === 'outcome' && reading.measurable && placeholder) {
    reading.shape = 'vague';
    reading.vague = { reason: `uses the placeholder '${placeholder.text}${tokens[placeholder.index + 1]?.text === '%' ? '%' : ''}' instead of a number`, span: spanOf(text, placeholder.start, placeholder.end) };
  }

  if (reading.shape === 'outcome' && !reading.measurable) {
    // An acronym ("APP") may name a metric: only a written-out noun is a deliverable.
    const deliverable = head && DELIVERABLE_NOUNS.has(head.lower) && head.text !== head.text.toUpperCase() && cls !== 'maintain';
    if (best || madeAdjective !== undefined) {
      reading.shape = 'vague';
      reading.vague = best ? superlativeFinding(text, tokens, best) : {
        reason: `asks to make it '${tokens[madeAdjective!].text}' but gives no test: measured how, from what to what?`,
        span: spanOf(text, (verbSpan ?? tokens[madeAdjective!]).start, tokens[madeAdjective!].end),
      };
    } else if (placeholder) {
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
        : more ? `compares ('${more.text}') but gives no magnitude: how much, from what to what?` : 'names no number and no metric';
      reading.vague = { reason, span: evidence };
    }
  }

  // Only an outcome is one to split; a task or a vague KR has its own finding.
  if (reading.shape !== 'outcome') delete reading.taskWithResult;
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

/**
 * "Launch the referral program and reach 500 signups": the activity (up to the link word) and the
 * result after it. The split words the result as a KR; "it" in it names the activity's object
 * ("so that 60% of sessions use it" → "60% of sessions use the new search bar"). "Them" is left
 * alone: it is as often the people reached ("invite them") as the things made.
 */
function taskWithResult(text: string, tokens: Token[], result: ResultClause, verbSpan: Span): KrReading['taskWithResult'] {
  const task = taskText(text, tokens[result.linkIndex].start);
  const activity = spanOf(text, verbSpan.start, text.slice(0, tokens[result.linkIndex].start).replace(/[\s,;:]+$/, '').length);
  // "the new search bar by June" names the thing without its date.
  const object = splitTrailingTime(text.slice(verbSpan.end, activity.end).trim()).head;
  const kr = object && !/\bit\b/i.test(object) ? result.kr.replace(/\bit\b/g, object) : result.kr;
  const resultSpan = result.result;
  return {
    reason: `leads with the activity '${activity.text}' and then measures its result ('${resultSpan.text}')`,
    span: activity,
    activity,
    result: resultSpan,
    split: { kr, task },
  };
}

/** "the deepest catalog": the superlative and the word it judges. */
function superlativeFinding(text: string, tokens: Token[], best: { first: number; last: number }): Finding {
  // The judged noun phrase, up to its preposition: "the most trusted payroll app (in Europe)".
  let end = best.last;
  const stops = (t: Token) => PHRASE_END.has(t.lower) || DETERMINERS.has(t.lower) || ['of', 'in', 'on', 'at', 'for', 'to', 'with'].includes(t.lower);
  while (end < best.last + 3 && tokens[end + 1]?.kind === 'word' && !stops(tokens[end + 1])) end++;
  const span = spanOf(text, tokens[best.first - 1].start, tokens[end].end);
  return { reason: `judges with a superlative ('${span.text}') but gives no test: measured how, and against whom?`, span };
}

/** Verbs that move a quantity when given from/to numbers: "Move NPS from 30 to 45", "Take activation from 20% to 35%". */
const MOVING_VERBS = new Set(['move', 'take', 'push', 'bring', 'get', 'shift', 'lift']);

/** Task patterns beyond "activity verb + object": statements, changes of own outputs, milestones. */
function readTaskPattern(text: string, tokens: Token[], quantities: QuantityMention[], lead: { verbs: VerbMention[]; next: number },
  main: VerbMention | undefined, clause: Clause | undefined, object: { from: number; to: number; span?: Span }, tags: PartOfSpeech[] | undefined) {
  if (!lead.verbs.length) return participleStatement(tokens) ? undefined : statementPattern(text, tokens, quantities, 0, tags);
  if (!main || clause?.measurable) return undefined;
  if (main.lemma === 'ensure' || main.lemma === 'make sure') {
    return statementPattern(text, tokens, quantities, lead.next + (tokens[lead.next]?.lower === 'that' ? 1 : 0), tags);
  }
  if ((main.cls === 'change' || main.cls === 'improve') && ownOutputObject(tokens, object.from, object.to) && object.span) {
    const span = spanOf(text, main.start, object.span.end);
    return { pattern: 'own-output-change' as const, span,
      reason: `changes how much the team itself produces ('${span.text}'), not an outcome: what should the extra output change?` };
  }
  if (main.cls === 'achieve') {
    const objectWords = tokens.slice(lead.next);
    const stop = objectWords.findIndex((t) => t.kind === 'date' || (t.kind === 'word' && PHRASE_END.has(t.lower)));
    const named = objectWords.slice(0, stop < 0 ? undefined : stop);
    const milestone = named.find((t) => MILESTONE_NOUNS.has(t.lower)) ?? grantedByAuthority(named);
    if (milestone && !quantities.some((q) => isMeasure(q) && q.text.endsWith('%'))) {
      const span = spanOf(text, main.start, milestone.end);
      return { pattern: 'milestone' as const, span, reason: `names a milestone to reach ('${span.text}'), a deliverable rather than a measured result` };
    }
  }
  return undefined;
}

/**
 * "FDA clearance", "SOC 2 Type II certification", "PCI compliance": an act noun (-tion, -ance,
 * -ence, -al, -ment) at the head, named by an acronym of a standard or authority, is granted
 * once, a milestone; "NPS growth" or "ARR retention" name measures and stay out.
 */
function grantedByAuthority(words: Token[]): Token | undefined {
  const nouns = words.filter((t) => t.kind === 'word');
  const head = nouns[nouns.length - 1];
  if (!head || !/[a-z]{4}(tion|ance|ence|al|ment)$/.test(head.lower) || METRIC_NOUNS.has(head.lower) || CHANGE_NOUNS.has(head.lower)) return undefined;
  // "faster HR resolution": a judged quality is a result asked for, not a grant.
  if (nouns.some((t) => COMPARATIVES.has(t.lower) || EVALUATIVE_WORDS.has(t.lower))) return undefined;
  return nouns.slice(0, -1).some((t) => /^[A-Z]{2,}$/.test(t.text)) ? head : undefined;
}

const JUDGED = new Set(['higher', 'faster', 'fast', 'better', 'greater', 'more', 'lower', 'quicker', 'improved', 'increased', 'less', 'fewer']);
const COMPARATOR_WORDS = new Set(['fewer', 'more', 'less', 'than', 'at', 'least', 'over', 'under', 'above', 'below', '>', '<', '≥', '≤', '=']);

/** Every number selects a cohort ("accounts with fewer than 5 seats", "searches over 2M documents") and a judged word has none. */
function cohortOnly(tokens: Token[], measures: QuantityMention[]): { judged: Token; number: QuantityMention } | undefined {
  const judged = tokens.find((t, i) => JUDGED.has(t.lower) && tokens[i + 1]?.lower !== 'than' && tokens[i - 1]?.kind !== 'number' && tokens[i + 1]?.kind !== 'number');
  if (!judged || !measures.length) return undefined;
  const isCohort = (q: QuantityMention) => {
    let k = q.index - 1;
    let over = false;
    while (k >= 0 && COMPARATOR_WORDS.has(tokens[k].lower)) {
      if (['over', 'under', 'above', 'below'].includes(tokens[k].lower)) over = true;
      k--;
    }
    const stop = tokens[k];
    if (!stop || k === q.index - 1 && !['with', 'for'].includes(stop.lower)) return false;
    return ['with', 'having', 'for'].includes(stop.lower) || (over && stop.kind === 'word' && /s$/.test(stop.lower) && !verbClass(stop.lower));
  };
  return measures.every(isCohort) ? { judged, number: measures[0] } : undefined;
}

/** Nouns, then a comparator word and a number: "backlog below 50 tickets". */
function thresholdAfterNoun(tokens: Token[], from: number, quantities: QuantityMention[]): boolean {
  let k = from;
  while (tokens[k]?.kind === 'word' && !DETERMINERS.has(tokens[k].lower) && !PHRASE_END.has(tokens[k].lower) && !verbClass(tokens[k].lower)) k++;
  if (k === from || !tokens[k] || !['below', 'under', 'above', 'over', 'at', '<', '>', '≤', '≥'].includes(tokens[k].lower)) return false;
  return quantities.some((q) => isMeasure(q) && q.index > k && q.index <= k + 3);
}

/** The object of an activity verb opens with a judged change: "improved understanding", "better habits". */
function judgedObject(tokens: Token[], from: number): Token | undefined {
  let k = from;
  while (k < tokens.length && DETERMINERS.has(tokens[k].lower)) k++;
  const t = tokens[k];
  if (!t || t.kind !== 'word') return undefined;
  const reading = verbClass(t.lower);
  const changed = !!reading && (reading.cls === 'change' || reading.cls === 'improve') && t.lower.endsWith('ed');
  return changed || ['better', 'higher', 'greater', 'stronger', 'more'].includes(t.lower) ? t : undefined;
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
    const reading = verbClass(t.text, particle) ?? (verbs.length ? undefined : coordinatedVerb(tokens, i));
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

/**
 * "Propose and validate three options": a word the lexicon does not know, joined by "and" to a
 * known verb in its base form that takes an object, is a verb of the same kind. Plurals and
 * capitals stay nouns ("Sales and support …", "API and …"), and so does a word before a metric
 * ("Customer and partner satisfaction").
 */
function coordinatedVerb(tokens: Token[], i: number): VerbReading | undefined {
  const t = tokens[i];
  const [link, next, after] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  if (t.kind !== 'word' || /s$/.test(t.lower) || /^[A-Z]{2,}/.test(t.text) || DETERMINERS.has(t.lower) || isPeopleWord(t.lower)) return undefined;
  if (!link || !['and', '&', '/'].includes(link.lower) || !next || !after || METRIC_NOUNS.has(after.lower)) return undefined;
  const reading = verbClass(next.text);
  if (!reading || reading.lemma !== next.lower || !looksLikeVerbAt(tokens, i + 2)) return undefined;
  return { lemma: t.lower, cls: reading.cls };
}

/** After "and", a verb is followed by its object: a determiner, an adjective or a noun, not by "and" or the end. */
function looksLikeVerbAt(tokens: Token[], j: number): boolean {
  const after = tokens[j + 1];
  if (!after) return false;
  return after.kind === 'word' || after.kind === 'number' || after.text === ',';
}
















// Word classes for reading KR sentences: verbs by what they do to the world, nouns by what
// they name. These are classes of words, never whole sentences; lemma rules map inflected
// forms (implemented, implementing, implements) onto them.

/** What a leading verb says about the KR. */
export type VerbClass =
  /** Doing or delivering something: implement, train, launch, write (a task or initiative). */
  | 'activity'
  /** Moving a quantity: increase, reduce, grow, shorten. */
  | 'change'
  /** Making something better without a direction of a quantity: improve, enhance, optimise. */
  | 'improve'
  /** Getting to a result: achieve, reach, secure, win, convert. */
  | 'achieve'
  /** Holding a level: maintain, keep, sustain, ensure, control. */
  | 'maintain';

const ACTIVITY = `
  implement conduct train develop create launch build ship design write publish hold organize organise host
  introduce offer provide send call schedule review update research identify select purchase buy install integrate
  automate streamline negotiate incentivize incentivise analyze analyse apply assign attend begin start complete finish
  document evaluate execute follow initiate list make monitor reconcile rebalance solicit track report work diversify
  establish setup deploy migrate hire recruit interview plan prepare draft define map audit test pilot refactor
  redesign rewrite replace adopt set standardize standardise consolidate outsource partner engage encourage educate
  coach mentor communicate announce present share  gather survey study explore investigate assess benchmark
  allocate act adjust rectify fix run roll perform carry organize compile produce record film code program configure
  upgrade modernize modernise migrate translate  distribute submit file approve sign-off finalize finalise
  establish form set-up refresh revamp overhaul restructure reorganize reorganise centralize centralise digitize
  digitise document inspect verify validate check examine measure calculate estimate forecast budget invest
  fund sponsor support help assist enable empower facilitate arrange coordinate manage administer operate
  institute launch release roll-out rollout prototype experiment trial brainstorm discuss meet visit contact email
  phone message post tweet blog advertise promote market campaign  pitch demo demonstrate showcase exhibit
  attend speak teach lecture instruct coach upskill reskill certify accredit license register enroll enrol
  subscribe purchase procure source order ship package label clean tidy organise sort archive backup migrate
  transfer convert-to port rebuild rearchitect re-architect decompose extract split merge combine unify integrate
  connect link sync synchronize synchronise embed add remove delete deprecate retire sunset decommission archive
  translate localize localise document specify spec outline sketch wireframe mock draft edit proofread review
  respond reply answer handle process prioritize prioritise triage categorize categorise classify tag label
  rename restructure renew renegotiate invite welcome recognize recognise reward celebrate thank survey poll
  interview observe shadow listen learn read watch move switch transition relocate tackle solve include consult
  propose find contribute talk request ask pay
`;

const CHANGE = `
  increase reduce decrease grow raise lower cut boost minimize minimise maximize maximise shorten lengthen accelerate
  double triple quadruple quintuple halve lift drop shrink slash trim lessen eliminate expand extend scale decline
  speed-up bring-down get-down push-up drive-up drive-down bring-up pay-down
`;

const IMPROVE = `improve enhance optimize optimise strengthen better refine elevate advance`;

const ACHIEVE = `
  achieve reach hit attain get secure deliver collect sell onboard win sign acquire gain convert retain close earn obtain exceed surpass beat
  generate attract land book capture recover resolve collect-on save deliver-on hire-on complete-on grow-to
`;

const MAINTAIN = `maintain keep sustain preserve stay remain hold-at control ensure guarantee protect safeguard uphold make-sure`;

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

const CLASSES: [VerbClass, Set<string>][] = [
  // Order matters: a word in two lists takes the first class.
  ['change', wordSet(CHANGE)],
  ['improve', wordSet(IMPROVE)],
  ['achieve', wordSet(ACHIEVE)],
  ['maintain', wordSet(MAINTAIN)],
  ['activity', wordSet(ACTIVITY)],
];

/** Phrasal verbs written as two words: `set up`, `roll out`, `speed up`. */
const PARTICLES = new Set(['up', 'out', 'down', 'off', 'on', 'sure']);

export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** Candidate base forms of a word: `implemented` → implement, `reducing` → reduce, `carries` → carry. */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const irregular = IRREGULAR_FORMS.get(w);
  if (irregular) out.push(irregular);
  const add = (s: string) => { if (s.length >= 2 && !out.includes(s)) out.push(s); };
  if (w.endsWith('ies')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ied')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/([b-df-hj-np-tv-z])\1ed$/.test(w)) add(w.slice(0, -3)); // planned → plan
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(w.slice(0, -3) + 'e');
    if (/([b-df-hj-np-tv-z])\1ing$/.test(w)) add(w.slice(0, -4)); // running → run
  }
  return out;
}

/** Past forms that no suffix rule reaches: "held", "built", "written". */
const IRREGULAR_FORMS = new Map(Object.entries({
  held: 'hold', built: 'build', written: 'write', wrote: 'write', made: 'make', sent: 'send', ran: 'run', begun: 'begin',
  began: 'begin', drawn: 'draw', drew: 'draw', done: 'do', did: 'do', found: 'find', brought: 'bring', taught: 'teach',
  bought: 'buy', led: 'lead', shown: 'show', given: 'give', set: 'set', run: 'run', put: 'put', spoken: 'speak',
  undertaken: 'undertake', paid: 'pay', rolled: 'roll', rewritten: 'rewrite', rebuilt: 'rebuild', chosen: 'choose',
}));

/** An irregular past form ("chosen", "written"): English grammar, not any organisation's words. */
export function isIrregularPast(word: string): boolean {
  return IRREGULAR_FORMS.has(word.toLowerCase()) && !['set', 'run', 'put'].includes(word.toLowerCase());
}

export interface VerbReading {
  lemma: string;
  cls: VerbClass;
}

/** The class of a verb word (any inflection), or undefined when the word is not a known verb. */
export function verbClass(word: string, particle?: string): VerbReading | undefined {
  for (const lemma of lemmaCandidates(word)) {
    if (particle) {
      const phrasal = `${lemma}-${particle.toLowerCase()}`;
      for (const [cls, words] of CLASSES) if (words.has(phrasal)) return { lemma: phrasal.replace('-', ' '), cls };
    }
    for (const [cls, words] of CLASSES) if (words.has(lemma)) return { lemma, cls };
  }
  return undefined;
}

/** Change verbs by the direction they ask for. */
const DECREASING = wordSet(`reduce decrease lower cut minimize minimise shorten halve drop shrink slash trim lessen
  eliminate decline bring-down get-down drive-down pay-down`);

export function changeDirection(lemma: string): 'increase' | 'decrease' | undefined {
  const key = lemma.replace(' ', '-');
  if (DECREASING.has(key)) return 'decrease';
  if (CLASSES[0][1].has(key)) return 'increase';
  return undefined;
}

/** Verbs that multiply what they act on: "Quadruple signups" asks for 4× the baseline. The one list of them. */
export const MULTIPLIERS = new Map<string, number>([['double', 2], ['triple', 3], ['quadruple', 4], ['quintuple', 5], ['halve', 0.5]]);

/** Nouns that name a change of a quantity: "a 25% increase in debt recovery". */
export const CHANGE_NOUNS = wordSet(`increase increases reduction reductions decrease decreases growth improvement
  improvements rise drop cut cuts uplift lift gain gains decline boost jump`);

/** Comparatives that make a number a relative change: "10% faster", "20 days sooner". */
export const COMPARATIVES = wordSet(`faster sooner quicker slower more fewer less higher lower bigger smaller shorter
  longer cheaper better greater larger earlier`);

/**
 * Heads of noun phrases that are deliverables (things you build, run or put in place); improving
 * one without a number is work on the deliverable, not a measured outcome.
 */
export const DELIVERABLE_NOUNS = wordSet(`system systems platform platforms process processes procedure procedures
  policy policies service services software tool tools program programs programme programmes portal portals
  strategy strategies campaign campaigns website site app apps application applications feature features workflow
  workflows pipeline pipelines dashboard dashboards report reports template templates framework frameworks
  infrastructure module modules documentation docs guide guides manual manuals training trainings course courses
  materials material playbook playbooks checklist checklists handbook integration integrations solution solutions
  api apis database databases page pages landing content structure structures protocol protocols methods method
  techniques technique practices practice function functions capability capabilities plan plans roadmap program`);

/**
 * Heads of what is measured that do not say how they are counted: "design efforts" could be hours,
 * spend or projects.
 */
export const UNCOUNTED_NOUNS = wordSet(`effort efforts work activities activity resources resource stuff things
  initiatives endeavours endeavors`);

/** Words that say how a thing is counted: their presence names the measure. */
export const COUNTING_WORDS = wordSet(`number count total amount sum value balance dollars dollar euros euro pounds
  pound spend spending cost costs revenue rate rates ratio percentage percent share score hours days minutes weeks
  months time times`);

/** Words that are quantities by themselves. */
export const QUANTITY_WORDS = new Map<string, number | undefined>([
  ['zero', 0], ['none', 0], ['half', 50], ['majority', undefined], ['double', undefined], ['twice', undefined],
  ['triple', undefined], ['tenfold', undefined], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['hundred', 100], ['thousand', 1000], ['million', 1e6],
]);

/** Units of time: numbers with them after "within", "in the first", "every" are time frames, not measures. */
export const TIME_UNITS = wordSet(`day days week weeks month months quarter quarters year years hour hours minute
  minutes second seconds business-days`);

/** Adverbs that may lead a KR before its verb ("Regularly review ..."). */
export function isLeadingAdverb(word: string): boolean {
  const w = word.toLowerCase();
  return (w.endsWith('ly') && w.length > 4 && !['apply', 'supply', 'rally', 'multiply', 'tally'].includes(w)) || w === 'also' || w === 'then';
}

/** Words that open a clause giving the outcome of an activity. */
export const OUTCOME_LINKS = [
  'in order to', 'so as to', 'leading to', 'resulting in', 'which will', 'that will', 'so that', 'thereby', 'to',
  'and thus', 'thus',
];

/**
 * Things a team makes or does itself: counting them counts outputs ("Publish 6 case studies",
 * "12 streams", "Increase our articles from 40 to 70"), not what changed for anyone else.
 */
export const OUTPUT_NOUNS = wordSet(`post posts blog blogs blogpost blogposts article articles case-study case-studies
  paper papers whitepaper whitepapers video videos vlog vlogs tutorial tutorials demo demos talk talks webinar webinars
  workshop workshops meetup meetups conference conferences stream streams livestream livestreams podcast podcasts
  episode episodes interview interviews call calls meeting meetings session sessions presentation presentations
  inquiry inquiries email emails newsletter-issues banner banners ad ads advert adverts feature features release
  releases test tests testcase testcases test-case test-cases pr prs pull-request pull-requests commit commits doc
  docs document documents guide guides course courses experiment experiments prototype prototypes template
  templates collaboration collaborations proposal proposals cfp cfps hire hires budget outreach publication
  publications tweet tweets screencast screencasts infographic infographics ebook ebooks`);

/** People and organisations other than the team: what they do or reach is an outcome (people-state). */
export const PEOPLE_NOUNS = wordSet(`user users customer customers client clients developer developers member members
  contributor contributors people person staff employee employees engineer engineers manager managers team teams
  salespeople partner partners student students teacher teachers volunteer volunteers subscriber subscribers follower
  followers reader readers visitor visitors attendee attendees participant participants rep reps leader leaders
  researcher researchers influencer influencers organization organizations organisation organisations company
  companies account accounts buyer buyers shopper shoppers patient patients learner learners viewer viewers
  audience audiences community communities player players fan fans donor donors maintainer maintainers adopter
  adopters signups sign-ups registrants`);

/** What a result is counted in, after a task: "with 500 registrants", "that gets 100 reads", "with 95% accuracy". */
export const RESULT_NOUNS = wordSet(`view views read reads reader readers visit visits visitor visitors registrant
  registrants registration registrations signup signups sign-up sign-ups download downloads install installs user
  users customer customers subscriber subscribers follower followers star stars upvote upvotes attendee attendees
  rating ratings accuracy conversion conversions rate score nps csat satisfaction retention revenue uptime session
  sessions lead leads member members participant participants click clicks response responses reply replies sale
  sales audience audiences developers`);

/** Nouns that name a measure of something: a headline with one reads as a result, not a deliverable. */
export const METRIC_NOUNS = wordSet(`rate rates ratio average mean median usage adoption perception satisfaction
  engagement traction retention share percentage score quality growth awareness sentiment participation
  representation performance throughput latency uptime nps csat value revenue cost costs experience understanding
  number amount level levels time speed frequency balance volume reach impact success trust confidence health`);

/** Words of judgement or comparison: with one, a sentence asks for a change it does not measure (vague). */
export const EVALUATIVE_WORDS = wordSet(`better improved increased decreased reduced higher lower more less fewer good
  great strong stronger robust effective successful healthy happy happier confident satisfied easier faster
  smoother clearer greater fast quick deepest best-in-class world-class thought-leader`);

/** Milestones reached rather than measured: "Achieve SOC 2 certification" is a deliverable. */
export const MILESTONE_NOUNS = wordSet(`certification certifications clearance approval approvals accreditation
  certificate sign-off signoff`);

/** Forms of "be" and "have" before a participle: "is published", "have shipped". */
export const AUXILIARIES = wordSet(`is are was were be been being has have had`);

/** Modals of capability or obligation: "Users can …", "Logs should …". */
export const MODALS = wordSet(`can could should must shall`);

/** Words that state something is finished or available without a verb form: "in place", "complete", "live". */
export const DONE_WORDS = wordSet(`complete completed done finished live ready available exists exist`);

/**
 * Every word list above, for `eval:rules -- --logo`: it takes out the words only a held-out group
 * of KRs uses, to measure how the reader does on vocabulary it was not written with.
 */
export function lexiconWordSets(): Set<string>[] {
  return [
    ...CLASSES.map(([, words]) => words), DECREASING, CHANGE_NOUNS, COMPARATIVES, DELIVERABLE_NOUNS, UNCOUNTED_NOUNS,
    COUNTING_WORDS, OUTPUT_NOUNS, PEOPLE_NOUNS, RESULT_NOUNS, METRIC_NOUNS, EVALUATIVE_WORDS, MILESTONE_NOUNS, DONE_WORDS,
  ];
}

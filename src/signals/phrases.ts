/**
 * Phrase detection in the buyer's own sentences (SPEC section 1, the phrase items).
 * Pure: no browser APIs.
 *
 * How a sentence is read:
 * - It is normalised: lower case, straight quotes, contractions spelled out
 *   ("don't" -> "do not", "it's" -> "it is"), so patterns only need one spelling.
 * - Questions ("is there a rush?") never flag an item. Price and value language are
 *   the exception: "can you do a better price?" is exactly what a price-only buyer says.
 * - A match is negated when a negator (not, no, never, without...) sits in the few words
 *   before it in the same clause: "we do not have a tool for that" does not flag no-need.
 *   Patterns that carry their own negation ("no rush", "not my call") still flag, since the
 *   negator is inside the match, not before it.
 *
 * The patterns are a table per kind (PHRASE_PATTERNS): extend a list to catch more.
 */

import { PHRASE_LITERALS } from './phrase-literals';

/** The checklist items that buyer phrases can flag. */
export const PHRASE_ITEMS = [
  'no-need',
  'requirements-unmet',
  'cost-to-serve',
  'price-only',
  'no-urgency',
  'gatekeeper',
  'budget-hidden',
  'crowded-field',
  'no-value',
] as const;

/** What a sentence can signal: the phrase items, plus value language (which cancels price-only). */
export const PHRASE_KINDS = [...PHRASE_ITEMS, 'value-language'] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

export interface PhraseHit {
  kind: PhraseKind;
  /** The matched words, normalised (lower case, contractions spelled out). */
  phrase: string;
  /** crowded-field only: how many vendors compete, counting us. */
  vendorCount?: number;
}

export interface PhrasePattern {
  /** Regex source, matched case-insensitively on the normalised sentence; `{name}` expands a macro. */
  source: string;
  /** False for patterns that spell out their own negation context (default true). */
  negatable?: boolean;
}

/** Kinds that still count inside a question. */
const COUNTS_IN_QUESTIONS: ReadonlySet<PhraseKind> = new Set(['price-only', 'value-language']);

/** Reusable pieces of the pattern table. */
const MACROS: Record<string, string> = {
  boss:
    '(?:boss|bosses|manager|managers|director|vp|svp|evp|cfo|ceo|cto|cio|coo|cmo|cro|head of [\\w-]+|supervisor|leadership(?: team)?|management|execs?|executives?|higher-ups|superiors?|procurement|purchasing|board|committee|steering committee|finance(?: team)?|legal(?: team)?|owner|founders?|partners|team)',
  tool: '(?:tool|tools|solution|solutions|system|systems|platform|platforms|product|software|vendor|provider|app|service|something|one)',
  product: '(?:product|tool|platform|system|solution|software|app|api|offering|integration|demo)',
  when: '(?:q[1-4]|h[12]|the new year|the summer|the holidays|the end of the year|year[- ]end|january|february|march|april|june|july|august|september|october|november|december|20\\d\\d)',
  few: '(?:a few|a couple of|a couple|\\d+|two|three|four|five|six|nine|twelve|several|some)',
};

/** The phrase table. Order within a list does not matter; the first match is quoted. */
export const PHRASE_PATTERNS: Record<Exclude<PhraseKind, 'crowded-field'>, PhrasePattern[]> = {
  'no-need': [
    { source: 'al+ready (?:have|have got|got|use|using|own|run|running|pay for|paying for|work with|working with|rely on|license)(?! (?:the |a |an |some )?(?:budget|money|funds|approval|meetings?|call|time|plan)) (?:[\\w-]+ ){0,3}?{tool}(?: for (?:that|this|it))?' },
    { source: 'already (?:have|use|using|pay for|paying for) (?!budget|money|funds|approval|the budget|a budget)[\\w-]+(?: [\\w-]+)? for (?:that|this|it)' },
    { source: '(?:that|this|it) is (?:already )?(?:covered|handled|taken care of)' },
    { source: '(?:have|got) (?:that|this|it) (?:already )?covered' },
    { source: 'not (?:really )?sure (?:if |whether |that )?(?:we|i|our team|the team) (?:really |actually |even |would )*need' },
    { source: '(?:do|does) not (?:really |actually |even )?need (?:this|that|your|another|a new|an additional|such|anything like (?:this|that)|it)(?! until| till| before| yet| right now| now| immediately| this (?:year|quarter|month))' },
    { source: 'no (?:real |actual )?need for (?:this|that|it|your|such|(?:a|an|another) (?:new |separate |additional )?{tool})' },
    { source: '(?:do|does) not (?:really )?think (?:we|i|our team|the team) (?:really |actually |even )?need (?:it|this|that|your|another|such)' },
    { source: '(?:our|the) (?:current|existing|present) (?:[\\w-]+ )?{tool} (?:already )?(?:does|do|covers|handles|offers) (?:the same|that|this|it|all of (?:this|that))' },
    { source: '(?:is|are) not (?:really )?(?:a|an) (?:real |big |major )?(?:problem|issue|pain point|pain) for us' },
    { source: '(?:we|i) do not (?:really )?have (?:this|that|a|an|the|any) (?:problem|issue|pain|pain point|need|use case)' },
    { source: '(?:happy|fine|ok|okay|satisfied|content) with (?:what we have|our current|the current|the status quo|how things are|our existing|the existing)' },
    { source: 'nice[- ]to[- ]have' },
    { source: 'not something (?:we|i) (?:really )?need' },
    { source: '(?:build|develop) (?:it|this|that|something|our own)(?: [\\w-]+)? (?:ourselves|in-house|in house|internally)' },
    { source: '(?:do|does) not see (?:a|the|any) (?:need|use case|reason to (?:change|switch))' },
    { source: 'no (?:real )?use case' },
  ],
  'requirements-unmet': [
    { source: 'deal[- ]?breakers?|show[- ]?stoppers?|non[- ]?starters?|no[- ]go' },
    { source: '(?:you|yours|it|this|that|the {product}|your (?:[\\w-]+ ){0,2}?{product}) (?:does|do|can|will|would) not (?:really |fully |yet |currently )?(?:support|integrate|handle|meet|offer|provide|have(?! to)|work with|cover|comply|connect|scale|allow)' },
    { source: '(?:that|this|it) (?:does|will|would) not work for us' },
    { source: '(?:not|never) going to work for us' },
    { source: '(?:missing|lacks?|lacking) (?:a |the |some )?(?:key|critical|crucial|required|essential|must-have|core|important|basic) (?:feature|features|requirement|requirements|capability|capabilities|functionality|integration|integrations)' },
    { source: '(?:does|do|will|would|did) not (?:fully )?(?:meet|satisfy|fulfil|fulfill|match|cover) (?:our|all (?:of )?our|the|my) (?:[\\w-]+ )?(?:requirements|needs|criteria|standards|specs?|specifications|checklist)' },
    // SPEC lists "must support": a hard requirement stated to a vendor is worth checking.
    { source: 'must (?:support|integrate with|comply with|be compliant|work with|run on|be able to)' },
    { source: '(?:a|the|our) (?:hard|strict|firm|non-negotiable|mandatory) requirement' },
    { source: '(?:no|without|lack of|missing) (?:native |proper |built-in )?(?:support|integration) for' },
    { source: '(?:is|are) not (?:compliant|certified|supported)' },
    { source: '(?:can|could|will) not (?:move forward|go ahead|proceed|sign|buy|go live) without' },
    { source: 'falls? short' },
  ],
  'cost-to-serve': [
    { source: 'custom(?:ized|ised)? (?:development|work|build|builds|feature|features|integration|integrations|code|coding|reports?|reporting|dashboards?|modules?|version)' },
    { source: '(?:special|custom|bespoke|non-standard|nonstandard|unusual|extended) (?:terms|contract|contract terms|payment terms|pricing terms|sla|slas|agreement|clauses?|conditions|legal terms)' },
    { source: '(?:on-site|onsite|on site|in-person|in person) (?:support|team|engineers?|presence|staff|training|consultants?|resources?|visits?|implementation)' },
    { source: '24/7|24 ?x ?7|24 hours a day|around the clock|round[- ]the[- ]clock' },
    { source: '(?:net|payment terms of|payment within) (?:60|75|90|120|180)(?: days)?' },
    { source: 'dedicated (?:engineers?|developers?|team|support(?: team| engineers?)?|account team|resources?|staff|consultants?|person|csm|success manager)' },
    { source: 'unlimited (?:support|revisions|changes|training|customi[sz]ations?|hours|consulting)' },
    { source: 'white[- ]glove' },
    { source: '(?:free|at no (?:extra |additional )?(?:cost|charge)|complimentary) (?:customi[sz]ations?|implementation|onboarding|training|development|consulting|integration|support|migration|professional services)' },
    { source: '(?:customi[sz]ation|implementation|onboarding|training|integration|migration|development) (?:for free|at no (?:extra |additional )?(?:cost|charge))' },
    { source: '(?:customi[sz]ation|implementation|onboarding|training|integration|migration|development|support) (?:should|must|has to|needs to|would have to|will have to) be (?:free|included|at no (?:extra |additional )?(?:cost|charge))' },
    { source: '(?:sign|use|work on|go with) our (?:own )?(?:paper|contract template|msa|terms)' },
    { source: '(?:rewrite|change|modify|rework|adapt|tailor|customi[sz]e) (?:your|the) (?:contract|msa|terms|code|product|platform|software) (?:for|to (?:fit|suit|match)) (?:us|our)' },
    { source: '(?:penalt(?:y|ies)|liquidated damages|service credits) (?:for|if|clause)' },
  ],
  'price-only': [
    { source: 'discount(?:s|ed|ing)?' },
    { source: 'cheaper|cheapest|less expensive|lower[- ]cost (?:option|vendor|alternative)' },
    { source: '(?:best|better|lowest|lower|final|bottom[- ]line|sharper|special|reduced|rock[- ]bottom) (?:price|pricing|prices|rate|rates|offer|deal|number|quote|fee)(?! first)' },
    { source: 'sharpen (?:your|the|their) pencils?|lowest (?:you|u) (?:can|could) (?:go|do)|(?:all|only) about (?:the )?(?:cost|costs|price|money|numbers?)' },
    { source: 'price[- ]match(?:ing)?|match (?:the|their|a|that|this|our|its) (?:price|pricing|quote|offer|rate)' },
    { source: '(?:lower|reduce|bring down|drop|cut|shave|sharpen|come down on|move on|flexible on|flexibility on|negotiate) (?:the |your |on |on the |on your )?(?:price|pricing|cost|costs|quote|rate|fee|fees|number)' },
    { source: '(?:too|very|so|rather|quite|a bit|a little|really) (?:expensive|pricey|costly|steep)' },
    { source: '(?:price|pricing|cost|quote|number) (?:is|are|seems|seem|looks|feels) (?:too |a bit |a little |quite |very |rather )?(?:high|steep|expensive|much)' },
    { source: '\\d+ ?(?:%|percent) off|(?:%|percent) (?:discount|reduction|lower)' },
    { source: '(?:only|mainly|really|primarily|mostly) (?:care|cares|caring|concerned|focused|interested|looking) (?:about|on|in|at) (?:the )?(?:price|cost|pricing|bottom line|number)' },
    { source: 'price is (?:the|our) (?:main|only|deciding|key|biggest|primary) (?:factor|thing|concern|issue|criterion)' },
    { source: 'how much (?:does|would|will|is|do|for)' },
    { source: '(?:over|beyond|above|out of) (?:our|the) (?:budget|price range)|(?:can|could) not afford' },
    { source: 'throw in|sweeten the deal|free (?:months?|licen[cs]es?|seats?)' },
  ],
  'no-urgency': [
    { source: 'no (?:real |big |particular |immediate )?(?:rush|hurry|urgency|deadline|time pressure)' },
    { source: '(?:not|in no) (?:in )?(?:a |any )?(?:rush|hurry)' },
    { source: 'not (?:urgent|pressing|time[- ]sensitive)' },
    { source: 'not (?:a|our|the) (?!low|lower)(?:[\\w-]+ )?priority' },
    { source: '(?:low|lower|low-) ?priority|deprioriti[sz]ed?|back[- ]burner|(?:is|are|was|been|got) paused|on (?:hold|ice|pause)|put (?:this|it|that|things|everything) on (?:hold|ice|pause)' },
    { source: '(?:pause|shelve|park) (?:this|it|the project|the evaluation)' },
    { source: '(?<!before |by |ahead of |prior to )next (?:year|quarter|fiscal year|fiscal|fy|budget cycle|spring|summer|autumn|fall|winter)' },
    // "we will not do anything until next year": the negator belongs to the phrase.
    { source: '(?:not|nothing) (?:[\\w-]+ ){0,4}?(?:until|till|before) (?:next|later|{when})', negatable: false },
    { source: 'circle back(?! (?:tomorrow|today|shortly|soon|this week|later today|with))' },
    { source: '(?:revisit|reconnect|reconvene|pick (?:this|it) (?:back )?up|touch base|check back|come back to (?:this|it|you)|reach out|get back to you|follow up|talk|resume|look at (?:it|this|that) again) (?:(?:this|it|that|the topic|things) )?(?:again )?(?:in {few} (?:months|quarters|weeks)|(?:in|after|around) {when}|later (?:this|next) year)' },
    { source: '(?:later|sometime|some time|early|late) (?:this|next) (?:year|quarter)' },
    { source: 'take (?:our|my) time|wait and see|down the (?:road|line)' },
    { source: '(?:no|not any) (?:set|fixed|firm|hard) (?:timeline|deadline|date|timeframe)' },
  ],
  gatekeeper: [
    { source: 'run (?:it|this|that|things|everything|them|the [\\w-]+) (?:by|past) (?:my|our|the) (?:[\\w-]+ )?{boss}' },
    { source: 'not (?:my|our) (?:call|decision|choice)' },
    { source: 'not up to (?:me|us)' },
    { source: '(?:i|we) (?:do|does) not (?:make|have|get|own) (?:the |a )?(?:final )?(?:decision|decisions|call|say|authority|sign-off|signoff|signing authority|budget authority|final word)' },
    { source: '(?<!(?:have|has|had|got|received|obtained|with) (?:the )?)(?:approval|sign-off|signoff|sign off|buy-in|the green light|the go-ahead) from (?:my|our|the) (?:[\\w-]+ )?{boss}' },
    { source: '(?:my|our) (?:[\\w-]+ )?{boss} (?:will |would |has to |have to |needs to |need to |must |will have to |would have to )?(?:decide|decides|approve|approves|sign off|signs off|make the (?:final )?(?:call|decision)|makes the (?:final )?(?:call|decision)|have the final say|has the final say|own the decision|owns the decision|holds? the purse strings)' },
    { source: 'above my pay ?grade' },
    { source: 'not the (?:one|person) (?:who (?:makes|decides|signs|has)|making|to make|deciding|signing|with the)|not the (?:final )?decision[- ]?maker' },
    { source: '(?:check|check in|confer|consult) with (?:my|our) (?:[\\w-]+ )?{boss}' },
    { source: '(?:pass|forward|take) (?:it|this|that|the proposal|your proposal) (?:along |on |up )?(?:to|with) (?:my|our|the) (?:[\\w-]+ )?{boss}' },
    { source: '(?:go|goes|route|routed|come|comes) through me' },
    { source: '(?:please )?(?:do not|no need to) (?:contact|reach out to|email|call|loop in|cc|involve) (?:my|our|anyone|others|him|her|them)' },
    { source: '(?:single|sole|only) point of contact' },
    { source: '(?:decision|final call|final say) (?:sits|lies|rests|is) with (?:my|our|the) (?:[\\w-]+ )?{boss}' },
  ],
  'budget-hidden': [
    { source: '(?:can|could|will|would) not (?:share|disclose|discuss|reveal|tell you|give you|talk about|go into|confirm|provide) (?:the |our |a |any |what (?:the|our) )?(?:budget|budgets|budget range|spend)' },
    { source: '(?:(?:not able|unable|not allowed|not at liberty|not in a position|not comfortable) to|(?:prefer|rather) not(?: to)?) (?:share|disclose|discuss|reveal|talk about|give you|tell you|confirm) (?:the |our |a |any |what (?:the|our) )?(?:budget|budgets|budget range|spend)' },
    { source: 'budget (?:is |is still |are |remains )?(?:tbd|tbc|to be (?:determined|confirmed|decided|defined)|confidential|private|internal|undisclosed|unknown|undecided|not (?:yet )?(?:set|defined|determined|decided|finali[sz]ed|known|allocated|something we share))' },
    { source: '(?:have|has) not (?:yet )?(?:set|defined|allocated|decided on|agreed on|finali[sz]ed|determined) (?:a|the|any|our) budget' },
    { source: 'no budget (?:yet|set|defined|allocated)' },
    { source: 'budget (?:is )?(?:still )?(?:being (?:finali[sz]ed|worked out|discussed|decided)|in (?:flux|progress|discussion))' },
    { source: '(?:tell|show|give) (?:us|me) your (?:price|pricing|number|best price|best number) first' },
  ],
  'no-value': [
    { source: '(?:do|does|did|can|could) not (?:really |quite |yet |fully )?see (?:the |any |much |enough |a lot of |real |what the )?(?:real )?(?:value|benefit|benefits|point|roi|return|upside|difference|advantage|added value|business case)' },
    { source: '(?:fail|failing|struggle|struggling|hard|difficult) to see (?:the |any |much )?(?:value|benefit|point|roi)' },
    { source: 'not (?:really |quite )?(?:worth|worthwhile)' },
    { source: '(?:no|little|limited|questionable|unclear|minimal|marginal) (?:real )?(?:value|roi|benefit|return|upside|added value)' },
    { source: '(?:value|roi|benefits?|business case|return|upside) (?:is|are|seems|remains) (?:not (?:clear|there|obvious|convincing)|unclear|questionable|limited|minimal|marginal|low|weak)' },
    { source: '(?:hard|difficult|tough) to justify|(?:can|could) not justify|not justifiable' },
    { source: '(?:do|does|did|will) not (?:really )?(?:add|bring|offer|provide|deliver) (?:much |enough |any |real |a lot of )?(?:value|benefit)' },
    { source: 'not convinced (?:(?:of|about|by) (?:the |its |your )?(?:value|benefits?|roi)|(?:it|this|that|the {product}) (?:is|would|will|adds|helps|solves))' },
    { source: '(?:do|does|would|will|did) not (?:really )?(?:move the needle|make (?:a|much|any) difference)' },
    { source: 'overkill|waste of (?:money|time|budget)' },
    { source: 'not (?:sure|clear) (?:what|how) (?:the |your )?(?:value|benefit|{product}) (?:is|would|adds|brings|does for us)' },
  ],
  'value-language': [
    { source: 'value|valuable|roi|return on (?:the )?investment|pays? (?:for )?itself|payback' },
    { source: '(?:save|saves|saving|savings) (?:us |our team |them )?(?:time|money|hours|costs?|effort|headcount)|time savings|cost savings' },
    { source: 'efficien(?:t|cy|cies)|productivity|productive' },
    { source: 'worth (?:it|the (?:money|price|investment|cost))' },
    { source: 'business case|impact|benefits?|outcomes|quality' },
    { source: '(?:solve|solves|solving|fix|fixes|address|addresses) (?:our|the|this|that) (?:problem|issue|pain|need)' },
    { source: '(?:love|like|impressed (?:by|with)) (?:the|your) (?:features?|{product}|capabilities|functionality)' },
  ],
};

// ---------------------------------------------------------------- normalising

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwon'?t\b/g, 'will not'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  // Apostrophe-less spellings common in quick emails.
  [/\b(do|does|did|is|are|was|were|have|has|had|would|could|should)nt\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they|he|she|it)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
  [/\blet's\b/g, 'let us'],
  // Only pronouns: "Hooli's" stays a possessive.
  [/\b(it|that|this|there|here|what|who|where|he|she)'s\b/g, '$1 is'],
  // "its not", "its too expensive": the apostrophe-less "it is" (not the possessive "its price").
  [/\bits (?=not\b|a\b|an\b|too\b|very\b|more\b|already\b|all\b|only\b|just\b|really\b|quite\b|way\b|down\b|over\b|between\b)/g, 'it is '],
];

/** Lower case, straight quotes, contractions spelled out, single spaces. */
export function normalizeForMatching(text: string): string {
  let out = text
    .replace(/[\u2018\u2019\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}

function expandMacros(source: string): string {
  return source.replace(/\{(\w+)\}/g, (whole, name: string) => MACROS[name] ?? whole);
}

/** Word-bounded, even for patterns that start or end with punctuation ("24/7"). */
function compile(source: string): RegExp {
  return new RegExp(`(?<![\\w-])(?:${expandMacros(source)})(?![\\w-])`, 'g');
}

/** A regexp with literals one of which each of its matches contains (null: none known). */
interface Prefiltered {
  regex: RegExp;
  literals: readonly string[] | null;
}

/** Every prefiltered regexp, in the order of creation: the order of PHRASE_LITERALS. */
const prefilteredInOrder: RegExp[] = [];

/**
 * The literals come from a table made at build time (scripts/phrase-literals.mjs): derived here,
 * they cost a cold worker ~20 ms at start. An entry made for a source of another length is stale
 * (a pattern edited without regenerating; tests/unit/prefilter.test.ts fails then): that regexp
 * then runs on every sentence, slower but with the same matches. So the worker does not carry
 * the prefilter's derivation (./prefilter.ts) at all.
 */
function prefiltered(regex: RegExp): Prefiltered {
  const entry = PHRASE_LITERALS[prefilteredInOrder.length];
  prefilteredInOrder.push(regex);
  return { regex, literals: entry && entry[0] === regex.source.length ? entry[1] : null };
}

/** For scripts/phrase-literals.mjs and the tests: the regexps whose literals PHRASE_LITERALS holds. */
export function prefilteredRegexps(): readonly RegExp[] {
  return prefilteredInOrder;
}

/**
 * False only when `text` holds none of the literals, so the regexp cannot match it. V8 compiles
 * a regexp the first time it runs it (0.3-4 ms for the big patterns here, ~40 ms over the table
 * on a cold worker), and most patterns cannot match most sentences: this skips running them.
 * A necessary condition only: true does not mean a match.
 */
function mayMatch(text: string, literals: readonly string[] | null): boolean {
  if (literals === null) return true;
  // A plain loop: this runs cold too, where a callback per literal costs more.
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i] ?? '')) return true;
  return false;
}

/** The regexp's matches in `text`, without running it when the prefilter rules a match out. */
function matchesIn(text: string, { regex, literals }: Prefiltered): Iterable<RegExpExecArray> {
  return mayMatch(text, literals) ? text.matchAll(regex) : [];
}

// ---------------------------------------------------------------- sentences

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'inc', 'ltd', 'co', 'corp', 'llc', 'gmbh', 'vs', 'etc',
  'e.g', 'i.e', 'eg', 'ie', 'approx', 'no', 'nr', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'ca', 'bzw', 'z.b', 'u.a',
]);

/** Splits a paragraph at . ! ? followed by a space and a capital, digit or quote. */
function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)(["')\]]*)\s+(?=["'([]?[\p{Lu}\d])/gu;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(paragraph)) !== null) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const lastWord = /([\p{L}.]+)$/u.exec(paragraph.slice(start, match.index))?.[1]?.toLowerCase() ?? '';
    // "Dr. Smith", "e.g. Contoso": not a sentence end (single letters are initials).
    if (match[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    sentences.push(paragraph.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(paragraph.slice(start));
  return sentences;
}

/**
 * Splits message text into sentences. Blank lines, bullets and lines ending in punctuation
 * end a sentence; other line breaks are hard wraps and are joined.
 */
export function splitSentences(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let current = '';
  for (const rawLine of lines) {
    const line = rawLine.trim();
    const startsItem = /^(?:[-*•·]|\d+[.)])\s/.test(line);
    if (!line || startsItem || /[.!?:;,…]["')\]]*$/.test(current)) {
      if (current) paragraphs.push(current);
      current = line;
    } else {
      current = current ? `${current} ${line}` : line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs
    .flatMap(splitParagraph)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

export function isQuestion(sentence: string): boolean {
  return /\?["')\]]*\s*$/.test(sentence.trim());
}

// ---------------------------------------------------------------- negation

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'hardly', 'barely', 'nobody', 'nothing', 'none']);
/** How many words before a match a negator may sit to negate it. */
const NEGATION_WINDOW = 4;
const CLAUSE_BREAK = /[,;:()\u2013\u2014]| - |\b(?:but|however|although|though|whereas|while|because|and|so)\b/;

/** True when a negator sits in the few words before `index`, within the same clause. */
export function isNegatedAt(normalized: string, index: number): boolean {
  const clause = normalized.slice(0, index).split(CLAUSE_BREAK).pop() ?? '';
  const words = clause.split(/\s+/).filter(Boolean).slice(-NEGATION_WINDOW);
  return words.some((word) => NEGATORS.has(word.replace(/[^a-z]/g, '')));
}

/** Words opening a condition or a supposition: what follows in the clause is not a statement. */
const HYPOTHETICAL = /\b(?:if|unless|suppose|supposing|assuming|whether|in case|even if|what if|imagine)\b/;

/** True when the match sits inside a condition ("if we had no budget, ..."), in the same clause. */
export function isHypotheticalAt(normalized: string, index: number): boolean {
  const clause = normalized.slice(0, index).split(CLAUSE_BREAK).pop() ?? '';
  return HYPOTHETICAL.test(clause);
}

/**
 * Words in double quotes are someone else's (usually ours, quoted back: 'you said "no rush"'):
 * blank them out so they cannot flag. The quote marks stay as a clause break.
 */
function withoutQuotedSpeech(normalized: string): string {
  return normalized.replace(/"[^"]{1,300}"/g, ' - ');
}

// ---------------------------------------------------------------- vendor counts

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  'a couple of': 2, 'a couple': 2, 'a pair of': 2, 'a dozen': 12, 'half a dozen': 6,
};
const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half a dozen|a dozen|a couple of|a couple|a pair of)';
const VENDOR_NOUN =
  '(vendors?|suppliers?|providers?|companies|options|solutions|tools|platforms|products|bidders|firms|partners|candidates|alternatives|offerings|proposals|competitors|contenders|players|agencies|consultancies|systems)';

/** A number next to a vendor noun only counts in a sentence about comparing vendors. */
const EVALUATION_CONTEXT =
  /\b(?:evaluat|consider|compet|looking at|look at|talking to|talk to|speaking (?:to|with)|compar|shortlist|short-list|short list|review|assess|meeting with|in talks|narrow|down to|in the running|in the mix|in the race|on the table|rfp|rfq|tender|bake-off|pilot|demo|trial|pitch|bid|between|one of|final)/;

/** "you and two others", "you and 2 other vendors": the others plus us. */
const YOU_AND_OTHERS = prefiltered(new RegExp(`\\byou and ${NUMBER} (?:others?|more|(?:other |more )?${VENDOR_NOUN})(?![\\w-])`, 'g'));
/** "you are one of five": the stated total. */
const ONE_OF = prefiltered(new RegExp(`\\b(?:you|your (?:company|team|firm|product)) (?:are |is )?(?:one|1) of (?:the )?(?:final |last |top )?${NUMBER}`, 'g'));
/** "narrowed it down to three", "a shortlist of four": the stated total. */
const SHORTLIST_OF = prefiltered(new RegExp(`\\b(?:narrowed|narrowing|cut) (?:it |this |the field |the list )?down to ${NUMBER}|(?:shortlist|short-list|short list) of ${NUMBER}`, 'g'));
/** "five vendors", "three other vendors", "4 of your competitors". */
const COUNT_NOUN = prefiltered(new RegExp(`(?<![\\w-])${NUMBER} (?:(of your|other|different|competing|alternative|additional|potential|possible|shortlisted|[\\w-]+) )?${VENDOR_NOUN}(?![\\w-])`, 'g'));

/** Said when the buyer's number already includes us. */
const INCLUDES_US = /\b(?:including|incl\.?|counting) (?:you|yours|your (?:company|team|firm|product))\b|\byou included\b/;
/** Said when the buyer's number leaves us out. */
const BESIDES_US = /\b(?:besides|other than|apart from|aside from|in addition to|on top of|as well as|plus|except) (?:you|yours|your (?:company|team|firm|product))\b/;

function numberValue(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/**
 * How many vendors compete, counting us, from a sentence (null when it states no number).
 * The rule: the number the buyer states is the count ("evaluating five vendors" = 5,
 * "three vendors, including you" = 3). We add 1 for us only when the number leaves us
 * out: "you and two others" (= 3), "three other vendors" / "N competitors" /
 * "four vendors besides you" (= N + 1). "including you" never adds 1. Vague amounts
 * ("several", "many") give no number.
 */
export function vendorCountIn(normalized: string): { count: number; index: number; phrase: string } | null {
  // Both say "you": without it neither can match, and neither is compiled on a cold worker.
  const saysYou = normalized.includes('you');
  const includesUs = saysYou && INCLUDES_US.test(normalized);
  const besidesUs = saysYou && !includesUs && BESIDES_US.test(normalized);
  const found: Array<{ count: number; index: number; phrase: string }> = [];

  for (const match of matchesIn(normalized, YOU_AND_OTHERS)) {
    const others = numberValue(match[1]);
    if (others !== null) found.push({ count: includesUs ? others : others + 1, index: match.index, phrase: match[0] });
  }
  for (const pattern of [ONE_OF, SHORTLIST_OF]) {
    for (const match of matchesIn(normalized, pattern)) {
      const total = numberValue(match[1] ?? match[2]);
      if (total !== null) found.push({ count: total, index: match.index, phrase: match[0] });
    }
  }
  if (EVALUATION_CONTEXT.test(normalized) || includesUs || besidesUs) {
    for (const match of matchesIn(normalized, COUNT_NOUN)) {
      const stated = numberValue(match[1]);
      if (stated === null) continue;
      const qualifier = match[2] ?? '';
      const noun = match[3] ?? '';
      // Not "one vendor" after "you and": already counted by YOU_AND_OTHERS.
      if (normalized.slice(Math.max(0, match.index - 8), match.index).endsWith('you and ')) continue;
      const leavesUsOut = /^(?:other|competing|of your)$/.test(qualifier) || noun === 'competitors' || besidesUs;
      found.push({ count: leavesUsOut && !includesUs ? stated + 1 : stated, index: match.index, phrase: match[0] });
    }
  }
  const counted = found.filter((hit) => !isNegatedAt(normalized, hit.index));
  if (counted.length === 0) return null;
  return counted.reduce((most, hit) => (hit.count > most.count ? hit : most));
}

// ---------------------------------------------------------------- detection

const COMPILED = (Object.entries(PHRASE_PATTERNS) as Array<[Exclude<PhraseKind, 'crowded-field'>, PhrasePattern[]]>).map(
  ([kind, patterns]) => ({
    kind,
    // Each with its literals from the build-time table: what the prefilter checks per sentence.
    patterns: patterns.map((pattern) => ({ ...prefiltered(compile(pattern.source)), negatable: pattern.negatable !== false })),
  }),
);

/** For tests: every regexp the detector runs behind the literal prefilter, with its literals. */
export function prefilteredPatterns(): Array<{ name: string; regex: RegExp; literals: readonly string[] | null }> {
  return [
    ...COMPILED.flatMap(({ kind, patterns }) => patterns.map(({ regex, literals }, i) => ({ name: `${kind} #${i + 1}`, regex, literals }))),
    ...Object.entries({ YOU_AND_OTHERS, ONE_OF, SHORTLIST_OF, COUNT_NOUN }).map(([name, { regex, literals }]) => ({ name, regex, literals })),
  ];
}

function firstUnnegatedMatch(
  normalized: string,
  patterns: ReadonlyArray<Prefiltered & { negatable: boolean }>,
  hypotheticalCounts: boolean,
): string | null {
  for (const { regex, literals, negatable } of patterns) {
    if (!mayMatch(normalized, literals)) continue;
    for (const match of normalized.matchAll(regex)) {
      if (negatable && isNegatedAt(normalized, match.index)) continue;
      if (!hypotheticalCounts && isHypotheticalAt(normalized, match.index)) continue;
      return match[0].trim();
    }
  }
  return null;
}

/** Everything one buyer sentence signals, at most one hit per kind. */
export function detectPhrases(sentence: string): PhraseHit[] {
  const normalized = withoutQuotedSpeech(normalizeForMatching(sentence));
  if (!normalized.trim()) return [];
  const question = isQuestion(normalized);
  const hits: PhraseHit[] = [];
  for (const { kind, patterns } of COMPILED) {
    if (question && !COUNTS_IN_QUESTIONS.has(kind)) continue;
    // Price talk counts in a condition too: "if you give us 15% off we sign" is price-only.
    const phrase = firstUnnegatedMatch(normalized, patterns, COUNTS_IN_QUESTIONS.has(kind));
    if (phrase !== null) hits.push({ kind, phrase });
  }
  // "the value is unclear" mentions value but is not value language.
  const filtered = hits.some((hit) => hit.kind === 'no-value') ? hits.filter((hit) => hit.kind !== 'value-language') : hits;
  if (!question) {
    const vendors = vendorCountIn(normalized);
    if (vendors) filtered.push({ kind: 'crowded-field', phrase: vendors.phrase, vendorCount: vendors.count });
  }
  return filtered;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first of a custom item's trigger phrases found in a buyer sentence (case-insensitive,
 * word-bounded, not negated, not in a question), or null.
 */
export function matchesCustomPhrase(sentence: string, phrases: readonly string[]): string | null {
  const normalized = normalizeForMatching(sentence);
  if (!normalized || isQuestion(normalized)) return null;
  for (const phrase of phrases) {
    const wanted = normalizeForMatching(phrase);
    if (!wanted) continue;
    const regex = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(wanted).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const match of normalized.matchAll(regex)) {
      if (!isNegatedAt(normalized, match.index)) return phrase;
    }
  }
  return null;
}

/**
 * The scoring (SPEC section 1): facts + checklist + manual answers + settings -> findings
 * and a verdict. Pure and deterministic: `now` is passed in, nothing else is read.
 * Day counts are local calendar days (see signals/parse.ts).
 */
import { latencyEvidence, singleThreadEvidence } from './conversation-evidence';
import { isBuiltInItemId, type BuiltInItemId, type ChecklistItem, type ItemId } from '../checklist/items';
import type { Settings, Thresholds } from '../checklist/settings';
import { FIELD_LABELS, type FieldName } from '../adapters/types';
import { isMail } from '../sites';
import { calendarDaysBetween, formatDay, isBlankValue } from '../signals/parse';
import { detectPhrases, matchesCustomPhrase, type PhraseHit, type PhraseKind } from '../signals/phrases';
import type { BuyerStatement, DealFacts, Touch } from '../signals/types';
import type { Assessment, Evidence, Finding, FindingStatus, ManualAnswer, Verdict } from '../contract/assessment';

export const QUOTE_MAX = 200;
/** At most this many sentences are quoted per finding. */
const MAX_QUOTED_STATEMENTS = 3;

/** Evidence text: whitespace collapsed, at most 200 characters including the ellipsis. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points, so an emoji is never cut in half
  if (chars.length <= QUOTE_MAX) return flat;
  return `${chars.slice(0, QUOTE_MAX - 1).join('').trimEnd()}…`;
}

interface AutoFinding {
  status: FindingStatus;
  evidence: Evidence[];
  reason: string;
}

const flagged = (evidence: Evidence[]): AutoFinding => ({ status: 'flagged', evidence, reason: '' });
const clear = (evidence: Evidence[]): AutoFinding => ({ status: 'clear', evidence, reason: '' });
const unknown = (reason: string, evidence: Evidence[] = []): AutoFinding => ({ status: 'unknown', evidence, reason });

const NO_BUYER_MESSAGES = 'no buyer messages read';
const couldNotRead = (field: FieldName): string => `couldn't read ${FIELD_LABELS[field]}`;

/** Everything the item rules read, computed once per assessment. */
interface ScoringContext {
  facts: DealFacts;
  thresholds: Thresholds;
  now: number;
  /** Buyer sentences with what each one says. */
  statements: Array<{ statement: BuyerStatement; hits: PhraseHit[] }>;
  /** Buyer messages read (price-only counts messages, not sentences). */
  buyerMessageCount: number;
}

function fieldEvidence(facts: DealFacts, field: FieldName): Evidence {
  const raw = facts.raw[field] ?? '';
  return { quote: isBlankValue(raw) && raw.trim() === '' ? '(empty)' : quote(raw), where: `${FIELD_LABELS[field]} field` };
}

function statementEvidence(ctx: ScoringContext, statement: BuyerStatement): Evidence {
  return { quote: quote(statement.text), where: statement.where, source: { dealKey: statement.dealKey ?? ctx.facts.dealKey, messageIndex: statement.messageIndex } };
}

/** One buyer message, across the deal's own thread and its linked ones. */
const messageOf = (statement: BuyerStatement): string => `${statement.dealKey ?? ''}#${statement.messageIndex}`;

function statementsWith(ctx: ScoringContext, kind: PhraseKind): Array<{ statement: BuyerStatement; hit: PhraseHit }> {
  const found: Array<{ statement: BuyerStatement; hit: PhraseHit }> = [];
  for (const { statement, hits } of ctx.statements) {
    const hit = hits.find((h) => h.kind === kind);
    if (hit) found.push({ statement, hit });
  }
  return found;
}

function quoteStatements(ctx: ScoringContext, found: ReadonlyArray<{ statement: BuyerStatement }>): Evidence[] {
  return found.slice(0, MAX_QUOTED_STATEMENTS).map(({ statement }) => statementEvidence(ctx, statement));
}

function timelineWhere(facts: DealFacts): string {
  // A mail site's page is a thread; so is a CRM page with no fields, such as the demo CRM's inbox.
  const isThread = isMail(facts.site) || Object.keys(facts.raw).length === 0;
  return isThread ? 'Email thread' : 'Activity timeline';
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

// ---------------------------------------------------------------- item rules

/** The buyer engaged on one of our touches: a call connected, a meeting was held, they replied. */
function outcomeShowsEngagement(outcome: string): boolean {
  if (/\b(?:no|not|never|un\w*|didn't|did not|missed)\b/.test(outcome)) return false;
  return /\b(?:connected|replied|responded|answered|held|attended|completed|spoke|talked)\b/.test(outcome);
}

function isReply(touch: Touch): boolean {
  return touch.direction === 'theirs' || outcomeShowsEngagement(touch.outcome);
}

function unresponsive(ctx: ScoringContext): AutoFinding {
  const { facts, thresholds, now } = ctx;
  // Notes are internal and future (scheduled) touches have not happened yet.
  const touches = facts.touches.filter((t) => t.kind !== 'note' && t.at <= now).sort((a, b) => a.at - b.at);
  if (touches.length === 0) return unknown("couldn't read the activity timeline");
  const where = timelineWhere(facts);
  let lastReplyIndex = -1;
  touches.forEach((touch, index) => {
    if (isReply(touch)) lastReplyIndex = index;
  });
  const streak = touches.length - lastReplyIndex - 1;
  const lastReply = touches[lastReplyIndex];
  if (lastReply) {
    const daysSince = calendarDaysBetween(lastReply.at, now);
    const summary =
      streak === 0
        ? `The buyer replied last, on ${formatDay(lastReply.at)} (${count(daysSince, 'day')} ago)`
        : `${count(streak, 'touch', 'touches')} from us since the buyer's last reply on ${formatDay(lastReply.at)} (${count(daysSince, 'day')} ago)`;
    const overdue = streak > 0 && daysSince >= thresholds.unresponsiveDays;
    return streak >= thresholds.unresponsiveTouches || overdue ? flagged([{ quote: summary, where }, ...latencyEvidence(facts)]) : clear([{ quote: summary, where }]);
  }
  // No reply at all: the silence is counted from our first touch (the rules leave this case open).
  const first = touches[0];
  const daysSince = first ? calendarDaysBetween(first.at, now) : 0;
  const summary = `${count(streak, 'touch', 'touches')} from us since ${first ? formatDay(first.at) : ''} and no reply`;
  return streak >= thresholds.unresponsiveTouches || daysSince >= thresholds.unresponsiveDays
    ? flagged([{ quote: summary, where }])
    : clear([{ quote: summary, where }]);
}

function stalled(ctx: ScoringContext): AutoFinding {
  const { facts, thresholds, now } = ctx;
  const reasons: Evidence[] = [];
  const known: Evidence[] = [];

  if (facts.daysInStage !== null) {
    const evidence =
      facts.raw.daysInStage !== undefined && !isBlankValue(facts.raw.daysInStage)
        ? fieldEvidence(facts, 'daysInStage')
        : { quote: `${facts.daysInStage} days in stage (entered ${facts.raw.stageEnteredDate ?? ''})`, where: 'Stage entered date field' };
    (facts.daysInStage >= thresholds.stalledDaysInStage ? reasons : known).push(evidence);
  }
  if (facts.closeDate !== null && !facts.closed && calendarDaysBetween(facts.closeDate, now) > 0) {
    reasons.push(fieldEvidence(facts, 'closeDate'));
  }
  if (facts.closeDatePushes >= thresholds.stalledPushes) {
    reasons.push({ quote: `Close date pushed ${facts.closeDatePushes} times`, where: facts.closeDatePushSource === 'history' ? "The CRM's close date history" : 'Earlier visits to this deal' });
  }
  const newestTouch = facts.touches.reduce<number | null>((newest, t) => (t.at <= now && (newest === null || t.at > newest) ? t.at : newest), null);
  const newest = Math.max(facts.lastActivity ?? -Infinity, newestTouch ?? -Infinity);
  if (Number.isFinite(newest)) {
    const evidence =
      facts.lastActivity !== null && facts.lastActivity >= newest
        ? fieldEvidence(facts, 'lastActivityDate')
        : { quote: `Last touch on ${formatDay(newest)}`, where: timelineWhere(facts) };
    (calendarDaysBetween(newest, now) >= thresholds.stalledIdleDays ? reasons : known).push(evidence);
  }

  if (reasons.length > 0) return flagged(reasons);
  if (facts.daysInStage !== null || Number.isFinite(newest)) return clear(known);
  return unknown(`${couldNotRead('daysInStage')} or ${FIELD_LABELS.lastActivityDate}`);
}

function noUrgency(ctx: ScoringContext): AutoFinding {
  const { facts, thresholds, now } = ctx;
  const phrases = statementsWith(ctx, 'no-urgency');
  const farOut = facts.closeDate !== null && calendarDaysBetween(now, facts.closeDate) > thresholds.noUrgencyDays;
  if (farOut || phrases.length > 0) {
    return flagged([...(farOut ? [fieldEvidence(facts, 'closeDate')] : []), ...quoteStatements(ctx, phrases)]);
  }
  if (facts.closeDate !== null) return clear([fieldEvidence(facts, 'closeDate')]);
  if (ctx.buyerMessageCount > 0) return clear([]);
  return unknown(`${couldNotRead('closeDate')}; ${NO_BUYER_MESSAGES}`);
}

function crowdedField(ctx: ScoringContext): AutoFinding {
  const { facts, thresholds } = ctx;
  const listedVendors = facts.competitors === null ? null : facts.competitors.length + 1;
  const stated = statementsWith(ctx, 'crowded-field').filter(({ hit }) => (hit.vendorCount ?? 0) > thresholds.maxVendors);
  const tooManyListed = listedVendors !== null && listedVendors > thresholds.maxVendors;
  if (tooManyListed || stated.length > 0) {
    return flagged([...(tooManyListed ? [fieldEvidence(facts, 'competitors')] : []), ...quoteStatements(ctx, stated)]);
  }
  if (listedVendors !== null) return clear([fieldEvidence(facts, 'competitors')]);
  if (ctx.buyerMessageCount > 0) return clear([]);
  return unknown(`${couldNotRead('competitors')}; ${NO_BUYER_MESSAGES}`);
}

function describeContacts(contacts: DealFacts['contacts']): string {
  return contacts.map((c) => (c.roleText ? `${c.name} (${c.roleText})` : c.name)).join(', ');
}

function gatekeeper(ctx: ScoringContext): AutoFinding {
  const { facts } = ctx;
  const phrases = statementsWith(ctx, 'gatekeeper');
  const deciders = facts.contacts.filter((c) => c.role === 'decision-maker' || c.role === 'economic-buyer');
  // Contacts shown without any role (common outside Salesforce) say nothing about who decides.
  const withRoles = facts.contacts.filter((c) => c.roleText !== '');
  const noDecider = withRoles.length > 0 && deciders.length === 0;
  if (phrases.length > 0 || noDecider) {
    return flagged([...(noDecider ? [{ quote: quote(describeContacts(withRoles)), where: 'Contacts' }] : []), ...quoteStatements(ctx, phrases), ...singleThreadEvidence(facts)]);
  }
  if (deciders.length > 0) return clear([{ quote: quote(describeContacts(deciders)), where: 'Contacts' }]);
  if (ctx.buyerMessageCount > 0) return clear([]);
  return unknown(`${facts.contacts.length === 0 ? "couldn't read contacts" : 'contacts show no roles'}; ${NO_BUYER_MESSAGES}`);
}

/** Early stages, where an empty budget is normal. */
const EARLY_STAGE = /prospect|\blead|\bnew\b|qualif|discovery|appointment|\bintro/i;

function budgetHidden(ctx: ScoringContext): AutoFinding {
  const { facts } = ctx;
  const phrases = statementsWith(ctx, 'budget-hidden');
  let field: 'flagged' | 'clear' | 'no stage' | 'absent' = 'absent';
  if (facts.budget !== null) {
    if (!isBlankValue(facts.budget)) field = 'clear';
    else if (facts.stage === null) field = 'no stage';
    else field = EARLY_STAGE.test(facts.stage) ? 'clear' : 'flagged';
  }
  const budgetEvidence = facts.budget === null ? [] : [fieldEvidence(facts, 'budget')];
  const stageEvidence = facts.stage === null ? [] : [fieldEvidence(facts, 'stage')];
  if (phrases.length > 0 || field === 'flagged') {
    return flagged([...(field === 'flagged' ? [...budgetEvidence, ...stageEvidence] : []), ...quoteStatements(ctx, phrases)]);
  }
  if (field === 'clear') return clear(isBlankValue(facts.budget) ? [...budgetEvidence, ...stageEvidence] : budgetEvidence);
  if (ctx.buyerMessageCount > 0) return clear([]);
  if (field === 'no stage') return unknown(`Budget is empty and ${couldNotRead('stage')}`, budgetEvidence);
  return unknown(`${couldNotRead('budget')}; ${NO_BUYER_MESSAGES}`);
}

function priceOnly(ctx: ScoringContext): AutoFinding {
  const { facts, thresholds } = ctx;
  // The CRM discount field is worth showing, but never flags on its own.
  const discount = facts.discount !== null ? [fieldEvidence(facts, 'discount')] : [];
  if (ctx.buyerMessageCount === 0) return unknown(NO_BUYER_MESSAGES, discount);
  const price = statementsWith(ctx, 'price-only');
  const priceMessages = new Set(price.map(({ statement }) => messageOf(statement))).size;
  const valueMessages = new Set(statementsWith(ctx, 'value-language').map(({ statement }) => messageOf(statement))).size;
  const dominates =
    priceMessages >= thresholds.priceOnlyMinMessages &&
    priceMessages / ctx.buyerMessageCount >= thresholds.priceOnlyShare &&
    valueMessages === 0;
  return dominates ? flagged([...quoteStatements(ctx, price), ...discount]) : clear(discount);
}

function phraseItem(kind: PhraseKind): (ctx: ScoringContext) => AutoFinding {
  return (ctx) => {
    const found = statementsWith(ctx, kind);
    if (found.length > 0) return flagged(quoteStatements(ctx, found));
    return ctx.buyerMessageCount > 0 ? clear([]) : unknown(NO_BUYER_MESSAGES);
  };
}

const DISQUALIFIED = /disqualif|unqualified|not a (?:good )?fit|\bno fit\b|poor fit|bad fit/i;

function poorFit(ctx: ScoringContext): AutoFinding {
  const { facts } = ctx;
  for (const field of ['segment', 'companySize'] as const) {
    const raw = facts.raw[field];
    if (raw !== undefined && DISQUALIFIED.test(raw)) return flagged([fieldEvidence(facts, field)]);
  }
  return unknown('answer by hand');
}

const BUILT_IN_RULES: Record<BuiltInItemId, (ctx: ScoringContext) => AutoFinding> = {
  'no-need': phraseItem('no-need'),
  'requirements-unmet': phraseItem('requirements-unmet'),
  'poor-fit': poorFit,
  'cost-to-serve': phraseItem('cost-to-serve'),
  'price-only': priceOnly,
  'no-urgency': noUrgency,
  gatekeeper,
  'budget-hidden': budgetHidden,
  'crowded-field': crowdedField,
  unresponsive,
  stalled,
  'no-value': phraseItem('no-value'),
};

function customItem(item: ChecklistItem, ctx: ScoringContext): AutoFinding {
  const phrases = item.phrases.filter((phrase) => phrase.trim() !== '');
  // Nothing to look for: only the rep can answer.
  if (phrases.length === 0) return unknown('answer by hand');
  const found = ctx.statements.filter(({ statement }) => matchesCustomPhrase(statement.text, phrases) !== null);
  if (found.length > 0) return flagged(quoteStatements(ctx, found));
  return ctx.buyerMessageCount > 0 ? clear([]) : unknown(NO_BUYER_MESSAGES);
}

// ---------------------------------------------------------------- assessment

function manualFinding(itemId: ItemId, answer: ManualAnswer, auto: AutoFinding): Finding {
  const note = answer.note.trim();
  return {
    itemId,
    status: answer.status,
    source: 'manual',
    evidence: note ? [{ quote: quote(note), where: `Your answer of ${formatDay(answer.at)}` }] : [],
    reason: note || 'answered by hand',
    auto: { status: auto.status, evidence: auto.evidence, reason: auto.reason },
  };
}

/** The latest answer per item (the caller passes this deal's answers). */
function latestAnswers(answers: readonly ManualAnswer[]): Map<ItemId, ManualAnswer> {
  const latest = new Map<ItemId, ManualAnswer>();
  for (const answer of answers) {
    const current = latest.get(answer.itemId);
    if (!current || answer.at >= current.at) latest.set(answer.itemId, answer);
  }
  return latest;
}

function verdictFor(score: number, knownCount: number, settings: Settings): Verdict {
  const { walkAway, caution, minKnownForPursue } = settings.cutoffs;
  if (score > 0 && score >= walkAway) return 'walk-away';
  if (score > 0 && score >= caution) return 'caution';
  // Below the caution cutoff counts as "nothing flagged" (with default weights: a sum of 0).
  return knownCount >= minKnownForPursue ? 'pursue' : 'unknown';
}

export function assess(
  facts: DealFacts | null,
  checklist: ChecklistItem[],
  answers: ManualAnswer[],
  settings: Settings,
  now: number,
): Assessment {
  const ctx: ScoringContext | null =
    facts === null
      ? null
      : {
          facts,
          thresholds: settings.thresholds,
          now,
          // Detected once when the thread was read (signals/facts.ts); older stored statements now.
          statements: facts.buyerStatements.map((statement) => ({ statement, hits: statement.hits ?? detectPhrases(statement.text) })),
          // Stored facts keep only the statements that matched something, so the count comes with them.
          buyerMessageCount: Math.max(facts.buyerMessageCount, new Set(facts.buyerStatements.map(messageOf)).size),
        };
  const answerByItem = latestAnswers(answers);
  const items = checklist
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.enabled)
    .sort((a, b) => a.item.order - b.item.order || a.index - b.index)
    .map(({ item }) => item);

  let score = 0;
  const findings: Finding[] = [];
  for (const item of items) {
    let auto: AutoFinding;
    if (ctx === null) auto = unknown("couldn't read this page");
    else if (isBuiltInItemId(item.id)) auto = BUILT_IN_RULES[item.id](ctx);
    else auto = customItem(item, ctx);
    const answer = answerByItem.get(item.id);
    const finding: Finding = answer ? manualFinding(item.id, answer, auto) : { itemId: item.id, source: 'auto', ...auto };
    if (finding.status === 'flagged') score += Number.isFinite(item.weight) ? Math.max(0, item.weight) : 0;
    findings.push(finding);
  }

  const knownCount = findings.filter((f) => f.status !== 'unknown').length;
  return {
    verdict: verdictFor(score, knownCount, settings),
    score,
    findings,
    flags: findings.filter((f) => f.status === 'flagged').map((f) => f.itemId),
    knownCount,
  };
}

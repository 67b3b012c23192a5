/**
 * Raw reading (page text) -> DealFacts (parsed, typed). Pure: runs in the worker and in tests.
 */
import type { FieldName, RawActivity, RawMessage, RawReading } from '../adapters/types';
import { calendarDaysBetween, formatDay, isBlankValue, localDayNumber, parseDate, parseDurationDays, parseMoney } from './parse';
import { detectPhrases, splitSentences } from './phrases';
import { conversationSignals, type ThreadMessage } from './conversation';
import { buyerDomains } from './domains';
import { stripQuotedText } from './reply';
import type { BuyerStatement, ContactRole, DealFacts, Touch } from './types';

export interface FactsContext {
  now: number;
  /** The rep's own addresses (any case). */
  ownEmails: string[];
  /** Close dates seen on earlier visits, oldest first. */
  previousCloseDates: number[];
}

const ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, ContactRole]> = [
  [/decision[\s-]?maker|\bdm\b|entscheider|entscheidungstr[äa]ger|d[ée]cideur|final approver|signator/i, 'decision-maker'],
  [/economic buyer|budget[\s-]?(?:holder|owner)|executive sponsor|wirtschaftliche[rn]? (?:k[äa]ufer|entscheider)|budgetverantwortlich/i, 'economic-buyer'],
  [/champion|f[üu]rsprecher|\bcoach\b/i, 'champion'],
  [/influencer|beeinflusser|evaluator|technical buyer|user buyer|end user/i, 'influencer'],
];

/** Maps role text as shown ("Decision Maker", "Economic buyer", "Entscheider") to a role. */
export function contactRoleFrom(text: string): ContactRole {
  return ROLE_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}

/** "Closed won", "Closed lost", "Won", "Lost" (and German equivalents). */
export function isClosedStage(stage: string): boolean {
  return /\bclosed\b|\bwon\b(?!')|\blost\b|gewonnen|verloren|abgeschlossen/i.test(stage);
}

/** Text meaning "we don't know", as opposed to "none". */
const UNKNOWN_VALUE = /^(?:unknown|tbd|tba|to be determined|\?+|unbekannt)$/i;

/**
 * "Contoso, Fabrikam; Acme" -> three names. Empty / "None" / "-" -> [] (no competitors);
 * "Unknown" / "TBD" -> null, like an absent field: nobody knows.
 */
export function splitCompetitors(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (UNKNOWN_VALUE.test(trimmed)) return null;
  if (isBlankValue(trimmed) || /^(?:no competitors?|none known|keine)$/i.test(trimmed)) return [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n|•·]+|\s\/\s/)) {
    const name = part.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
    if (isBlankValue(name) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** Quoted earlier messages, forwards, signatures and footers are cut in reply.ts. */
export { stripQuotedText } from './reply';

/**
 * A logged activity with no direction is ours (reps log their own calls and meetings),
 * unless its outcome says it came in.
 */
function activityDirection(activity: RawActivity): 'ours' | 'theirs' {
  if (activity.direction !== 'unknown') return activity.direction;
  return /\b(?:inbound|incoming|received|eingehend)\b/i.test(activity.outcome) ? 'theirs' : 'ours';
}

function messageDirection(message: RawMessage, reading: RawReading, ownEmails: ReadonlySet<string>): 'ours' | 'theirs' {
  if (message.direction !== 'unknown') return message.direction;
  const from = message.fromEmail.trim().toLowerCase();
  if (from && (ownEmails.has(from) || from === reading.accountEmail?.trim().toLowerCase())) return 'ours';
  return 'theirs';
}

/** How many times the close date moved to a later day, across snapshots then the current value. */
export function countCloseDatePushes(previous: readonly number[], current: number | null): number {
  const series = current === null ? [...previous] : [...previous, current];
  let pushes = 0;
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1];
    const after = series[i];
    if (before !== undefined && after !== undefined && localDayNumber(after) > localDayNumber(before)) pushes++;
  }
  return pushes;
}

/**
 * Pushes in the CRM's own history and across our snapshots are mostly the same pushes
 * seen twice, so the larger count is taken rather than the sum.
 */
function closeDatePushesOf(reading: RawReading, ctx: FactsContext, closeDate: number | null): Pick<DealFacts, 'closeDatePushes' | 'closeDatePushSource'> {
  const locale = reading.locale.trim() || 'en-US';
  let fromHistory = 0;
  for (const change of reading.closeDateChanges ?? []) {
    const from = parseDate(change.from, locale, ctx.now);
    const to = parseDate(change.to, locale, ctx.now);
    if (from !== null && to !== null && localDayNumber(to) > localDayNumber(from)) fromHistory++;
  }
  const fromVisits = countCloseDatePushes(ctx.previousCloseDates, closeDate);
  return fromHistory > fromVisits
    ? { closeDatePushes: fromHistory, closeDatePushSource: 'history' }
    : { closeDatePushes: fromVisits, closeDatePushSource: 'visits' };
}

function fieldText(reading: RawReading, field: FieldName): string | undefined {
  const value = reading.fields[field];
  return value === undefined ? undefined : value.replace(/\s+/g, ' ').trim();
}

export function toFacts(reading: RawReading, ctx: FactsContext): DealFacts {
  const { now } = ctx;
  const locale = reading.locale.trim() || 'en-US';
  const dateOf = (field: FieldName): number | null => {
    const text = fieldText(reading, field);
    return text === undefined ? null : parseDate(text, locale, now);
  };

  const stageText = fieldText(reading, 'stage');
  const stage = stageText && !isBlankValue(stageText) ? stageText : null;
  const closeDate = dateOf('closeDate');

  const daysInStageText = fieldText(reading, 'daysInStage');
  let daysInStage = daysInStageText === undefined ? null : parseDurationDays(daysInStageText);
  if (daysInStage === null) {
    const entered = dateOf('stageEnteredDate');
    if (entered !== null) daysInStage = Math.max(0, calendarDaysBetween(entered, now));
  }

  const budgetText = fieldText(reading, 'budget');
  const discountText = fieldText(reading, 'discount');
  // A zero discount is no discount.
  const discount = discountText && !isBlankValue(discountText) && !/^0+(?:[.,]0+)?\s*%?$/.test(discountText) ? discountText : null;

  const ownEmails = new Set(ctx.ownEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));
  const touches: Touch[] = [];
  for (const activity of reading.activities) {
    const at = parseDate(activity.date, locale, now);
    if (at === null) continue;
    touches.push({ at, direction: activityDirection(activity), kind: activity.kind, outcome: activity.outcome.trim().toLowerCase() });
  }

  const buyerStatements: BuyerStatement[] = [];
  let buyerMessageCount = 0;
  const thread: ThreadMessage[] = [];
  reading.messages.forEach((message, messageIndex) => {
    const direction = messageDirection(message, reading, ownEmails);
    const at = parseDate(message.date, locale, now);
    thread.push({ at, direction, fromEmail: message.fromEmail });
    if (at !== null) touches.push({ at, direction, kind: 'email', outcome: '' });
    if (direction !== 'theirs') return;
    const sender = message.fromEmail.trim() || message.fromName.trim() || 'the buyer';
    const where = at === null ? `Email from ${sender}` : `Email from ${sender}, ${formatDay(at)}`;
    const sentences = splitSentences(stripQuotedText(message.body));
    // A collapsed message (no body) was not read: it must not count as a message without signals.
    if (sentences.length > 0) buyerMessageCount++;
    // The detector runs here, once per sentence: redaction and scoring both use these hits.
    for (const text of sentences) buyerStatements.push({ text, at, messageIndex, where, hits: detectPhrases(text) });
  });
  // Stable: same-day touches keep page order.
  touches.sort((a, b) => a.at - b.at);

  return {
    site: reading.site,
    dealKey: reading.dealKey,
    title: reading.title,
    raw: { ...reading.fields },
    missing: [...reading.missing],
    stage,
    closed: stage !== null && isClosedStage(stage),
    amount: (() => {
      const text = fieldText(reading, 'amount');
      return text === undefined ? null : parseMoney(text, locale);
    })(),
    closeDate,
    createDate: dateOf('createDate'),
    daysInStage,
    lastActivity: dateOf('lastActivityDate'),
    competitors: splitCompetitors(reading.fields.competitors),
    budget: budgetText === undefined ? null : isBlankValue(budgetText) ? '' : budgetText,
    discount,
    contacts: reading.contacts.map((contact) => ({
      name: contact.name.trim(),
      role: contactRoleFrom(contact.role),
      roleText: contact.role.trim(),
    })),
    touches,
    buyerStatements,
    buyerMessageCount,
    ...(thread.length > 0 ? { conversation: conversationSignals(thread, now) } : {}),
    domains: buyerDomains(reading, ctx.ownEmails, thread.filter((m) => m.direction === 'theirs').map((m) => m.fromEmail)),
    ...closeDatePushesOf(reading, ctx, closeDate),
  };
}

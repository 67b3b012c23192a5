/**
 * The bundled demo CRM (demo/): deal records at /deals/<id>, mail threads at
 * /mail/<threadId>. It is our own markup, so class hooks are stable here; fields are
 * still read by their visible labels, as on any CRM.
 */
import { cleanValue, readLabelledFields } from '../../adapters/label-reader';
import { EXPECTED_FIELDS, messageList, type MessageList, type ActivityKind, type Adapter, type Direction, type RawActivity, type RawContact, type RawMessage, type RawReading } from '../../adapters/types';

const HOST = 'demo.walkaway.test';
const DEAL_PATH = /^\/deals\/(\d{1,12})\/?$/;
const THREAD_PATH = /^\/mail\/([A-Za-z0-9-]{1,64})\/?$/;
const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/;

/** Demo markup hooks (2026-11-28: the first and only version of the demo). */
const SELECTORS = {
  /** The rendered record; its data-record says which one, so a stale record is never read. */
  record_2026_11_28: '[data-record]',
  title_2026_11_28: 'h1',
  /** "Signed in as alex@seller.example" in the top bar. */
  account_2026_11_28: '.account',
  contact_2026_11_28: '.contact',
  contactName_2026_11_28: '.contact-name',
  contactRole_2026_11_28: '.contact-role',
  contactEmail_2026_11_28: '.contact-email',
  /** Timeline entry: a title like "Email received" or "Call — No answer", and a <time>. */
  activity_2026_11_28: '.timeline .activity',
  activityTitle_2026_11_28: '.activity-title',
  activityDate_2026_11_28: 'time',
  message_2026_11_28: '.messages .message',
  messageFrom_2026_11_28: '.message-from',
  messageFromName_2026_11_28: '.message-from-name',
  messageTo_2026_11_28: '.message-to-email',
  messageDate_2026_11_28: '.message-date',
  messageBody_2026_11_28: '.message-body',
} as const;

type Route = { kind: 'deal' | 'thread'; record: string };

function routeOf(url: URL): Route | null {
  if (url.hostname !== HOST || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const deal = DEAL_PATH.exec(url.pathname);
  if (deal) return { kind: 'deal', record: `deal-${deal[1]}` };
  const thread = THREAD_PATH.exec(url.pathname);
  if (thread) return { kind: 'thread', record: thread[1]! };
  return null;
}

function text(root: ParentNode, selector: string, max = 300): string {
  return cleanValue(root.querySelector(selector)?.textContent ?? '').slice(0, max);
}

function emailIn(value: string): string {
  return EMAIL.exec(value)?.[0].toLowerCase() ?? '';
}

function readContacts(record: Element): RawContact[] {
  return [...record.querySelectorAll(SELECTORS.contact_2026_11_28)].map((contact) => {
    const email = emailIn(text(contact, SELECTORS.contactEmail_2026_11_28));
    const read: RawContact = { name: text(contact, SELECTORS.contactName_2026_11_28), role: text(contact, SELECTORS.contactRole_2026_11_28) };
    if (email) read.email = email;
    return read;
  });
}

const KINDS: ReadonlyArray<[RegExp, ActivityKind]> = [
  [/\bcall\b/i, 'call'],
  [/\bmeeting\b/i, 'meeting'],
  [/\be-?mail\b/i, 'email'],
  [/\bnote\b/i, 'note'],
];

/** "Email received" / "Email sent" / "Call — No answer" -> kind, direction, outcome. */
export function parseActivityTitle(title: string): { kind: ActivityKind; direction: Direction; outcome: string } | null {
  const [head = '', ...rest] = title.split(/\s+[—–-]\s+/);
  const kind = KINDS.find(([pattern]) => pattern.test(head))?.[1];
  if (!kind) return null;
  let direction: Direction;
  if (/\b(received|inbound|incoming)\b/i.test(head)) direction = 'theirs';
  else if (kind === 'note') direction = 'unknown'; // a note is not a touch either way
  else direction = 'ours'; // sent emails, and the calls and meetings the rep logs
  return { kind, direction, outcome: rest.join(' — ').trim() };
}

function readActivities(record: Element): RawActivity[] {
  const activities: RawActivity[] = [];
  for (const entry of record.querySelectorAll(SELECTORS.activity_2026_11_28)) {
    const parsed = parseActivityTitle(text(entry, SELECTORS.activityTitle_2026_11_28, 200));
    const date = text(entry, SELECTORS.activityDate_2026_11_28, 200);
    if (parsed && date) activities.push({ ...parsed, date, outcome: parsed.outcome.slice(0, 200) });
  }
  return activities;
}

function readMessage(message: Element): RawMessage {
  return {
    fromEmail: emailIn(text(message, SELECTORS.messageFrom_2026_11_28, 1_000)),
    fromName: text(message, SELECTORS.messageFromName_2026_11_28),
    toEmails: [...message.querySelectorAll(SELECTORS.messageTo_2026_11_28)].map((to) => emailIn(to.textContent ?? '')).filter(Boolean),
    date: text(message, SELECTORS.messageDate_2026_11_28, 200),
    // Line breaks kept: they separate the greeting, sentences and sign-off.
    body: (message.querySelector(SELECTORS.messageBody_2026_11_28)?.textContent ?? '').trim().slice(0, 20_000),
    // The worker decides from the account's address which side wrote it.
    direction: 'unknown',
  };
}

function findRecord(doc: Document, record: string): Element | null {
  for (const candidate of doc.querySelectorAll(SELECTORS.record_2026_11_28)) {
    if (candidate.getAttribute('data-record') === record) return candidate;
  }
  return null;
}

/** A thread page's messages (a deal page has none: its mail is in the timeline). */
function messages(doc: Document, url: URL): MessageList {
  const route = routeOf(url);
  const record = route?.kind === 'thread' ? findRecord(doc, route.record) : null;
  return messageList(record ? record.querySelectorAll(SELECTORS.message_2026_11_28) : [], readMessage);
}

export const adapter: Adapter = {
  site: 'demo',
  matches: (url) => routeOf(url) !== null,
  messages,
  read(doc, url): RawReading | null {
    const route = routeOf(url);
    if (!route) return null;
    // Null until the app has rendered this record (it arrives ~250 ms after navigation).
    const record = findRecord(doc, route.record);
    if (!record) return null;
    const accountEmail = emailIn(text(doc, SELECTORS.account_2026_11_28));
    const isDeal = route.kind === 'deal';
    const fields = isDeal ? readLabelledFields(record).fields : {};
    const reading: RawReading = {
      site: 'demo',
      dealKey: `demo:${route.record}`,
      url: url.href,
      locale: doc.documentElement.lang,
      title: text(record, SELECTORS.title_2026_11_28, 500),
      fields,
      // A mail thread has no CRM fields to miss.
      missing: isDeal ? EXPECTED_FIELDS.filter((name) => fields[name] === undefined) : [],
      contacts: isDeal ? readContacts(record) : [],
      activities: isDeal ? readActivities(record) : [],
      messages: isDeal ? [] : messageList(record.querySelectorAll(SELECTORS.message_2026_11_28), readMessage).messages,
    };
    if (accountEmail) reading.accountEmail = accountEmail;
    return reading;
  },
};

/**
 * Outlook on the web, an open conversation: https://outlook.office.com/mail/.../id/<id>
 * (also outlook.live.com and outlook.cloud.microsoft). Reads each message's sender,
 * date and body from the reading pane.
 */
import { readText } from '../../adapters/label-reader';
import { emailIn, emailsIn, mailDate, nameWithoutEmail } from '../../adapters/mail-parts';
import { messageList, type Adapter, type MessageList, type RawMessage, type RawReading } from '../../adapters/types';

const HOSTS = new Set(['outlook.office.com', 'outlook.live.com', 'outlook.cloud.microsoft']);
/** "/mail/inbox/id/<id>", "/mail/0/inbox/id/<id>" (personal accounts), "/mail/id/<id>". */
const CONVERSATION_PATH = /^\/mail\/(?:[^/]+\/)*id\/([^/]{20,})\/?$/;
const MAX_BODY_CHARS = 20_000;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** One message in the reading pane. */
  message_2025: '[aria-label="Email message"]',
  /** Sender; the German UI says "Von: ". */
  sender_2025: 'span[aria-label^="From: "], span[aria-label^="Von: "]',
  /** Recipients, labelled like the sender (our assumption from the From: label). */
  recipients_2025: '[aria-label^="To: "], [aria-label^="An: "], [aria-label^="Cc: "]',
  /** Full date heading, text like "Thu 9/17/2026 2:52 PM". */
  date_2025: '[data-testid="SentReceivedSavedTime"]',
  /** Message body. */
  body_2025: '[id^="UniqueMessageBody"], [aria-label="Message body"]',
  /** Quoted earlier messages inside a body. */
  /** Quoted earlier messages: the reply header and everything after it, and blockquotes. */
  quoted_2025: '#divRplyFwdMsg, #divRplyFwdMsg ~ *, #appendonsend, #appendonsend ~ *, blockquote',
  /** Conversation pane; its first heading other than a message date is the subject. */
  conversation_2025: '[data-app-section="ConversationContainer"]',
  heading_2025: '[role="heading"]',
  /** The account manager's current account line (our assumption: the Microsoft "Me" control ids). */
  account_2025: '#mectrl_currentAccount_secondary, [data-testid="mectrl_currentAccount_secondary"]',
} as const;

function conversationId(url: URL): string | null {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
  const raw = CONVERSATION_PATH.exec(url.pathname)?.[1];
  if (!raw) return null;
  try {
    // The id is base64 with %2B / %2F / %3D escapes; decoded, the same conversation has one key.
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A body's lines without the quoted earlier messages (one object: read for every message). */
const BODY_TEXT = { lines: true, skip: SELECTORS.quoted_2025, max: MAX_BODY_CHARS } as const;

function readMessage(container: Element): RawMessage | null {
  const sender = container.querySelector(SELECTORS.sender_2025);
  if (!sender) return null;
  const label = (sender.getAttribute('aria-label') ?? '').replace(/^(?:From|Von):\s*/, '');
  // The label's address, else the title's, else the text's: the text is read only when needed.
  const fromEmail = emailIn(label) || emailIn(sender.getAttribute('title')) || emailIn(sender.textContent);
  if (!fromEmail) return null; // without a sender we can't tell whose touch it was
  const toEmails = new Set<string>();
  for (const el of container.querySelectorAll(SELECTORS.recipients_2025)) {
    for (const email of emailsIn(el.getAttribute('aria-label'))) toEmails.add(email);
    for (const email of emailsIn(el.textContent)) toEmails.add(email);
  }
  const body = container.querySelector(SELECTORS.body_2025);
  const date = container.querySelector(SELECTORS.date_2025);
  return {
    fromEmail,
    fromName: nameWithoutEmail(label),
    toEmails: [...toEmails],
    // The heading's title, when present, holds the full date even where the text is shortened.
    date: mailDate(date?.getAttribute('title') || (date ? readText(date) : '')),
    body: body ? readText(body, BODY_TEXT) : '',
    direction: 'unknown',
  };
}

function subjectOf(doc: Document): string {
  const pane = doc.querySelector(SELECTORS.conversation_2025);
  if (!pane) return '';
  for (const heading of pane.querySelectorAll(SELECTORS.heading_2025)) {
    if (!heading.matches(SELECTORS.date_2025)) return readText(heading).slice(0, 500);
  }
  return '';
}

/** The conversation's messages: those with a sender, in page order. */
function messages(doc: Document): MessageList {
  return messageList(doc.querySelectorAll(SELECTORS.message_2025), readMessage);
}

export const adapter: Adapter = {
  site: 'outlook',
  matches: (url) => conversationId(url) !== null,
  messages,
  read(doc, url): RawReading | null {
    const id = conversationId(url);
    if (!id) return null;
    const read = messages(doc).messages;
    if (read.length === 0) return null; // the reading pane has not rendered yet
    const reading: RawReading = {
      site: 'outlook',
      dealKey: `outlook:${id}`,
      url: url.href,
      locale: doc.documentElement.lang,
      title: subjectOf(doc),
      fields: {},
      missing: [],
      contacts: [],
      activities: [],
      messages: read,
    };
    const account = emailsIn(doc.querySelector(SELECTORS.account_2025)?.textContent)[0];
    if (account) reading.accountEmail = account;
    return reading;
  },
};

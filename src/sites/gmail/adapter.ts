/**
 * Gmail, an open thread: https://mail.google.com/mail/u/<n>/#<label>/<threadId>
 * (not the inbox list). Reads the subject, each message's sender, recipients, full
 * date and the new part of its body, and the signed-in account's address so the
 * worker can tell our messages from the buyer's.
 */
import { readText } from '../../adapters/label-reader';
import { emailIn, emailsIn, mailDate } from '../../adapters/mail-parts';
import { messageList, type Adapter, type MessageList, type RawMessage, type RawReading } from '../../adapters/types';

/**
 * Thread tokens in the URL: the legacy 16-hex-digit id or the newer ~32-character
 * token (FMfcgz...). Anything shorter is a list page ("#inbox/p2") or a label name.
 */
const THREAD_TOKEN = /^(?:[0-9a-f]{16}|[A-Za-z0-9]{24,80})$/;
const MAIL_PATH = /^\/mail\/u\/\d+\/?$/;
const MAX_BODY_CHARS = 20_000;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** Thread subject; carries data-legacy-thread-id. */
  subject_2025: 'h2.hP',
  /** One message: expanded (div.adn.ads) or collapsed (div.kv / div.adf.ads, header and snippet only). */
  message_2025: 'div.adn.ads, div.kv, div.adf.ads',
  /** Sender, with email and name attributes. */
  sender_2025: 'span.gD[email]',
  /** Recipients in the message header. */
  recipients_2025: 'span.g2[email], .hb span[email]',
  /** Date: the title holds the full localised date; the text is relative ("3 days ago"). */
  date_2025: 'span.g3[title]',
  /** Message body. */
  body_2025: 'div.a3s',
  /** Quoted earlier messages inside a body, and the "..." that hides trimmed content: not this message's words. */
  quoted_2025: '.gmail_quote, blockquote, .gmail_extra, .gmail_signature, .yj6qo, .adL',
  /** Account button: aria-label "Google Account: Name (email)" (German: "Google-Konto: ..."). */
  account_2025: '[aria-label^="Google Account:"], [aria-label^="Google-Konto:"]',
  /** Any locale: the account button links to accounts.google.com and its label holds the address. */
  accountAnyLocale_2025: 'a[href^="https://accounts.google.com/"][aria-label*="@"]',
} as const;

function threadToken(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'mail.google.com' || !MAIL_PATH.test(url.pathname)) return null;
  // "#inbox/<token>", "#label/Work/<token>", "#search/query/<token>"; a trailing "?compose=..." is not part of it.
  const segments = url.hash.replace(/^#/, '').split('?')[0]!.split('/');
  if (segments.length < 2) return null;
  const token = segments[segments.length - 1]!;
  return THREAD_TOKEN.test(token) ? token : null;
}

/**
 * Outermost message containers only (a collapsed header never sits inside an expanded one,
 * but be safe). The list is in document order, so a nested one follows the last kept
 * container and lies inside it: one contains() each, not one per pair (100 messages).
 */
function messageContainers(doc: Document): Element[] {
  const outer: Element[] = [];
  for (const el of doc.querySelectorAll(SELECTORS.message_2025)) {
    const last = outer[outer.length - 1];
    if (!last || !last.contains(el)) outer.push(el);
  }
  return outer;
}

/** A body's lines without the quoted earlier messages (one object: read for every message). */
const BODY_TEXT = { lines: true, skip: SELECTORS.quoted_2025, max: MAX_BODY_CHARS } as const;

function readMessage(container: Element): RawMessage | null {
  const sender = container.querySelector(SELECTORS.sender_2025);
  const fromEmail = emailIn(sender?.getAttribute('email'));
  if (!fromEmail) return null; // without a sender we can't tell whose touch it was
  const recipients = new Set<string>();
  for (const el of container.querySelectorAll(SELECTORS.recipients_2025)) {
    for (const email of emailsIn(el.getAttribute('email'))) recipients.add(email);
  }
  // Only an expanded message shows its body; a collapsed one still counts for dates and direction.
  const body = container.matches('div.adn') ? container.querySelector(SELECTORS.body_2025) : null;
  return {
    fromEmail,
    fromName: (sender?.getAttribute('name') ?? '').trim().slice(0, 300),
    toEmails: [...recipients],
    date: mailDate(container.querySelector(SELECTORS.date_2025)?.getAttribute('title')),
    body: body ? readText(body, BODY_TEXT) : '',
    direction: 'unknown',
  };
}

/** The thread's messages: the containers with a sender, in page order. */
function messages(doc: Document): MessageList {
  return messageList(messageContainers(doc), readMessage);
}

export const adapter: Adapter = {
  site: 'gmail',
  matches: (url) => threadToken(url) !== null,
  messages,
  read(doc, url): RawReading | null {
    const token = threadToken(url);
    if (!token) return null;
    const subject = doc.querySelector(SELECTORS.subject_2025);
    if (!subject) return null; // the thread has not rendered yet
    const reading: RawReading = {
      site: 'gmail',
      dealKey: `gmail:${token}`,
      url: url.href,
      locale: doc.documentElement.lang,
      title: readText(subject).slice(0, 500),
      fields: {},
      missing: [],
      contacts: [],
      activities: [],
      messages: messages(doc).messages,
    };
    const accountButton = doc.querySelector(SELECTORS.account_2025) ?? doc.querySelector(SELECTORS.accountAnyLocale_2025);
    const account = emailIn(accountButton?.getAttribute('aria-label'));
    if (account) reading.accountEmail = account;
    return reading;
  },
};

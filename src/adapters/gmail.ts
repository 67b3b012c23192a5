/**
 * Gmail, an open thread: https://mail.google.com/mail/u/<n>/#<label>/<threadId>
 * (not the inbox list). Reads the subject, each message's sender, recipients, full
 * date and the new part of its body, and the signed-in account's address so the
 * worker can tell our messages from the buyer's.
 */
import { readText } from './label-reader';
import type { Adapter, RawMessage, RawReading } from './types';

/**
 * Thread tokens in the URL: the legacy 16-hex-digit id or the newer ~32-character
 * token (FMfcgz...). Anything shorter is a list page ("#inbox/p2") or a label name.
 */
const THREAD_TOKEN = /^(?:[0-9a-f]{16}|[A-Za-z0-9]{24,80})$/;
const MAIL_PATH = /^\/mail\/u\/\d+\/?$/;
const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/;
const MAX_BODY_CHARS = 20_000;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** Thread subject; carries data-legacy-thread-id. */
  subject_2025: 'h2.hP',
  /** One message: expanded (div.adn.ads) or collapsed (div.kv, header only). */
  message_2025: 'div.adn.ads, div.kv',
  /** Sender, with email and name attributes. */
  sender_2025: 'span.gD[email]',
  /** Recipients in the message header. */
  recipients_2025: 'span.g2[email], .hb span[email]',
  /** Date: the title holds the full localised date; the text is relative ("3 days ago"). */
  date_2025: 'span.g3[title]',
  /** Message body. */
  body_2025: 'div.a3s',
  /** Quoted earlier messages inside a body: not this message's words. */
  quoted_2025: '.gmail_quote, blockquote, .gmail_extra',
  /** Account button: aria-label "Google Account: Name (email)" (German: "Google-Konto: ..."). */
  account_2025: '[aria-label^="Google Account:"], [aria-label^="Google-Konto:"]',
} as const;

function threadToken(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'mail.google.com' || !MAIL_PATH.test(url.pathname)) return null;
  // "#inbox/<token>", "#label/Work/<token>", "#search/query/<token>"; a trailing "?compose=..." is not part of it.
  const segments = url.hash.replace(/^#/, '').split('?')[0]!.split('/');
  if (segments.length < 2) return null;
  const token = segments[segments.length - 1]!;
  return THREAD_TOKEN.test(token) ? token : null;
}

function emailIn(text: string | null | undefined): string {
  return EMAIL.exec(text ?? '')?.[0].toLowerCase() ?? '';
}

/** Outermost message containers only (a collapsed header never sits inside an expanded one, but be safe). */
function messageContainers(doc: Document): Element[] {
  const all = [...doc.querySelectorAll(SELECTORS.message_2025)];
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

function readMessage(container: Element): RawMessage | null {
  const sender = container.querySelector(SELECTORS.sender_2025);
  const fromEmail = emailIn(sender?.getAttribute('email'));
  if (!fromEmail) return null; // without a sender we can't tell whose touch it was
  const toEmails = [...container.querySelectorAll(SELECTORS.recipients_2025)]
    .map((el) => emailIn(el.getAttribute('email')))
    .filter((email, index, list) => email !== '' && list.indexOf(email) === index);
  const body = container.querySelector(SELECTORS.body_2025);
  return {
    fromEmail,
    fromName: (sender?.getAttribute('name') ?? '').trim().slice(0, 300),
    toEmails,
    date: (container.querySelector(SELECTORS.date_2025)?.getAttribute('title') ?? '').trim().slice(0, 200),
    body: body ? readText(body, { lines: true, skip: SELECTORS.quoted_2025, max: MAX_BODY_CHARS }) : '',
    direction: 'unknown',
  };
}

export const gmailAdapter: Adapter = {
  site: 'gmail',
  exampleUrls: [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM',
    'https://mail.google.com/mail/u/1/#label/Prospects/18c2f3a4b5c6d7e8',
    'https://mail.google.com/mail/u/0/#search/from%3Ajordan/FMfcgzGwJmSnWrkXbqTkdWqkhNvLcPKs',
  ],
  matches: (url) => threadToken(url) !== null,
  read(doc, url): RawReading | null {
    const token = threadToken(url);
    if (!token) return null;
    const subject = doc.querySelector(SELECTORS.subject_2025);
    if (!subject) return null; // the thread has not rendered yet
    const messages = messageContainers(doc)
      .map(readMessage)
      .filter((message): message is RawMessage => message !== null);
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
      messages,
    };
    const account = emailIn(doc.querySelector(SELECTORS.account_2025)?.getAttribute('aria-label'));
    if (account) reading.accountEmail = account;
    return reading;
  },
};

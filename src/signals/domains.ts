/**
 * The buyer's company domains, to link a mail thread with the CRM deal of the same company.
 * Pure.
 */
import type { RawReading } from '../adapters/types';

/** Mailbox providers: an address there says nothing about the company. */
const PUBLIC_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'gmx.com',
  'web.de', 't-online.de', 'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'fastmail.com', 'hey.com',
]);
const MAX_DOMAINS = 20;

export function domainOfEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '';
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : '';
}

/**
 * Domains of the people on the buyer's side: contacts in a CRM, senders in a thread.
 * Our own domains (the rep's addresses and the signed-in account) and public mailbox
 * providers are left out.
 */
export function buyerDomains(reading: RawReading, ownEmails: readonly string[], theirSenders: readonly string[]): string[] {
  const own = new Set([...ownEmails, reading.accountEmail ?? ''].map(domainOfEmail).filter(Boolean));
  const found = new Set<string>();
  for (const email of [...reading.contacts.map((contact) => contact.email ?? ''), ...theirSenders]) {
    const domain = domainOfEmail(email);
    if (domain && !own.has(domain) && !PUBLIC_MAIL.has(domain)) found.add(domain);
    if (found.size >= MAX_DOMAINS) break;
  }
  return [...found].sort();
}

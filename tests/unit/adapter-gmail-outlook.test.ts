// @vitest-environment happy-dom
/**
 * Gmail and Outlook thread adapters on fixtures written in the sites' shape (en-US, en-GB,
 * de-DE, a 100-message thread), then through toFacts: dates from the localised headings,
 * direction from the signed-in account, bodies without quotes or signatures, conversation signals.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapter as gmailAdapter } from '../../src/sites/gmail/adapter';
import { adapter as outlookAdapter } from '../../src/sites/outlook/adapter';
import type { Adapter, RawReading } from '../../src/adapters/types';
import { toFacts } from '../../src/signals/facts';
import { detectPhrases } from '../../src/signals/phrases';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const NOW = new Date(2026, 10, 28, 12, 0).getTime();
const GMAIL_URL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM');
const OUTLOOK_URLS = [
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D',
  'https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D',
  'https://outlook.cloud.microsoft/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D',
].map((href) => new URL(href));

function read(adapter: Adapter, path: string, url: URL): RawReading {
  const html = readFileSync(join(FIXTURES, path), 'utf8');
  const reading = adapter.read(new DOMParser().parseFromString(html, 'text/html'), url);
  if (!reading) throw new Error(`${path} read as null`);
  return reading;
}

const day = (at: number | null): string => (at === null ? 'none' : new Date(at).toDateString());
const facts = (reading: RawReading, ownEmails: string[] = []) => toFacts(reading, { now: NOW, ownEmails, previousCloseDates: [] });
const kinds = (reading: RawReading): string[] =>
  facts(reading).buyerStatements.flatMap((statement) => detectPhrases(statement.text).map((hit) => `${hit.kind}@${statement.messageIndex}`));

/** The same five-message thread, in both sites' markup, in en-GB. */
const THREAD_GB: Array<[string, Adapter, string, URL]> = [
  ['Gmail', gmailAdapter, 'gmail/2026-11-28-en-gb.html', GMAIL_URL],
  ['Outlook', outlookAdapter, 'outlook/2026-11-28-en-gb.html', OUTLOOK_URLS[0]!],
];

describe.each(THREAD_GB)('%s, en-GB thread with collapsed messages, two buyers, quotes and a signature', (_site, adapter, path, url) => {
  const reading = read(adapter, path, url);

  it('reads every message, collapsed ones included, with sender, recipients and full date', () => {
    expect(reading.locale).toBe('en-GB');
    expect(reading.accountEmail).toBe('dana@seller.example');
    expect(reading.title).toBe('Proposal for Acme');
    expect(reading.messages.map((m) => [m.fromEmail, m.fromName])).toEqual([
      ['dana@seller.example', 'Dana Rep'],
      ['jordan@acme.example', 'Jordan Buyer'],
      ['dana@seller.example', 'Dana Rep'],
      ['kim@acme.example', 'Kim Lee'],
      ['dana@seller.example', 'Dana Rep'],
    ]);
    expect(reading.messages[2]!.toEmails).toEqual(['jordan@acme.example', 'kim@acme.example']);
    expect(reading.messages.map((m) => m.body === '')).toEqual([true, false, false, false, true]);
    expect(facts(reading).touches.map((t) => `${day(t.at)} ${t.direction}`)).toEqual([
      'Mon Nov 02 2026 ours',
      'Tue Nov 03 2026 theirs',
      'Wed Nov 04 2026 ours',
      'Fri Nov 20 2026 theirs',
      'Mon Nov 23 2026 ours',
    ]);
  });

  it('hears only the buyers, without the quoted reply or the signature', () => {
    const text = facts(reading).buyerStatements.map((s) => s.text).join(' | ');
    expect(text).toBe("Thanks Dana. | Honestly the price is too high for us and we are evaluating five vendors. | I'll have to run it by my boss before Friday.");
    // "There is no rush" sits in the quoted reply: it must not reach the detectors.
    expect(kinds(reading)).toEqual(['price-only@1', 'crowded-field@1', 'gatekeeper@3']);
  });

  it('gives the conversation signals', () => {
    expect(facts(reading).conversation).toEqual({
      ourStreak: 1,
      lastBuyerReplyAt: new Date(2026, 10, 20, 16, 45).getTime(),
      daysSinceBuyerReply: 7,
      replyLatencyDays: [1.2, 16.3],
      latencyTrend: 'unknown',
      buyerParticipants: ['jordan@acme.example', 'kim@acme.example'],
      buyerDomains: ['acme.example'],
      singleThreaded: false,
    });
  });
});

describe.each([
  ['Gmail', gmailAdapter, 'gmail/2026-11-28-de.html', GMAIL_URL],
  ['Outlook', outlookAdapter, 'outlook/2026-11-28-de.html', OUTLOOK_URLS[1]!],
] as Array<[string, Adapter, string, URL]>)('%s, de-DE thread: three of ours after the buyer went quiet', (_site, adapter, path, url) => {
  const reading = read(adapter, path, url);

  it('reads German dates and the German labels', () => {
    expect(reading.locale).toMatch(/^de/);
    expect(reading.accountEmail).toBe('dana@seller.example');
    // Recipients of the expanded messages (a collapsed Gmail header does not list them).
    expect(reading.messages.map((m) => `${m.fromEmail} ${m.body ? m.toEmails.join(',') : '(collapsed)'}`)).toEqual([
      'jordan@acme.example dana@seller.example',
      'dana@seller.example (collapsed)',
      'dana@seller.example (collapsed)',
      'dana@seller.example jordan@acme.example',
    ]);
    expect(facts(reading).touches.map((t) => day(t.at))).toEqual(['Wed Oct 28 2026', 'Wed Nov 04 2026', 'Wed Nov 11 2026', 'Wed Nov 18 2026']);
  });

  it('streak 3, a month of silence, the German quote header cut', () => {
    const result = facts(reading);
    expect(result.conversation).toMatchObject({ ourStreak: 3, daysSinceBuyerReply: 31, singleThreaded: false, buyerDomains: ['acme.example'] });
    expect(result.buyerStatements.map((s) => s.text)).toEqual(['Hallo Dana,', 'we can not share the budget at this stage.']);
    expect(kinds(reading)).toEqual(['budget-hidden@0']);
  });
});

describe.each([
  ['Gmail', gmailAdapter, 'gmail/2026-11-28-long.html', GMAIL_URL],
  ['Outlook', outlookAdapter, 'outlook/2026-11-28-long.html', OUTLOOK_URLS[2]!],
] as Array<[string, Adapter, string, URL]>)('%s, a long thread of 100 messages', (_site, adapter, path, url) => {
  const reading = read(adapter, path, url);

  it('reads all 100, a third of them collapsed, in order, with their dates', () => {
    expect(reading.messages).toHaveLength(100);
    expect(reading.messages.filter((m) => m.body === '')).toHaveLength(34);
    expect(reading.messages[98]!.body).toBe('Reply 98: thanks, noted.');
    const touches = facts(reading).touches;
    expect(touches).toHaveLength(100);
    expect(day(touches[0]!.at)).toBe('Mon Jun 01 2026');
    expect(day(touches[99]!.at)).toBe('Tue Sep 08 2026');
  });

  it('direction from the options when the page shows no account, and a steady rhythm', () => {
    const withoutAccount: RawReading = { ...reading, messages: reading.messages };
    delete withoutAccount.accountEmail;
    const result = facts(withoutAccount, ['Dana@Seller.example']);
    expect(result.touches.filter((t) => t.direction === 'ours')).toHaveLength(50);
    expect(result.conversation).toMatchObject({ ourStreak: 1, latencyTrend: 'steady', singleThreaded: true, buyerParticipants: ['jordan@acme.example'] });
    expect(result.buyerMessageCount).toBe(33); // 50 from the buyer, 17 of them collapsed (unread)
  });
});

describe('mail adapters: keys and pages that are not threads', () => {
  it('keys a thread by the id in the URL, on all three Outlook hosts alike', () => {
    expect(read(gmailAdapter, 'gmail/2026-11-28-en-gb.html', GMAIL_URL).dealKey).toBe('gmail:FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM');
    const keys = OUTLOOK_URLS.map((url) => read(outlookAdapter, 'outlook/2026-11-28-en-gb.html', url).dealKey);
    expect(new Set(keys)).toEqual(new Set(['outlook:AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y+2kRBkNh1P8R/vlE=']));
  });

  it('finds the account in any language from the accounts.google.com button', () => {
    const html = readFileSync(join(FIXTURES, 'gmail/2026-11-28-en-gb.html'), 'utf8').replace(
      'Google Account: Dana Rep',
      'Compte Google : Dana Rep',
    );
    const reading = gmailAdapter.read(new DOMParser().parseFromString(html, 'text/html'), GMAIL_URL);
    expect(reading?.accountEmail).toBe('dana@seller.example');
  });
});

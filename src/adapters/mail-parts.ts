/** Pieces both mail adapters share: addresses and the localised date headings. */

const EMAIL_SOURCE = "[^\\s<>()\"',;:\\[\\]]+@[^\\s<>()\"',;:\\[\\]]+\\.[A-Za-z]{2,}";
/** Compiled once (a thread calls this several times per message); matchAll copies it, so its lastIndex is never shared. */
const EMAILS = new RegExp(EMAIL_SOURCE, 'g');
/** Exactly one address and nothing else. */
const ONE_EMAIL = new RegExp(`^${EMAIL_SOURCE}$`);

/** Every address in a piece of text, lower-cased, first occurrence order, no repeats. */
export function emailsIn(text: string | null | undefined): string[] {
  if (!text || !text.includes('@')) return [];
  // A thread reads addresses several times per message, mostly a bare one (an `email`
  // attribute): that needs no scan.
  if (ONE_EMAIL.test(text)) return [text.toLowerCase()];
  const found = [...text.matchAll(EMAILS)].map((match) => match[0].toLowerCase());
  return [...new Set(found)];
}

export function emailIn(text: string | null | undefined): string {
  return emailsIn(text)[0] ?? '';
}

/** A display name without the address: "Jordan Buyer <jordan@acme.example>" -> "Jordan Buyer". */
export function nameWithoutEmail(text: string): string {
  return text
    .replace(new RegExp(EMAIL_SOURCE, 'g'), '')
    .replace(/[<>()[\]"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/**
 * Weekday names (English and German, long and short) that open a date heading. The date
 * itself follows, so the weekday adds nothing, and date parsers can read "Sa." or "Mi."
 * as a relative day.
 */
const LEADING_WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\.?,?\s+(?=\d)/i;

/** The full date as shown, with a leading weekday dropped and spaces tidied. */
export function mailDate(text: string | null | undefined): string {
  const tidy = (text ?? '').replace(/[\u202f\u00a0\s]+/g, ' ').trim();
  return tidy.replace(LEADING_WEEKDAY, '').slice(0, 200);
}

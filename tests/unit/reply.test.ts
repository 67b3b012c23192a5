import { describe, expect, it } from 'vitest';
import { FOOTER_STARTS, mayHaveMarker, QUOTE_STARTS, stripQuotedText } from '../../src/signals/reply';

describe('stripQuotedText keeps only what the sender wrote now', () => {
  it.each([
    ['Gmail reply header', 'Sounds good.\n\nOn Tue, 24 Nov 2026 at 10:02, Alex Seller <alex@seller.example> wrote:\n> Is there a rush?', 'Sounds good.'],
    ['a header wrapped onto two lines', 'Ok.\nOn Tue, Nov 24, 2026 at 10:02 AM Alex Seller <\nalex@seller.example> wrote:\nNo rush.', 'Ok.'],
    ['German header', 'Passt.\n\nAm 20.11.2026 um 14:03 schrieb Alex Seller <alex@seller.example>:\n> Rabatt?', 'Passt.'],
    ['French header', 'Merci.\nLe 20 nov. 2026 à 14:03, Alex a écrit :\nDiscount?', 'Merci.'],
    ['Outlook header', 'Works.\n\nFrom: Alex Seller <alex@seller.example>\nSent: Monday, November 23, 2026 9:14 AM\nTo: Jordan\nBetter price?', 'Works.'],
    ['German Outlook header', 'Gut.\nVon: Alex\nGesendet: Montag, 23. November 2026 09:14\nBudget?', 'Gut.'],
    ['original message marker', 'Yes.\n-----Original Message-----\nFrom: Alex\nNo rush', 'Yes.'],
    ['forward', 'See below.\n---------- Forwarded message ---------\nFrom: Sam\nWe are evaluating five vendors.', 'See below.'],
    ['Apple forward', 'FYI\n\nBegin forwarded message:\n\nFrom: Sam', 'FYI'],
    ['"> " lines between own lines', 'Fine.\n> quoted line\nMore.', 'Fine.\nMore.'],
    ['dash-dash signature', 'Fine.\n-- \nJordan Lee\nNo rush Inc.', 'Fine.'],
    ['mobile signature', 'Sure thing.\n\nSent from my iPhone', 'Sure thing.'],
    ['legal footer', 'Thanks!\nWe will sign.\n\nThis email and any attachments are confidential and intended solely for the addressee. No rush is implied.', 'Thanks!\nWe will sign.'],
    ['disclaimer', 'Ok.\nDISCLAIMER: this message may contain privileged information.', 'Ok.'],
    ['closing and a name block', 'We are evaluating five vendors.\n\nBest regards,\nJordan Buyer\nHead of Ops | Acme\n+44 20 7946 0000', 'We are evaluating five vendors.'],
    ['German closing', 'Wir melden uns.\nMit freundlichen Grüßen\nJordan Buyer', 'Wir melden uns.'],
  ])('%s', (_name, body, expected) => {
    expect(stripQuotedText(body).trim()).toBe(expected);
  });

  it('keeps a "Thanks!" that opens the message, and sentences after a closing word', () => {
    expect(stripQuotedText('Hi Dana,\nThanks!\nWe are evaluating five vendors.')).toBe('Hi Dana,\nThanks!\nWe are evaluating five vendors.');
    expect(stripQuotedText('Got it.\nThanks,\nwe will need a discount to move on.\nJordan')).toContain('discount');
  });

  it('leaves an ordinary body alone', () => {
    expect(stripQuotedText('Line one.\n\nLine two, on wrote: nothing.')).toBe('Line one.\n\nLine two, on wrote: nothing.');
  });
});

describe('the header and footer prefilter', () => {
  const MARKERS = [...QUOTE_STARTS, ...FOOTER_STARTS];
  // Every marker's own examples, in the case they are written and upper- and lower-cased.
  const samples = [
    'On Tue, 24 Nov 2026 at 10:02, Alex <alex@seller.example> wrote:',
    'On Tue, Nov 24, 2026 at 10:02 AM Alex <\nalex@seller.example> wrote:',
    'Am 20.11.2026 um 14:03 schrieb Alex <alex@seller.example>:',
    'Le 20 nov. 2026 à 14:03, Alex a écrit :',
    '-----Original Message-----',
    '---------- Forwarded message ---------',
    '-- Ursprüngliche Nachricht --',
    "--- Message d'origine ---",
    '-- Weitergeleitete Nachricht --',
    'Begin forwarded message:',
    'From: Alex Seller\nSent: Monday, November 23, 2026 9:14 AM',
    'Von: Alex\nAn: Jordan\nGesendet: Montag, 23. November 2026',
    'De: Alex\nEnvoyé: lundi 23 novembre 2026',
    '__________',
    '-- ',
    'Sent from my iPhone',
    'Get Outlook for Android',
    'Von meinem iPhone gesendet',
    'CONFIDENTIALITY NOTICE: do not forward',
    'Disclaimer: none',
    'This email and any attachments are confidential and intended solely for the addressee.',
    'This message may be privileged.',
    'This communication contains confidential information.',
    'Diese E-Mail enthält vertrauliche Informationen.',
    'Diese E-Mail ist vertraulich.',
  ].flatMap((text) => [text, text.toUpperCase(), text.toLowerCase(), `Reply first.\n\n${text}\nmore`]);

  it('never skips a marker that would have matched', () => {
    let matched = 0;
    for (const text of samples) {
      for (const marker of MARKERS) {
        if (!marker.pattern.test(text)) continue;
        matched += 1;
        expect(mayHaveMarker(marker, text, text.toLowerCase()), `${marker.pattern.source} on ${JSON.stringify(text)}`).toBe(true);
      }
    }
    // The samples exercise every marker, so the check above is not vacuous.
    for (const marker of MARKERS) expect(samples.some((text) => marker.pattern.test(text)), marker.pattern.source).toBe(true);
    expect(matched).toBeGreaterThan(MARKERS.length);
  });

  it('skips the markers an ordinary body cannot have', () => {
    const body = 'Hi Dana,\nthanks for the call. We will get back to you next week.\n\nJordan';
    expect(MARKERS.filter((marker) => mayHaveMarker(marker, body, body.toLowerCase()))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { stripQuotedText } from '../../src/signals/reply';

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

/** Dates and amounts as the CRMs show them in en-US, en-GB and de-DE, read with the page locale. */
import { describe, expect, it } from 'vitest';
import { parseDate, parseMoney } from '../../src/signals/parse';

const NOW = new Date(2026, 10, 28, 10, 0).getTime();
const SEP_17 = new Date(2026, 8, 17);
const sameDay = (ms: number | null) => (ms === null ? null : new Date(ms).toDateString());

describe('dates by page locale', () => {
  it.each([
    ['9/17/2026', 'en-US'],
    ['17/09/2026', 'en-GB'],
    ['17.09.2026', 'de-DE'],
    ['Sep 17, 2026', 'en-US'],
    ['Sep 17, 2026', 'de-DE'],
    ['17 Sep 2026', 'en-GB'],
    ['17. September 2026', 'de-DE'],
    ['2026-09-17', 'de-DE'],
  ])('%s (%s)', (text, locale) => {
    expect(sameDay(parseDate(text, locale, NOW))).toBe(SEP_17.toDateString());
  });

  it('keeps a stated time zone: the instant, whatever the zone the browser runs in', () => {
    // 3:04 PM EST is 20:04 UTC: still Sep 17 in New York, already Sep 18 in Kolkata.
    expect(parseDate('9/17/2026 3:04 PM EST', 'en-US', NOW)).toBe(Date.UTC(2026, 8, 17, 20, 4));
  });

  it('reads an ambiguous numeric date in the page order', () => {
    expect(sameDay(parseDate('9/10/2026', 'en-US', NOW))).toBe(new Date(2026, 8, 10).toDateString());
    expect(sameDay(parseDate('9/10/2026', 'en-GB', NOW))).toBe(new Date(2026, 9, 9).toDateString());
  });

  it.each([
    ['3 days ago', 'en-US'],
    ['vor 3 Tagen', 'de-DE'],
  ])('%s is three days before now', (text, locale) => {
    expect(sameDay(parseDate(text, locale, NOW))).toBe(new Date(2026, 10, 25).toDateString());
  });
});

describe('amounts by page locale', () => {
  it.each([
    ['1.234,56 €', 'de-DE', 1234.56, 'EUR'],
    ['1.234.567,50 €', 'de-DE', 1234567.5, 'EUR'],
    ['$86,400.00', 'en-US', 86400, 'USD'],
    ['£52,000.00', 'en-GB', 52000, 'GBP'],
    ['12.500 €', 'de-DE', 12500, 'EUR'],
    ['1,5 Mio. €', 'de-DE', 1500000, 'EUR'],
    ['$ 24,000.00', 'en-US', 24000, 'USD'],
  ])('%s (%s)', (text, locale, value, currency) => {
    expect(parseMoney(text, locale)).toEqual({ value, currency });
  });
});

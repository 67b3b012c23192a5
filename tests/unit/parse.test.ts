import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatDay,
  isBlankValue,
  parseDate,
  parseDurationDays,
  parseMoney,
} from '../../src/signals/parse';

/** Local time, like the dates a page shows. */
const at = (year: number, month: number, day: number, hours = 12, minutes = 0) => new Date(year, month - 1, day, hours, minutes).getTime();
const NOW = at(2026, 6, 15, 9, 30);

describe('parseDate', () => {
  it.each([
    ['2026-09-17', 'en-US'],
    ['9/17/2026', 'en-US'],
    ['Sep 17, 2026', 'en-US'],
    ['17/09/2026', 'en-GB'],
    ['17 Sep 2026', 'en-GB'],
    ['17.09.2026', 'de-DE'],
    ['17. September 2026', 'de-DE'],
    ['2026-09-17', 'de-DE'],
    // Languages without a chrono parser of their own (only en and de are bundled): numeric
    // dates by the locale's order, English month names through the English fallback.
    ['17/09/2026', 'fr-FR'],
    ['17.09.2026', 'nl-NL'],
    ['17 Sep 2026', 'es-ES'],
  ])('reads %s (%s) as 17 Sep 2026', (text, locale) => {
    expect(parseDate(text, locale, NOW)).toBe(at(2026, 9, 17));
  });

  it('keeps the time when one is shown', () => {
    expect(parseDate('Thu 9/17/2026 2:52 PM', 'en-US', NOW)).toBe(at(2026, 9, 17, 14, 52));
    expect(parseDate('20 Aug 2025, 13:19', 'en-GB', NOW)).toBe(at(2025, 8, 20, 13, 19));
    expect(parseDate('Do 17.09.2026 14:52', 'de-DE', NOW)).toBe(at(2026, 9, 17, 14, 52));
  });

  it('chooses the order of an ambiguous numeric date by locale', () => {
    expect(parseDate('9/10/2026', 'en-US', NOW)).toBe(at(2026, 9, 10));
    expect(parseDate('9/10/2026', 'en-GB', NOW)).toBe(at(2026, 10, 9));
    expect(parseDate('09/10/2026', 'de-DE', NOW)).toBe(at(2026, 10, 9));
    expect(parseDate('9/10/26', 'en-US', NOW)).toBe(at(2026, 9, 10));
  });

  it('follows the numbers when only one order is possible', () => {
    expect(parseDate('17/09/2026', 'en-US', NOW)).toBe(at(2026, 9, 17));
    expect(parseDate('9/17/2026', 'en-GB', NOW)).toBe(at(2026, 9, 17));
    // Dots are day first everywhere.
    expect(parseDate('10.09.2026', 'en-US', NOW)).toBe(at(2026, 9, 10));
  });

  it('reads relative dates against now', () => {
    expect(parseDate('3 days ago', 'en-US', NOW)).toBe(NOW - 3 * 86_400_000);
    expect(calendarDaysBetween(parseDate('yesterday', 'en-US', NOW)!, NOW)).toBe(1);
    expect(calendarDaysBetween(parseDate('today', 'en-US', NOW)!, NOW)).toBe(0);
    expect(calendarDaysBetween(NOW, parseDate('in 2 weeks', 'en-US', NOW)!)).toBe(14);
    expect(parseDate('2 months ago', 'en-US', NOW)).toBe(at(2026, 4, 15, 9, 30));
    expect(calendarDaysBetween(parseDate('vor 3 Tagen', 'de-DE', NOW)!, NOW)).toBe(3);
  });

  it('falls back to English month names on other pages, and to en-US without a locale', () => {
    expect(parseDate('Sep 17, 2026', 'de-DE', NOW)).toBe(at(2026, 9, 17));
    expect(parseDate('9/10/2026', '', NOW)).toBe(at(2026, 9, 10));
  });

  it.each(['', '-', 'TBD', 'Proposal', '$120,000', 'Not shared', '45'])('returns null for %j', (text) => {
    expect(parseDate(text, 'en-US', NOW)).toBeNull();
  });

  it('is deterministic for a given now', () => {
    const later = NOW + 10 * 86_400_000;
    expect(parseDate('3 days ago', 'en-US', later)).toBe(later - 3 * 86_400_000);
    expect(parseDate('3 days ago', 'en-US', NOW)).toBe(parseDate('3 days ago', 'en-US', NOW));
  });
});

describe('calendarDaysBetween and formatDay', () => {
  it('counts calendar days, whatever the time of day', () => {
    expect(calendarDaysBetween(at(2026, 6, 1, 23, 59), at(2026, 6, 2, 0, 1))).toBe(1);
    expect(calendarDaysBetween(at(2026, 6, 2, 0, 1), at(2026, 6, 2, 23, 59))).toBe(0);
    expect(calendarDaysBetween(at(2026, 6, 15), at(2026, 6, 1))).toBe(-14);
  });

  it('formats a day without depending on the environment locale', () => {
    expect(formatDay(at(2026, 11, 12, 8))).toBe('12 Nov 2026');
  });
});

describe('parseMoney', () => {
  it.each([
    ['$120,000', 'en-US', 120_000, 'USD'],
    ['120.000 €', 'de-DE', 120_000, 'EUR'],
    ['1.234,56 €', 'de-DE', 1234.56, 'EUR'],
    ['€1,234.56', 'en-IE', 1234.56, 'EUR'],
    ['EUR 5,000', 'en-US', 5000, 'EUR'],
    ['£3.2k', 'en-GB', 3200, 'GBP'],
    ['$1.2M', 'en-US', 1_200_000, 'USD'],
    ['1,5 Mio. €', 'de-DE', 1_500_000, 'EUR'],
    ["CHF 12'500", 'de-CH', 12_500, 'CHF'],
    ['120 000 €', 'fr-FR', 120_000, 'EUR'],
    ['$120,000 approved', 'en-US', 120_000, 'USD'],
    ['$99.99', 'en-US', 99.99, 'USD'],
    ['64000', 'en-US', 64_000, null],
  ])('reads %s (%s)', (text, locale, value, currency) => {
    expect(parseMoney(text, locale)).toEqual({ value, currency });
  });

  it('guesses separators when the text is unambiguous, whatever the locale', () => {
    // Both separators: the last one is the decimal point.
    expect(parseMoney('1.234,56 €', 'en-US')?.value).toBe(1234.56);
    expect(parseMoney('€1,234.56', 'de-DE')?.value).toBe(1234.56);
    // Repeated separator: thousands groups.
    expect(parseMoney('1.200.000', 'en-US')?.value).toBe(1_200_000);
    // One or two digits after it: decimals.
    expect(parseMoney('12,5', 'en-US')?.value).toBe(12.5);
  });

  it('lets the locale decide "1.234"', () => {
    expect(parseMoney('1.234', 'de-DE')?.value).toBe(1234);
    expect(parseMoney('1.234', 'en-US')?.value).toBe(1.234);
    expect(parseMoney('1,234', 'de-DE')?.value).toBe(1.234);
    expect(parseMoney('1,234', 'en-US')?.value).toBe(1234);
  });

  it.each(['', '-', 'TBD', 'Not shared', 'approved'])('returns null for %j', (text) => {
    expect(parseMoney(text, 'en-US')).toBeNull();
  });
});

describe('parseDurationDays', () => {
  it.each([
    ['45 days in stage', 45],
    ['45 days', 45],
    ['45', 45],
    ['1 day', 1],
    ['3 weeks', 21],
    ['45 Tage', 45],
    ['36 hours', 1],
  ])('reads %j as %i days', (text, days) => {
    expect(parseDurationDays(text)).toBe(days);
  });

  it('returns null without a number', () => {
    expect(parseDurationDays('n/a')).toBeNull();
    expect(parseDurationDays('')).toBeNull();
  });
});

describe('isBlankValue', () => {
  it.each(['', '  ', '-', '—', 'TBD', 'Unknown', 'Not shared', 'n/a', 'None'])('%j is blank', (text) => {
    expect(isBlankValue(text)).toBe(true);
  });
  it.each(['$120,000 approved', '0', 'Contoso'])('%j is a value', (text) => {
    expect(isBlankValue(text)).toBe(false);
  });
});

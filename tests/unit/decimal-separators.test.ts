import { describe, expect, it } from 'vitest';
import { icuLanguages, intlDecimalSeparator, regionCodes } from '../../scripts/decimal-separators.mjs';
import { decimalSeparatorOf, parseMoney } from '../../src/signals/parse';

describe('decimal separator by locale, from the table instead of Intl.NumberFormat', () => {
  it('agrees with Intl for every language ICU knows and every language-region pair (else: npm run decimal-separators)', () => {
    const languages = icuLanguages();
    expect(languages.length).toBeGreaterThan(150);
    const disagreements: string[] = [];
    let checked = 0;
    for (const language of languages) {
      for (const tag of [language, ...regionCodes().map((region) => `${language}-${region}`)]) {
        checked++;
        if (decimalSeparatorOf(tag) !== intlDecimalSeparator(tag)) disagreements.push(tag);
      }
    }
    expect(checked).toBeGreaterThan(60_000);
    expect(disagreements).toEqual([]);
  }, 60_000);

  it('follows aliases, scripts and extensions as Intl does for the tags sites send', () => {
    for (const tag of ['iw', 'iw-IL', 'no-NO', 'sr-Latn-RS', 'zh-Hant-TW', 'pt-BR', 'de-AT', 'de-CH', 'en-ZA', 'es-MX', 'es-ES', 'fr-CA', 'de-DE-u-co-phonebk', 'EN-us', 'de_DE']) {
      const expected = (() => {
        try {
          return intlDecimalSeparator(tag);
        } catch {
          return '.';
        }
      })();
      expect([tag, decimalSeparatorOf(tag)]).toEqual([tag, expected]);
    }
  });

  it('refuses nothing: a malformed locale reads as "."', () => {
    expect(decimalSeparatorOf('')).toBe('.');
    expect(decimalSeparatorOf('not a locale!')).toBe('.');
  });

  it('decides "1.234" and "1,234" by locale in amounts', () => {
    expect(parseMoney('€ 1.234', 'de-DE')?.value).toBe(1234);
    expect(parseMoney('€ 1,234', 'de-DE')?.value).toBeCloseTo(1.234);
    expect(parseMoney('CHF 1.234', 'de-CH')?.value).toBeCloseTo(1.234);
    expect(parseMoney('$1,234', 'en-US')?.value).toBe(1234);
    expect(parseMoney('R 1,234', 'en-ZA')?.value).toBeCloseTo(1.234);
  });
});

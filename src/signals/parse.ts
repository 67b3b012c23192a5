/**
 * Parsing of the raw text adapters read off a page: dates, money, durations.
 * Pure (no browser APIs): runs in the service worker and in unit tests.
 *
 * Day arithmetic is done in calendar days of the local time zone, the zone the
 * page displays its dates in. chrono gives date-only text the time 12:00 local.
 */
// Only the languages the extension reads (labels and phrases are English and German):
// chrono's root entry builds parsers for all 16 of its locales when the worker starts
// (about 19 ms unloaded, 205 KB of code), these two about 6 ms (docs/PERFORMANCE.md).
import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import { fastDate } from './fast-date';
import { DECIMAL_COMMA_LANGUAGES, REGIONS_WITH_OTHER_SEPARATOR } from './decimal-separators';

export const DAY_MS = 86_400_000;

/** Placeholders sites show instead of a value ("-", "TBD", "Not shared"...). */
const BLANK_VALUE =
  /^(?:|-+|–|—|\?+|n\/?a|none|null|tbd|tba|to be (?:determined|confirmed|defined)|unknown|not (?:shared|set|specified|provided|known|available|disclosed)|k\.\s?a\.|unbekannt|keine angabe)$/i;

/** True when a field's text says nothing (empty or a placeholder). */
export function isBlankValue(text: string | null | undefined): boolean {
  if (text == null) return true;
  return BLANK_VALUE.test(text.replace(/\s+/g, ' ').trim().replace(/\.$/, ''));
}

// ---------------------------------------------------------------- dates

type ChronoParser = Pick<typeof en, 'parse'>;

/** en-US style month-first numeric dates; every other locale we know writes day first. */
function isMonthFirstLocale(locale: string): boolean {
  const lower = locale.toLowerCase();
  return lower === 'en' || lower === 'en-us' || lower === 'en-ph' || lower === 'en-um' || lower === 'es-us';
}

/**
 * English (month first for en-US) or German; any other language reads as day-first English.
 * Numeric dates of every locale are rewritten to ISO first (isoNumericDate), so only month
 * names and relative phrases in other languages go unread.
 */
function chronoFor(locale: string): ChronoParser {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  if (language === 'en') return isMonthFirstLocale(locale) ? en : en.GB;
  return language === 'de' ? de : en.GB;
}

const NUMERIC_DATE = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;

/**
 * Rewrites a numeric day/month/year date as ISO, so chrono never has to guess the order.
 * The locale decides ("9/10/2026" is 10 Sep in en-US, 9 Oct in en-GB) unless the numbers
 * do ("17/09/2026" can only be day first). Dots are always day first (17.09.2026).
 */
function isoNumericDate(text: string, locale: string): string {
  return text.replace(NUMERIC_DATE, (whole, a: string, separator: string, b: string, y: string) => {
    const first = Number(a);
    const second = Number(b);
    let monthFirst = separator !== '.' && isMonthFirstLocale(locale);
    if (monthFirst && first > 12 && second <= 12) monthFirst = false;
    else if (!monthFirst && second > 12 && first <= 12) monthFirst = true;
    const month = monthFirst ? first : second;
    const day = monthFirst ? second : first;
    if (month < 1 || month > 12 || day < 1 || day > 31) return whole;
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}

/**
 * Parses a date as a page shows it ("Sep 17, 2026", "17.09.2026", "Thu 9/17/2026 2:52 PM",
 * "3 days ago") into epoch ms, relative to `now`. Null when the text holds no date.
 */
export function parseDate(text: string, locale: string, now: number): number | null {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  if (isBlankValue(cleaned)) return null;
  const normalized = isoNumericDate(cleaned, locale || 'en-US');
  // The common English and ISO shapes skip chrono (a cold worker's slowest step): same answer, see fast-date.ts.
  const fast = /^en\b/i.test(locale || 'en') ? fastDate(normalized, now) : null;
  if (fast !== null) return fast;
  const reference = new Date(now);
  // English month names also appear on pages in other languages (and vice versa for en pages
  // showing ISO dates), so fall back to English; numeric dates are already unambiguous here.
  const parsers = [chronoFor(locale || 'en-US'), en.GB];
  for (const parser of parsers) {
    const first = parser.parse(normalized, reference)[0];
    if (first) {
      const ms = first.start.date().getTime();
      if (Number.isFinite(ms)) return ms;
    }
  }
  return null;
}

/** Local calendar day number (days since the epoch, in the local zone). */
export function localDayNumber(ms: number): number {
  const date = new Date(ms);
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number): number {
  return localDayNumber(to) - localDayNumber(from);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Nov 2026": a fixed, locale-free format for evidence text. */
export function formatDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${date.getFullYear()}`;
}

// ---------------------------------------------------------------- money

export interface Money {
  value: number;
  currency: string | null;
}

const CURRENCY_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/US\$/, 'USD'],
  [/(?:CA|C)\$/, 'CAD'],
  [/(?:AU|A)\$/, 'AUD'],
  [/NZ\$/, 'NZD'],
  [/HK\$/, 'HKD'],
  [/S\$/, 'SGD'],
  [/R\$/, 'BRL'],
  [/\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥|￥/, 'JPY'],
  [/₹/, 'INR'],
  [/₩/, 'KRW'],
  [/₽/, 'RUB'],
  [/₺/, 'TRY'],
  [/₪/, 'ILS'],
  [/zł/i, 'PLN'],
];

const CURRENCY_CODE =
  /(?<![A-Za-z])(USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|CNY|BRL|MXN|ZAR|SGD|HKD|KRW|TRY|ILS|AED|RUB)(?![A-Za-z])/i;

/** Multipliers written after the number: "3.2k", "$1.2M", "1,5 Mio. €". */
const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:k|K|thousand|Tsd\.?|TEUR)(?![A-Za-z])/, 1e3],
  [/^(?:m|M|mm|MM|mn|Mn|million|millions|Mio\.?|Mill\.?)(?![A-Za-z])/, 1e6],
  [/^(?:b|B|bn|Bn|billion|billions|Mrd\.?)(?![A-Za-z])/, 1e9],
];

/**
 * The locale's decimal separator, from a table derived from ICU (./decimal-separators.ts), not
 * from Intl.NumberFormat: a freshly started worker's first NumberFormat loads ICU's number data
 * (~15 ms of a cold badge). Intl.Locale only parses the tag (and maps aliases such as "iw").
 */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  let language: string;
  let region: string | undefined;
  try {
    ({ language, region } = new Intl.Locale(locale));
  } catch {
    return '.';
  }
  const comma = DECIMAL_COMMA_LANGUAGES.has(language) !== REGIONS_WITH_OTHER_SEPARATOR.has(`${language}-${region ?? ''}`);
  return comma ? ',' : '.';
}

/** Turns "1.234,56" / "1,234.56" / "120 000" into a number, reading separators by locale. */
function numberFromToken(token: string, locale: string, hasMultiplier: boolean): number | null {
  const digits = token.replace(/['’\s\u00a0\u202f]/g, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let decimal: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
  } else if (lastDot < 0 && lastComma < 0) {
    decimal = null;
  } else {
    const separator = lastDot >= 0 ? '.' : ',';
    const count = digits.split(separator).length - 1;
    const after = digits.length - digits.lastIndexOf(separator) - 1;
    if (count > 1) decimal = null; // repeated: thousands groups
    else if (hasMultiplier || after !== 3) decimal = separator; // "1.2M", "1,5", "99.99"
    else decimal = decimalSeparatorOf(locale) === separator ? separator : null; // "1.234": the locale decides
  }
  const thousands = decimal === '.' ? /,/g : decimal === ',' ? /\./g : /[.,]/g;
  let plain = digits.replace(thousands, '');
  if (decimal === ',') plain = plain.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/**
 * Parses an amount as shown ("$120,000", "120.000 €", "EUR 5,000", "£3.2k", "$1.2M").
 * Null when the text holds no number.
 */
export function parseMoney(text: string, locale: string): Money | null {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  if (isBlankValue(cleaned)) return null;
  const numberMatch = /[-−]?\d(?:[\d.,'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))*/.exec(cleaned);
  if (!numberMatch) return null;
  const token = numberMatch[0].replace(/^[-−]/, '').replace(/[.,'’]+$/, '');
  const rest = cleaned.slice(numberMatch.index + numberMatch[0].length).trimStart();
  const multiplier = MULTIPLIERS.find(([pattern]) => pattern.test(rest))?.[1] ?? 1;
  const amount = numberFromToken(token, locale || 'en-US', multiplier !== 1);
  if (amount === null) return null;
  const negative = /^[-−]/.test(numberMatch[0]) || /^\(.*\)$/.test(cleaned);
  const code = CURRENCY_CODE.exec(cleaned)?.[1]?.toUpperCase();
  const symbol = CURRENCY_SYMBOLS.find(([pattern]) => pattern.test(cleaned))?.[1];
  // Drop float noise from the multiplier (1.2 * 1e6 = 1199999.9999999998).
  const value = Number((amount * multiplier).toPrecision(12));
  return { value: negative ? -value : value, currency: code ?? symbol ?? null };
}

// ---------------------------------------------------------------- durations

const DURATION_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:d|day|days|tag|tage|tagen|tg\.?|jour|jours|día|días|dias|dagen?)$/i, 1],
  [/^(?:w|wk|wks|week|weeks|woche|wochen|semaines?|semanas?)$/i, 7],
  [/^(?:mo|mos|month|months|monat|monate|monaten|mois|mes|meses)$/i, 30],
  [/^(?:y|yr|yrs|year|years|jahr|jahre|jahren|ans?|años?)$/i, 365],
  [/^(?:h|hr|hrs|hour|hours|stunde|stunden)$/i, 1 / 24],
  [/^(?:min|mins|minute|minutes|minuten?)$/i, 1 / 1440],
];

/** Parses "45 days in stage", "45 days", "3 weeks", "45" into whole days. Null when no number. */
export function parseDurationDays(text: string): number | null {
  const match = /(\d+(?:[.,]\d+)?)\s*([A-Za-zÀ-ÿ]+\.?)?/.exec(text);
  if (!match?.[1]) return null;
  const amount = Number(match[1].replace(',', '.'));
  const unitText = match[2];
  let factor = 1;
  if (unitText) {
    const unit = DURATION_UNITS.find(([pattern]) => pattern.test(unitText));
    // A number followed by some other word ("45 in stage") still counts as days.
    factor = unit ? unit[1] : 1;
  }
  return Math.floor(amount * factor);
}

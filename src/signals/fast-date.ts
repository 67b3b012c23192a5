/**
 * The date shapes CRM fields and mail headers use most ("2026-12-15", "2026-11-20 3:04 PM EST",
 * "Sep 10, 2026, 1:19 PM", "10 Sep 2026", "3 days ago"), read without chrono. Why: in a service worker that
 * has just started (the usual case: Chromium stops it after 30 s idle), chrono's first parse
 * compiles every locale parser's large regular expressions, about 45 ms of the worker's cold
 * path in a CPU profile (docs/PERFORMANCE.md). Anything else returns null and goes to chrono;
 * tests/unit/fast-date.test.ts checks that this gives chrono's exact answer for every shape it takes.
 */
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** US zone abbreviations chrono knows, in minutes from UTC; any other zone goes to chrono. */
const ZONES: Record<string, number> = { utc: 0, gmt: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };

const WEEKDAY = String.raw`(?:([a-z]{3})[a-z]*\.?,?\s+)?`;
const TIME = String.raw`(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?(?:\s+([a-z]{3}))?)?`;
const ISO = new RegExp(String.raw`^${WEEKDAY}(\d{4})-(\d{2})-(\d{2})${TIME}$`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})${TIME}$`, 'i');

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((full) => lower === full || lower === full.slice(0, 3) || (full === 'september' && lower === 'sept'));
}

type TimeParts = [string?, string?, string?, string?, string?];

function build(weekday: string | undefined, year: number, month: number, day: number, [h, mi, s, half, zone]: TimeParts): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  let hour = 12;
  let minute = 0;
  let second = 0;
  if (h !== undefined) {
    hour = Number(h);
    minute = Number(mi);
    second = s === undefined ? 0 : Number(s);
    if (minute > 59 || second > 59) return null;
    if (half) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    } else if (hour > 23) return null;
  }
  const offset = zone === undefined ? null : ZONES[zone.toLowerCase()];
  if (offset === undefined) return null;
  const utc = new Date(Date.UTC(year, month, day, hour, minute, second));
  // 31 Feb and the like roll over in Date: not a date, let chrono decide.
  if (utc.getUTCMonth() !== month || utc.getUTCDate() !== day) return null;
  if (weekday !== undefined && WEEKDAYS[utc.getUTCDay()] !== weekday.toLowerCase()) return null;
  if (offset !== null) return utc.getTime() - offset * 60_000;
  return new Date(year, month, day, hour, minute, second).getTime();
}

/** "3 days ago", "an hour ago": CRMs show the last activity this way (Pipedrive, HubSpot). */
const AGO = /^(\d{1,3}|an?|one) (minute|hour|day|week)s? ago$/i;
const MINUTE = 60_000;

const UNIT_MS: Record<string, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE, week: 7 * 24 * 60 * MINUTE };

/** `now` minus the amount, the way chrono counts it. */
function ago(amount: string, unit: string, now: number): number {
  const n = /^\d/.test(amount) ? Number(amount) : 1;
  return now - n * (UNIT_MS[unit.toLowerCase()] ?? Number.NaN);
}

/**
 * Epoch ms for an English or ISO date in one of the common shapes, or a recent relative one
 * when `now` is given; null for anything else.
 */
export function fastDate(text: string, now?: number): number | null {
  const relative = now === undefined ? null : AGO.exec(text);
  if (relative) return ago(relative[1] ?? '', relative[2] ?? '', now as number);
  let match = ISO.exec(text);
  if (match) {
    const [, weekday, y, m, d, ...time] = match;
    return build(weekday, Number(y), Number(m) - 1, Number(d), time as TimeParts);
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const [, weekday, month, d, y, ...time] = match;
    return build(weekday, Number(y), monthIndex(month ?? ''), Number(d), time as TimeParts);
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const [, weekday, d, month, y, ...time] = match;
    return build(weekday, Number(y), monthIndex(month ?? ''), Number(d), time as TimeParts);
  }
  return null;
}

import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { fastDate } from '../../src/signals/fast-date';
import { parseDate } from '../../src/signals/parse';

const NOW = Date.UTC(2026, 10, 28, 12);

/** chrono's answer when it reads the whole text as one date (what parseDate used to return). */
function chronoWhole(text: string, parser: Pick<typeof chrono.en, 'parse'>): number | null {
  const [first] = parser.parse(text, new Date(NOW));
  return first && first.text === text ? first.start.date().getTime() : null;
}

function shapes(): string[] {
  const out: string[] = [];
  const times = ['', ' 3:04 PM', ' 12:30 AM', ' 12:05 pm', ' 14:52', ' 00:07', ' 9:02:33 AM', ', 9:02 AM', ' at 1:19 PM', ' 3:04 PM EST', ' 10:12 AM EDT', ' 11:59 PM PST', ' 08:00 UTC', ' 6:45 PM CDT'];
  const dates: Array<[number, number, number]> = [
    [2026, 0, 1],
    [2026, 1, 28],
    [2024, 1, 29],
    [2026, 8, 10],
    [2026, 11, 31],
    [2027, 5, 15],
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const full = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  for (const [y, m, d] of dates) {
    const weekday = days[new Date(Date.UTC(y, m, d)).getUTCDay()]!;
    const iso = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    for (const time of times) {
      out.push(`${iso}${time}`, `${weekday} ${iso}${time}`, `${months[m]} ${d}, ${y}${time}`, `${full[m]} ${d}, ${y}${time}`, `${d} ${months[m]} ${y}${time}`, `${weekday}, ${months[m]} ${d}, ${y}${time}`);
    }
  }
  return out;
}

describe('fastDate', () => {
  it('gives chrono’s exact answer for every shape it reads (en-US and en-GB alike)', () => {
    let read = 0;
    for (const text of shapes()) {
      const fast = fastDate(text);
      if (fast === null) continue;
      read += 1;
      expect(fast, text).toBe(chronoWhole(text, chrono.en));
      expect(fast, text).toBe(chronoWhole(text, chrono.en.GB));
    }
    // It must take the common shapes, or it saves nothing.
    expect(read).toBeGreaterThan(shapes().length * 0.9);
  });

  it('gives chrono’s exact answer for recent relative dates, at any time of day and across a clock change', () => {
    const amounts = ['1', '2', '3', '7', '13', '30', '45', '120', 'a', 'an', 'one'];
    const units = ['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'Day', 'Weeks'];
    // Noon, late evening, just after midnight, and days around the 2026 clock changes (EU and US).
    const nows = [NOW, Date.UTC(2026, 10, 28, 23, 45), Date.UTC(2026, 10, 29, 0, 5), Date.UTC(2026, 2, 30, 9, 30), Date.UTC(2026, 2, 9, 3, 30), Date.UTC(2026, 9, 26, 1, 15)];
    let read = 0;
    for (const now of nows) {
      for (const amount of amounts) {
        for (const unit of units) {
          const text = `${amount} ${unit} ago`;
          const fast = fastDate(text, now);
          const [first] = chrono.en.parse(text, new Date(now));
          if (fast === null) continue;
          read += 1;
          expect(first?.text, text).toBe(text);
          expect(fast, `${text} at ${new Date(now).toISOString()}`).toBe(first!.start.date().getTime());
        }
      }
    }
    expect(read).toBeGreaterThan(nows.length * amounts.length * 4);
    // Without a "now" there is nothing to count back from.
    expect(fastDate('3 days ago')).toBeNull();
  });

  it('leaves what it does not know to chrono', () => {
    for (const text of ['yesterday', '3 months ago', 'in 3 days', '3 days from now', 'Sep 10', '2026-02-30', 'Mon 2026-09-10', '2026-09-10 3:04 PM CET', '2026-09-10 13:04 PM', 'Smarch 3, 2026', '2026-09-10T10:00:00Z']) {
      expect(fastDate(text, NOW), text).toBeNull();
    }
  });

  it('parseDate gives the same answers with the shortcut as chrono alone', () => {
    for (const [text, locale] of [
      ['12/15/2026', 'en-US'],
      ['11/20/2026 3:04 PM EST', 'en-US'],
      ['Sep 10, 2026, 1:19 PM', 'en'],
      ['15/12/2026', 'en-GB'],
    ] as const) {
      const viaChrono = chrono.en.parse(text.replace(/^(\d+)\/(\d+)\/(\d{4})/, (_, a: string, b: string, y: string) => (locale === 'en-GB' ? `${y}-${b.padStart(2, '0')}-${a.padStart(2, '0')}` : `${y}-${a.padStart(2, '0')}-${b.padStart(2, '0')}`)), new Date(NOW))[0];
      expect(parseDate(text, locale, NOW), text).toBe(viaChrono?.start.date().getTime());
    }
  });
});

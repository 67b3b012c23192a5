/**
 * The worker's front door (src/background/router.ts): thousands of malformed and
 * mis-sent messages are refused without reaching a handler or the database, and a valid
 * message afterwards is still answered correctly. Plus the sender checks themselves.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { RawReading } from '../../src/adapters/types';
import { createDataHandlers, type DataHandlers } from '../../src/background/data';
import { FakePlatform } from './fake-platform';
import { createRouter } from '../../src/background/router';
import { isExtensionPage, isTopFrameOfTab } from '../../src/background/senders';
import { createService, handlersFor, type Service } from '../../src/background/service';
import { createDiagnosticsLog } from '../../src/background/diagnostics';
import { PageMessageSchema, UiMessageSchema } from '../../src/protocol/messages';
import { openDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE: Runtime.MessageSender = { id: ID, tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false }, frameId: 0, url: 'https://demo.walkaway.test/deals/1077' };
const POPUP: Runtime.MessageSender = { id: ID, url: `${ORIGIN}src/ui/popup/index.html?tab=7` };

const platform = new FakePlatform(Date.UTC(2026, 10, 28, 12));

const validReading = (): RawReading => ({
  site: 'demo',
  dealKey: 'demo:deal-1077',
  url: 'https://demo.walkaway.test/deals/1077',
  locale: 'en-US',
  title: 'Globex',
  fields: { stage: 'Proposal', competitors: 'Contoso, Fabrikam, Initrode', amount: '$80,000' },
  missing: [],
  contacts: [{ name: 'Dana', role: 'VP', email: 'dana@globex.example' }],
  activities: [],
  messages: [],
});

/** A small seeded generator so a failure reproduces. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['page/reading', 'page/wake', 'page/no-deal', 'page/time-spent', 'ui/tab-deal', 'ui/set-answer', 'ui/get-settings', 'ui/save-settings', 'ui/export', 'ui/import', 'ui/erase', 'badge/state', 'page/', 'ui/', 'PAGE/reading', 'page/reading ', '__proto__', 'constructor', ''];

function junk(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 14);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return next() * 1e12 - 5e11;
    case 3: return [NaN, Infinity, -0, -1, 2 ** 53, 1.5][Math.floor(next() * 6)];
    case 4: return 'x'.repeat(Math.floor(next() * 3) === 0 ? 2_000_001 : Math.floor(next() * 50));
    case 5: return '<img src=x onerror=alert(1)>';
    case 6: return next() > 0.5;
    case 7: return depth > 3 ? {} : Array.from({ length: Math.floor(next() * 4) }, () => junk(next, depth + 1));
    case 8: return depth > 3 ? [] : Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, junk(next, depth + 1)]));
    case 9: return JSON.parse('{"__proto__": {"polluted": true}, "type": "page/reading"}') as unknown;
    case 10: return 'demo:deal-1077';
    case 11: return 'erase-everything';
    case 12: return { type: TYPES[Math.floor(next() * TYPES.length)] };
    default: return 7;
  }
}

/** A valid message with one part broken: a field removed, retyped or oversized. */
function mutate(next: () => number): unknown {
  const base: Record<string, unknown>[] = [
    { type: 'page/reading', visitId: 'visit-0001-aaaa', reading: validReading() },
    { type: 'page/time-spent', dealKey: 'demo:deal-1077', ms: 1000 },
    { type: 'ui/set-answer', dealKey: 'demo:deal-1077', itemId: 'no-need', answer: 'flagged', note: '' },
    { type: 'ui/tab-deal', tabId: 7 },
    { type: 'ui/erase', confirm: 'erase-everything' },
    { type: 'ui/import', text: '{}' },
  ];
  const message = structuredClone(base[Math.floor(next() * base.length)]!);
  const target = message['reading'] && next() > 0.3 ? (message['reading'] as Record<string, unknown>) : message;
  const keys = Object.keys(target).filter((key) => key !== 'type' || target !== message);
  const key = keys[Math.floor(next() * keys.length)]!;
  if (next() < 0.3) delete target[key];
  else target[key] = junk(next);
  return message;
}

let service: Service;
let data: DataHandlers;
let repo: Repository;
let calls = 0;
let route: ReturnType<typeof createRouter>;

beforeAll(async () => {
  repo = new Repository(openDb('router', { indexedDB: new IDBFactory(), IDBKeyRange }));
  const ready = repo.ensureSeeded();
  const real = createService(repo, platform);
  // Every handler counts its calls: a refused message must never reach one.
  const counted = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        return typeof value === 'function' ? (...args: unknown[]) => ((calls += 1), (value as (...a: unknown[]) => unknown).apply(object, args)) : value;
      },
    });
  service = counted(real);
  data = counted(createDataHandlers(repo, { now: () => platform.now(), afterChange: async () => real.forgetCache() }));
  const diagnostics = counted(createDiagnosticsLog(repo, { now: () => platform.now(), extensionOrigin: ORIGIN }));
  route = createRouter({ handlers: handlersFor(service, data, diagnostics), ready, extensionId: ID, extensionOrigin: ORIGIN });
  await ready;
});

describe('router fuzz', () => {
  it('refuses 5,000 malformed messages without calling a handler, then answers a valid one', async () => {
    const next = rng(20261128);
    const senders = [PAGE, POPUP, { ...PAGE, frameId: 3 }, { id: 'other-extension', url: ORIGIN }, {}];
    let invalid = 0;
    let stillValid = 0;
    for (let i = 0; i < 5_000; i++) {
      const message = next() < 0.5 ? junk(next) : mutate(next);
      const sender = senders[Math.floor(next() * senders.length)]!;
      const valid = v.safeParse(PageMessageSchema, message).success || v.safeParse(UiMessageSchema, message).success;
      if (valid) {
        stillValid += 1; // a mutation that left a valid message (e.g. an empty note): not part of the fuzz count
        continue;
      }
      invalid += 1;
      const before = calls;
      const reply = (await route(message, sender)) as { ok: boolean; error?: string };
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/^Refused: /);
      expect(reply.error!.length).toBeLessThan(120);
      expect(calls).toBe(before);
    }
    expect(invalid).toBeGreaterThan(4_500);
    expect(stillValid).toBeLessThan(500);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await repo.db.deals.count()).toBe(0);

    const reply = (await route({ type: 'page/reading', visitId: 'visit-real-aaaa', reading: validReading() }, PAGE)) as { ok: boolean; value: { verdict: string; flags: string[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.flags).toContain('crowded-field');
    const stored = await repo.db.deals.toArray();
    expect(stored.map((deal) => deal.key)).toEqual(['demo:deal-1077']);
  });

  it('answers a wake from a page tab without reaching a handler, and refuses one with a payload or from elsewhere', async () => {
    const before = calls;
    const deals = await repo.db.deals.count();
    expect(await route({ type: 'page/wake' }, PAGE)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'page/wake', reading: validReading() }, PAGE)).toEqual({ ok: false, error: 'Refused: malformed page/wake message.' });
    expect(await route({ type: 'page/wake' }, POPUP)).toEqual({ ok: false, error: 'Refused: not from a page tab of this extension.' });
    expect(await route({ type: 'page/wake' }, { ...PAGE, frameId: 2 })).toEqual({ ok: false, error: 'Refused: not from a page tab of this extension.' });
    expect(calls).toBe(before);
    expect(await repo.db.deals.count()).toBe(deals);
  });

  it('refuses valid messages from the wrong sender', async () => {
    const reading = { type: 'page/reading', visitId: 'visit-real-bbbb', reading: validReading() };
    expect(await route(reading, POPUP)).toEqual({ ok: false, error: 'Refused: not from a page tab of this extension.' });
    expect(await route(reading, { ...PAGE, url: 'https://evil.example/deals/1077' })).toEqual({ ok: false, error: 'Refused: reading does not match the sending page.' });
    expect(await route({ type: 'ui/erase', confirm: 'erase-everything' }, PAGE)).toEqual({ ok: false, error: 'Refused: not from an extension page.' });
    expect(await route({ type: 'ui/export' }, { ...POPUP, id: 'another-extension' })).toEqual({ ok: false, error: 'Refused: not from an extension page.' });
    expect(await route({ type: 'ui/erase' }, POPUP)).toEqual({ ok: false, error: 'Refused: malformed ui/erase message.' });
    expect(await repo.db.deals.count()).toBe(1);
  });
});

describe('sender checks', () => {
  const tab = PAGE.tab!;
  it('accepts only our content script in the top frame of a web tab', () => {
    expect(isTopFrameOfTab(PAGE, ID, ORIGIN)).toBe(true);
    expect(isTopFrameOfTab({ ...PAGE, url: 'http://intranet.example/x' }, ID, ORIGIN)).toBe(true);
    expect(isTopFrameOfTab({ ...PAGE, frameId: 1 }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, id: 'someone-else' }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, id: undefined }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, tab: undefined }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, tab: { ...tab, id: -1 } }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, url: undefined }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, url: 'file:///etc/passwd' }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, url: 'javascript:alert(1)' }, ID, ORIGIN)).toBe(false);
    expect(isTopFrameOfTab({ ...PAGE, url: `${ORIGIN}src/ui/popup/index.html` }, ID, ORIGIN)).toBe(false);
  });

  it('accepts only pages of this extension as extension pages', () => {
    expect(isExtensionPage(POPUP, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ ...POPUP, id: 'other' }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ ...POPUP, url: 'chrome-extension://otherextensionidotherextensionid/x.html' }, ID, ORIGIN)).toBe(false);
    // A prefix of our id is not our origin (the trailing slash is part of it).
    expect(isExtensionPage({ ...POPUP, url: `chrome-extension://${ID}x/page.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ ...POPUP, url: 'https://demo.walkaway.test/' }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
});

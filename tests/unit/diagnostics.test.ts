/**
 * The local diagnostics log: only our own codes, class names and frames are kept (never a
 * message, never page text), it is capped, content-script reports are validated, the
 * worker logs its own handler failures, and erase clears it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createDataHandlers } from '../../src/background/data';
import { createDiagnosticsLog } from '../../src/background/diagnostics';
import { FakePlatform } from './fake-platform';
import { createRouter } from '../../src/background/router';
import { createService, handlersFor, type Service } from '../../src/background/service';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { errorName, ownFrames } from '../../src/contract/diagnostics';
import { DIAGNOSTICS_CAP } from '../../src/storage/repository';
import { Repository } from '../../src/storage/repository';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE: Runtime.MessageSender = { id: ID, tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false }, frameId: 0, url: 'https://demo.walkaway.test/deals/1077?q=secret' };
const OPTIONS: Runtime.MessageSender = { id: ID, url: `${ORIGIN}src/ui/options/index.html` };
const NOW = Date.UTC(2026, 10, 28, 12);
const SECRET = 'Acme is about to be acquired by Globex';

const platform = new FakePlatform(NOW);

/** An error whose message quotes page text and whose stack mixes page and extension frames. */
function pageQuotingError(): TypeError {
  const error = new TypeError(`Cannot read "${SECRET}"`);
  error.stack = [
    `TypeError: Cannot read "${SECRET}"`,
    `    at readTitle (${ORIGIN}assets/index.ts-Bx1.js:12:345)`,
    `    at ${SECRET.replace(/ /g, '_')} (https://demo.walkaway.test/app.js:1:2)`,
    `    at ${ORIGIN}assets/registry-9f.js:7:8`,
  ].join('\n');
  return error;
}

describe('what an entry may hold', () => {
  it('keeps the class name and our own file:line:col frames, nothing of the page', () => {
    const error = pageQuotingError();
    expect(errorName(error)).toBe('TypeError');
    expect(ownFrames(error, ORIGIN)).toEqual(['index.ts-Bx1.js:12:345', 'registry-9f.js:7:8']);
    expect(JSON.stringify(ownFrames(error, ORIGIN))).not.toMatch(/Acme|demo\.walkaway/);
  });

  it('a thrown non-error or an odd class name becomes a neutral word', () => {
    expect(errorName('boom')).toBe('string');
    const odd = new Error('x');
    odd.name = '<img src=x onerror=alert(1)>';
    expect(errorName(odd)).toBe('unknown');
    expect(ownFrames({ stack: `at ${ORIGIN}a.js:1:1` }, ORIGIN)).toEqual([]);
  });
});

let db: WalkAwayDb;
let repo: Repository;
let service: Service;
let route: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>;

beforeEach(async () => {
  db = openDb('diag', { indexedDB: new IDBFactory(), IDBKeyRange });
  repo = new Repository(db);
  const ready = repo.ensureSeeded();
  service = createService(repo, platform);
  const data = createDataHandlers(repo, { now: () => NOW, afterChange: async () => undefined });
  const diagnostics = createDiagnosticsLog(repo, { now: () => NOW, extensionOrigin: ORIGIN });
  route = createRouter({ handlers: handlersFor(service, data, diagnostics), ready, extensionId: ID, extensionOrigin: ORIGIN, diagnostics });
  await ready;
});

const report = (overrides: Record<string, unknown> = {}) => ({
  type: 'page/diagnostic',
  code: 'content-failed',
  adapter: 'hubspot',
  errorName: 'TypeError',
  frames: ['index.ts-Bx1.js:12:345'],
  ...overrides,
});

describe('page/diagnostic and ui/diagnostics', () => {
  it('stores a valid report with the page host only, and lists it to the options page', async () => {
    expect(await route(report(), PAGE)).toEqual({ ok: true, value: null });
    const listed = (await route({ type: 'ui/diagnostics' }, OPTIONS)) as { ok: true; value: Array<Record<string, unknown>> };
    expect(listed.ok).toBe(true);
    expect(listed.value).toEqual([
      { id: 1, at: NOW, where: 'content', code: 'content-failed', site: 'demo.walkaway.test', adapter: 'hubspot', errorName: 'TypeError', frames: ['index.ts-Bx1.js:12:345'] },
    ]);
  });

  it('refuses reports that could carry page text, from pages and from wrong senders', async () => {
    const bad = [
      report({ errorName: SECRET }),
      report({ frames: [`${SECRET}:1:1`] }),
      report({ frames: Array.from({ length: 6 }, () => 'a.js:1:1') }),
      report({ code: 'anything' }),
      report({ adapter: 'Hub Spot!' }),
      { type: 'page/diagnostic', code: 'content-failed' },
    ];
    for (const message of bad) expect(await route(message, PAGE)).toMatchObject({ ok: false });
    // The options page may not pose as a page, nor a page ask for the log.
    expect(await route(report(), OPTIONS)).toMatchObject({ ok: false });
    expect(await route({ type: 'ui/diagnostics' }, PAGE)).toMatchObject({ ok: false });
    expect(await db.diagnostics.count()).toBe(0);
    // Unknown keys are dropped by the schema, never stored.
    expect(await route(report({ message: SECRET }), PAGE)).toEqual({ ok: true, value: null });
    expect(JSON.stringify(await db.diagnostics.toArray())).not.toContain('Acme');
  });

  it('a failing handler is logged by the worker without its message', async () => {
    service.getSettings = () => Promise.reject(pageQuotingError());
    const reply = await route({ type: 'ui/get-settings' }, OPTIONS);
    expect(reply).toMatchObject({ ok: false });
    const [entry] = await db.diagnostics.toArray();
    expect(entry).toMatchObject({ where: 'worker', code: 'handler-failed', adapter: 'ui/get-settings', errorName: 'TypeError', frames: ['index.ts-Bx1.js:12:345', 'registry-9f.js:7:8'] });
    expect(JSON.stringify(await db.diagnostics.toArray())).not.toContain('Acme');
  });

  it(`keeps the newest ${DIAGNOSTICS_CAP} entries`, async () => {
    for (let i = 0; i < DIAGNOSTICS_CAP + 7; i++) {
      await repo.logDiagnostic({ at: NOW + i, where: 'content', code: 'read-failed', site: 'a.example', adapter: 'hubspot', errorName: 'Error', frames: [] });
    }
    expect(await db.diagnostics.count()).toBe(DIAGNOSTICS_CAP);
    const listed = await repo.diagnostics();
    expect(listed[0]?.at).toBe(NOW + DIAGNOSTICS_CAP + 6);
    expect(listed.at(-1)?.at).toBe(NOW + 7);
  });

  it('erase clears the log; export leaves it out', async () => {
    await route(report(), PAGE);
    const exported = (await route({ type: 'ui/export' }, OPTIONS)) as { ok: true; value: Record<string, unknown> };
    expect(Object.keys(exported.value)).not.toContain('diagnostics');
    expect(await route({ type: 'ui/erase', confirm: 'erase-everything' }, OPTIONS)).toEqual({ ok: true, value: null });
    expect(await db.diagnostics.count()).toBe(0);
  });
});

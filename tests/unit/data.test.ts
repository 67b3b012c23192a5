/** Export, import and erase (src/background/data.ts) over fake-indexeddb. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataHandlers } from '../../src/background/data';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from '../../src/protocol/views';
import { defaultChecklist } from '../../src/checklist/items';
import { SETTINGS_VERSION } from '../../src/checklist/normalize';
import { defaultSettings } from '../../src/checklist/settings';
import { IMPORT_MAX_CHARS } from '../../src/protocol/messages';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { makeAssessment, makeFacts } from './factories';

let indexedDB: IDBFactory;
let name = 0;
const fresh = () => new Repository(openDb(`data-${++name}`, { indexedDB, IDBKeyRange }));
let changes = 0;
const handlersFor = (repo: Repository) =>
  createDataHandlers(repo, {
    now: () => 1_800_000_000_000,
    afterChange: async () => {
      changes += 1;
    },
  });

beforeEach(() => {
  indexedDB = new IDBFactory();
  changes = 0;
});

/** A realistic store: twelve deals seen over several visits, answers, custom settings. */
async function fill(repo: Repository): Promise<void> {
  await repo.ensureSeeded();
  const checklist = defaultChecklist().map((item, i) => ({ ...item, weight: (i % 3) + 1 }));
  await repo.saveSettings({ ...defaultSettings(), ownEmails: ['rep@seller.example'] }, checklist);
  for (let i = 0; i < 12; i++) {
    const dealKey = `hubspot:1234:${5000 + i}`;
    const facts = makeFacts({
      site: 'hubspot',
      dealKey,
      title: `Deal <b>${i}</b> "quoted"`,
      raw: { amount: '$12,000', stage: 'Proposal' },
      stage: 'Proposal',
      amount: { value: 12_000, currency: 'USD' },
      closeDate: 1_790_000_000_000 + i,
      competitors: ['Contoso'],
      contacts: [{ name: 'Dana', role: 'champion', roleText: 'Champion' }],
      touches: [{ at: 1_780_000_000_000, direction: 'ours', kind: 'call', outcome: 'no answer' }],
      buyerStatements: [{ text: 'we are evaluating five vendors', at: null, messageIndex: 0, where: 'Buyer email' }],
      buyerMessageCount: 2,
      closeDatePushSource: 'visits',
    });
    const assessment = makeAssessment({
      verdict: 'caution',
      score: 1,
      flags: ['crowded-field'],
      knownCount: 3,
      findings: [{ itemId: 'crowded-field', status: 'flagged', source: 'auto', evidence: [{ quote: 'five vendors', where: 'Buyer email' }], reason: '' }],
    });
    for (let visit = 0; visit < (i % 3) + 1; visit++) {
      await repo.recordReading({ facts, assessment, url: `https://app.hubspot.com/contacts/1234/record/0-3/${5000 + i}`, visitId: `visit-${i}-${visit}-aaaa`, now: 1_790_000_000_000 + visit });
    }
    if (i % 2) await repo.setAnswer(dealKey, 'no-need', 'clear', `note ${i}`, 1_795_000_000_000);
  }
}

/** Every row of every table, as stored. */
async function dump(db: WalkAwayDb) {
  return {
    checklist: await db.checklist.orderBy('order').toArray(),
    settings: await db.settings.toArray(),
    deals: await db.deals.orderBy('key').toArray(),
    snapshots: await db.snapshots.toArray(),
    answers: await db.answers.toArray(),
  };
}

async function exported(repo: Repository): Promise<ExportFile> {
  const reply = await handlersFor(repo).exportAll();
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

describe('export and import', () => {
  it('round-trips every table through one JSON file', async () => {
    const source = fresh();
    await fill(source);
    const file = await exported(source);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 1_800_000_000_000, settingsVersion: SETTINGS_VERSION });
    expect(file.deals).toHaveLength(12);
    expect(file.snapshots).toHaveLength(24); // 4 deals x (1 + 2 + 3) visits
    expect(file.answers).toHaveLength(6);

    const target = fresh();
    await target.ensureSeeded();
    const reply = await handlersFor(target).importAll(JSON.stringify(file));
    expect(reply).toEqual({ ok: true, value: { deals: 12, snapshots: 24, answers: 6, checklistItems: defaultChecklist().length } });
    expect(await dump(target.db)).toEqual(await dump(source.db));
    expect(changes).toBe(1);
    // New readings after an import continue the imported snapshot ids.
    const next = await target.recordReading({
      facts: makeFacts({ dealKey: 'demo:deal-9' }),
      assessment: makeAssessment(),
      url: 'https://demo.walkaway.test/deals/9',
      visitId: 'visit-new-aaaa',
      now: 1_800_000_000_000,
    });
    expect(next.lastSnapshotId).toBeGreaterThan(Math.max(...file.snapshots.map((s) => s.id ?? 0)));
  });

  describe('refuses a bad file and changes nothing', () => {
    const cases: Array<[string, (file: ExportFile, text: string) => string, RegExp]> = [
      ['truncated', (_f, text) => text.slice(0, Math.floor(text.length / 2)), /not complete JSON/],
      ['empty', () => '', /not complete JSON/],
      ['not JSON at all', () => '<script>alert(1)</script>', /not complete JSON/],
      ['another JSON document', () => JSON.stringify({ hello: 'world' }), /not a Walk Away export/],
      ['an array', () => '[1,2,3]', /not a Walk Away export/],
      ['a newer format', (f) => JSON.stringify({ ...f, version: 2 }), /newer Walk Away \(format 2\)/],
      ['a version as text', (f) => JSON.stringify({ ...f, version: '1' }), /format version \("1"\)/],
      ['no version', (f) => JSON.stringify({ ...f, version: undefined }), /format version/],
      ['a deal with a bad key', (f) => JSON.stringify({ ...f, deals: [{ ...f.deals[0], key: 'no key here' }, ...f.deals.slice(1)] }), /deals\.0\.key/],
      ['a 1 MB title', (f) => JSON.stringify({ ...f, deals: [{ ...f.deals[0], title: 'x'.repeat(1_000_000) }] }), /deals\.0\.title/],
      ['a missing table', (f) => JSON.stringify({ ...f, snapshots: undefined }), /snapshots/],
      ['a number that is not', (f) => JSON.stringify({ ...f, deals: [{ ...f.deals[0], visits: -1 }] }), /deals\.0\.visits/],
      ['an unknown verdict', (f) => JSON.stringify({ ...f, snapshots: [{ ...f.snapshots[0], verdict: 'run' }] }), /snapshots\.0\.verdict/],
      ['a duplicated deal', (f) => JSON.stringify({ ...f, deals: [...f.deals, f.deals[0]] }), /appears twice/],
      ['a duplicated snapshot id', (f) => JSON.stringify({ ...f, snapshots: [...f.snapshots, f.snapshots[0]] }), /snapshot \d+ appears twice/],
      ['an orphan snapshot', (f) => JSON.stringify({ ...f, snapshots: [...f.snapshots, { ...f.snapshots[0], id: 999, dealKey: 'demo:nobody' }] }), /belongs to no deal/],
      ['an orphan answer', (f) => JSON.stringify({ ...f, answers: [...f.answers, { ...f.answers[0], dealKey: 'demo:nobody' }] }), /belongs to no deal/],
      ['a dangling lastSnapshotId', (f) => JSON.stringify({ ...f, deals: f.deals.map((d) => ({ ...d, lastSnapshotId: 12345 })) }), /missing snapshot/],
      ['facts of another deal', (f) => JSON.stringify({ ...f, deals: [{ ...f.deals[0], facts: f.deals[1]?.facts }, ...f.deals.slice(1)] }), /another deal's facts/],
      ['settings out of range', (f) => JSON.stringify({ ...f, settings: { ...f.settings, cutoffs: { ...f.settings.cutoffs, walkAway: 1e9 } } }), /settings are not valid \(cutoffs\.walkAway/],
      ['a checklist that is not a list', (f) => JSON.stringify({ ...f, checklist: { 'no-need': true } }), /settings are not valid \(checklist: The checklist is missing/],
      ['a newer settings version', (f) => JSON.stringify({ ...f, settingsVersion: SETTINGS_VERSION + 1 }), /settings were made by a newer Walk Away/],
      ['a settings version as text', (f) => JSON.stringify({ ...f, settingsVersion: '1' }), /settings version \("1"\)/],
      ['a prototype-polluting row', (f) => JSON.stringify(f).replace('"format":', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format":').replace('"key":"hubspot', '"__proto__":{"x":1},"key":"hubspot').replace(/"visits":\d+/, '"visits":"1; DROP TABLE"'), /deals\.\d+\.visits/],
    ];
    for (const [label, make, message] of cases) {
      it(label, async () => {
        const source = fresh();
        await fill(source);
        const file = await exported(source);
        const target = fresh();
        await fill(target);
        await target.setAnswer('hubspot:1234:5000', 'poor-fit', 'flagged', 'only in the target', 1);
        const before = await dump(target.db);
        const reply = await handlersFor(target).importAll(make(file, JSON.stringify(file)));
        expect(reply.ok).toBe(false);
        if (!reply.ok) {
          expect(reply.error).toMatch(/^This file can't be imported: /);
          expect(reply.error).toMatch(message);
          expect(reply.error).toMatch(/Nothing was changed\.$/);
          expect(reply.error.length).toBeLessThan(400);
        }
        expect(await dump(target.db)).toEqual(before);
        expect(changes).toBe(0);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      });
    }

    it('a file over the size limit', async () => {
      const target = fresh();
      await fill(target);
      const before = await dump(target.db);
      const reply = await handlersFor(target).importAll(' '.repeat(IMPORT_MAX_CHARS + 1));
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 50 MB/) as unknown });
      expect(await dump(target.db)).toEqual(before);
    });
  });

  it('rolls back everything when a write fails half-way through an import', async () => {
    const source = fresh();
    await fill(source);
    const file = await exported(source);
    const target = fresh();
    await target.ensureSeeded();
    await target.setAnswer('demo:keep', 'no-need', 'flagged', 'keep me', 1);
    const before = await dump(target.db);
    // The last table written fails: the cleared tables and the rows added before must come back.
    (target.db.answers as unknown as { bulkAdd: () => Promise<never> }).bulkAdd = () => Promise.reject(new Error('disk full'));
    await expect(handlersFor(target).importAll(JSON.stringify(file))).rejects.toThrow('disk full');
    expect(await dump(target.db)).toEqual(before);
  });
});

describe('erase', () => {
  it('leaves nothing but the defaults, read back from IndexedDB itself', async () => {
    const repo = fresh();
    await fill(repo);
    await repo.logDiagnostic({ at: 1, where: 'worker', code: 'handler-failed', site: '', adapter: 'ui/export', errorName: 'Error', frames: [] });
    const dbName = repo.db.name;
    expect(await repo.db.deals.count()).toBe(12);
    expect(await handlersFor(repo).eraseAll()).toEqual({ ok: true, value: null });
    expect(changes).toBe(1);
    repo.db.close();

    // Raw IndexedDB, no Dexie: every object store and its rows.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const stores = [...raw.objectStoreNames];
    expect(stores.sort()).toEqual(['answers', 'checklist', 'deals', 'diagnostics', 'settings', 'snapshots']);
    const rows: Record<string, unknown[]> = {};
    for (const store of stores) {
      rows[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = raw.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    }
    raw.close();
    expect(rows['deals']).toEqual([]);
    expect(rows['snapshots']).toEqual([]);
    expect(rows['answers']).toEqual([]);
    expect(rows['diagnostics']).toEqual([]);
    expect(rows['settings']).toEqual([{ key: 'settings', value: defaultSettings(), version: SETTINGS_VERSION }]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((rows['checklist'] as Array<{ id: string }>).sort(byId)).toEqual(defaultChecklist().sort(byId));
    expect(JSON.stringify(rows)).not.toContain('rep@seller.example');
  });
});

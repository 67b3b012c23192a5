/**
 * Settings that survive every upgrade (src/checklist/normalize.ts): a database or an export
 * file as each earlier release left it, and as a release with fewer items, thresholds or
 * sites than this one would leave it, loads, scores every item, saves and imports, and
 * keeps everything the rep changed. Bad stored values are still refused, with their message.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataHandlers } from '../../src/background/data';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/protocol/views';
import { BUILT_IN_ITEM_IDS, defaultChecklist, type ChecklistItem } from '../../src/checklist/items';
import { normalizeSettings, SETTINGS_VERSION } from '../../src/checklist/normalize';
import { DEFAULT_THRESHOLDS, defaultSettings, SITE_IDS, type Settings } from '../../src/checklist/settings';
import { validateSettings } from '../../src/checklist/validate';
import { assess } from '../../src/scoring/score';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../src/storage/schema';
import { draftFrom, payloadOf } from '../../src/ui/options/draft';
import { makeAssessment, makeFacts } from './factories';

const SCHEMAS: Record<number, Record<string, string>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4 };
const NOW = 1_800_000_000_000;
type Json = Record<string, unknown>;

let indexedDB: IDBFactory;
let dbCount = 0;
beforeEach(() => {
  indexedDB = new IDBFactory();
});

/** What the rep changed: weights, an item off, a renamed built-in, a custom item, thresholds, cutoffs, a site off, addresses. */
function repChecklist(): ChecklistItem[] {
  const items = defaultChecklist().map((item) => {
    if (item.id === 'no-need') return { ...item, weight: 2.5, title: 'Need unclear' };
    if (item.id === 'price-only') return { ...item, enabled: false };
    if (item.id === 'stalled') return { ...item, weight: 3 };
    return item;
  });
  return [
    ...items,
    {
      id: 'custom-legal-review',
      title: 'Legal review not started',
      question: 'Has their legal team not started its review?',
      yesMeans: 'flagged',
      weight: 2,
      enabled: true,
      builtIn: false,
      order: items.length,
      phrases: ['legal has not looked', 'no legal review'],
    },
    {
      id: 'custom-no-pilot',
      title: 'No pilot',
      question: 'Did they refuse a pilot?',
      yesMeans: 'flagged',
      weight: 1.5,
      enabled: false,
      builtIn: false,
      order: items.length + 1,
      phrases: ['no pilot'],
    },
  ];
}

function repSettings(): Settings {
  const settings = defaultSettings();
  return {
    thresholds: { ...settings.thresholds, unresponsiveDays: 21, maxVendors: 5, priceOnlyShare: 0.7 },
    cutoffs: { walkAway: 4, caution: 1.5, minKnownForPursue: 3 },
    sites: { ...settings.sites, demo: false },
    ownEmails: ['rep@seller.example', 'rep@seller-alias.example'],
  };
}

/** Drops keys from a JSON copy: `without(settings, 'sites.generic')`. */
function without<T>(value: T, ...paths: string[]): Json {
  const copy = structuredClone(value) as Json;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let target: Json = copy;
    for (const key of keys) target = target[key] as Json;
    delete target[last];
  }
  return copy;
}

/**
 * Settings and checklist rows as each release stored them. Schema v1 and v2 shipped before
 * the generic-CRM site existed (its sites object had six keys); the thresholds, cutoffs,
 * ownEmails and the twelve items are unchanged since v1. No release before this one wrote a
 * settings version.
 */
const RELEASES = [
  { name: 'schema v1 (six sites)', schema: 1, settings: () => without(repSettings(), 'sites.generic'), version: undefined },
  { name: 'schema v2 (six sites)', schema: 2, settings: () => without(repSettings(), 'sites.generic'), version: undefined },
  { name: 'schema v3', schema: 3, settings: () => without(repSettings()), version: undefined },
  { name: 'schema v4, before settings versions', schema: 4, settings: () => without(repSettings()), version: undefined },
  { name: 'this release', schema: CURRENT_VERSION, settings: () => without(repSettings()), version: SETTINGS_VERSION },
] as const;

/** Writes rows with a database of schema `schema`, as that release did, and closes it. */
async function seedDatabase(schema: number, settings: unknown, checklist: unknown[], version?: number): Promise<string> {
  const name = `settings-upgrade-${++dbCount}`;
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(schema).stores(SCHEMAS[schema]!);
  await old.table('settings').add(version === undefined ? { key: 'settings', value: settings } : { key: 'settings', value: settings, version });
  await old.table('checklist').bulkAdd(checklist);
  old.close();
  return name;
}

function repoOn(name: string): Repository {
  return new Repository(openDb(name, { indexedDB, IDBKeyRange }));
}

async function storedRows(db: WalkAwayDb) {
  return { settings: await db.settings.toArray(), checklist: await db.checklist.orderBy('order').toArray() };
}

/** The checklist this release should read back: `stored` with any missing built-in at its SPEC place. */
function expectedChecklist(stored: ChecklistItem[]): ChecklistItem[] {
  const byId = new Map(stored.map((item) => [item.id, item]));
  const builtIns = defaultChecklist().map((item) => byId.get(item.id) ?? item);
  const custom = stored.filter((item) => !item.builtIn);
  return [...builtIns, ...custom].map((item, order) => ({ ...item, order }));
}

/** Loads, scores, validates, saves and reloads: what the worker and the options page do. */
async function expectUsable(repo: Repository, expected: { settings: Settings; checklist: ChecklistItem[] }) {
  const loaded = await repo.ensureSeeded();
  expect(loaded).toEqual(expected);
  expect(await repo.loadSettings()).toEqual(expected);

  // Every enabled item is scored, the filled-in ones included.
  const assessment = assess(makeFacts(), loaded.checklist, [], loaded.settings, NOW);
  expect(assessment.findings.map((f) => f.itemId)).toEqual(loaded.checklist.filter((i) => i.enabled).map((i) => i.id));

  // Saving any setting works: the worker validates the whole set, then stores it.
  const edited = { ...loaded.settings, ownEmails: [...loaded.settings.ownEmails, 'new@seller.example'] };
  const checked = validateSettings(edited, loaded.checklist);
  expect(checked).toMatchObject({ ok: true });
  if (!checked.ok) return;
  expect(checked.checklist).toEqual(expected.checklist);
  await repo.saveSettings(checked.settings, checked.checklist);
  expect(await repo.loadSettings()).toEqual({ settings: edited, checklist: expected.checklist });
  expect((await repo.db.settings.get('settings'))?.version).toBe(SETTINGS_VERSION);

  // The options page's draft of it saves as is.
  const payload = payloadOf(draftFrom(loaded));
  expect(validateSettings(payload.settings, payload.checklist)).toEqual({ ok: true, ...expected });
}

describe('a database as each release left it', () => {
  for (const release of RELEASES) {
    it(`${release.name}: loads with every rep change, every site and every item, scores, saves`, async () => {
      const name = await seedDatabase(release.schema, release.settings(), repChecklist(), release.version);
      const repo = repoOn(name);
      const before = await storedRows(repo.db);
      const expected = { settings: repSettings(), checklist: repChecklist() };
      if (!('generic' in (release.settings().sites as Json))) expected.settings.sites.generic = true;

      expect(await repo.ensureSeeded()).toEqual(expected);
      // Loading fills in memory only: the rows stay as they were until the rep saves.
      expect(await storedRows(repo.db)).toEqual(before);
      await expectUsable(repo, expected);
      repo.db.close();
    });
  }

  // A release older than this one, seen from this one: it lacked a built-in item, a
  // threshold, a cutoff, a site, the addresses. Each is taken out of the stored rows here.
  const SHORT: Array<{ name: string; settings: (s: Settings) => Json; checklist: (c: ChecklistItem[]) => ChecklistItem[]; expected: (s: Settings) => Settings }> = [
    {
      name: 'one built-in item short (gatekeeper, mid-list)',
      settings: (s) => without(s),
      checklist: (c) => c.filter((item) => item.id !== 'gatekeeper'),
      expected: (s) => s,
    },
    {
      name: 'the last built-in item and the first one short',
      settings: (s) => without(s),
      checklist: (c) => c.filter((item) => item.id !== 'no-value' && item.id !== 'no-need'),
      expected: (s) => s,
    },
    {
      name: 'a sites object one key short (outlook)',
      settings: (s) => without(s, 'sites.outlook'),
      checklist: (c) => c,
      expected: (s) => ({ ...s, sites: { ...s.sites, outlook: true } }),
    },
    {
      name: 'two thresholds and a cutoff short',
      settings: (s) => without(s, 'thresholds.priceOnlyShare', 'thresholds.stalledIdleDays', 'cutoffs.minKnownForPursue'),
      checklist: (c) => c,
      expected: (s) => ({
        ...s,
        thresholds: { ...s.thresholds, priceOnlyShare: DEFAULT_THRESHOLDS.priceOnlyShare, stalledIdleDays: DEFAULT_THRESHOLDS.stalledIdleDays },
        cutoffs: { ...s.cutoffs, minKnownForPursue: defaultSettings().cutoffs.minKnownForPursue },
      }),
    },
    {
      name: 'no thresholds, no ownEmails at all',
      settings: (s) => without(s, 'thresholds', 'ownEmails'),
      checklist: (c) => c,
      expected: (s) => ({ ...s, thresholds: { ...DEFAULT_THRESHOLDS }, ownEmails: [] }),
    },
  ];
  for (const short of SHORT) {
    it(`${short.name}: the missing part is filled from the defaults and the rest kept`, async () => {
      const stored = short.checklist(repChecklist());
      // Stored order numbers as that release wrote them: consecutive, without the missing item.
      const name = await seedDatabase(4, short.settings(repSettings()), stored.map((item, order) => ({ ...item, order })));
      const repo = repoOn(name);
      const expected = { settings: short.expected(repSettings()), checklist: expectedChecklist(stored) };
      await expectUsable(repo, expected);
      repo.db.close();
    });
  }

  it('a filled-in item is on with the default weight, at its SPEC place', async () => {
    const name = await seedDatabase(4, repSettings(), repChecklist().filter((item) => item.id !== 'gatekeeper'));
    const repo = repoOn(name);
    const { checklist } = await repo.loadSettings();
    expect(checklist.map((item) => item.id)).toEqual([...BUILT_IN_ITEM_IDS, 'custom-legal-review', 'custom-no-pilot']);
    expect(checklist.find((item) => item.id === 'gatekeeper')).toEqual(defaultChecklist().find((item) => item.id === 'gatekeeper'));
    repo.db.close();
  });
});

/** An export file as a release wrote it: format 1, with or without a settings version. */
function exportFile(settings: unknown, checklist: unknown, settingsVersion?: number): string {
  const facts = makeFacts({ dealKey: 'hubspot:1234:5001', site: 'hubspot', title: 'Globex renewal' });
  const deal = {
    key: facts.dealKey,
    site: facts.site,
    title: facts.title,
    url: 'https://app.hubspot.com/contacts/1234/record/0-3/5001',
    facts,
    assessment: makeAssessment(),
    firstSeen: NOW - 5_000,
    lastSeen: NOW - 1_000,
    visits: 2,
    msSpent: 60_000,
    lastVisitId: 'visit-1-aaaaaaaa',
    lastSnapshotId: 1,
  };
  const snapshot = { id: 1, dealKey: deal.key, at: NOW - 1_000, verdict: 'unknown', score: 0, findings: [], closeDate: null, stage: null };
  const answer = { dealKey: deal.key, itemId: 'custom-legal-review', status: 'flagged', note: 'Legal is on holiday', at: NOW - 500 };
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: NOW - 100,
    ...(settingsVersion === undefined ? {} : { settingsVersion }),
    settings,
    checklist,
    deals: [deal],
    snapshots: [snapshot],
    answers: [answer],
  });
}

async function freshRepo(): Promise<Repository> {
  const repo = repoOn(`settings-import-${++dbCount}`);
  await repo.ensureSeeded();
  return repo;
}

const handlers = (repo: Repository) => createDataHandlers(repo, { now: () => NOW, afterChange: () => Promise.resolve() });

describe('importing an export file made by an earlier release', () => {
  const FILES = [
    { name: 'format 1, before settings versions', settings: () => without(repSettings()), checklist: repChecklist(), version: undefined },
    { name: 'this release', settings: () => without(repSettings()), checklist: repChecklist(), version: SETTINGS_VERSION },
    { name: 'six sites (no generic CRM yet)', settings: () => without(repSettings(), 'sites.generic'), checklist: repChecklist(), version: undefined },
    { name: 'one built-in item short', settings: () => without(repSettings()), checklist: repChecklist().filter((i) => i.id !== 'budget-hidden'), version: undefined },
    { name: 'one threshold short', settings: () => without(repSettings(), 'thresholds.unresponsiveTouches'), checklist: repChecklist(), version: undefined },
  ];
  for (const file of FILES) {
    it(`${file.name}: imports, keeps the rep's changes, fills the rest`, async () => {
      const repo = await freshRepo();
      const reply = await handlers(repo).importAll(exportFile(file.settings(), file.checklist, file.version));
      expect(reply).toEqual({ ok: true, value: { deals: 1, snapshots: 1, answers: 1, checklistItems: repChecklist().length } });

      const expected = { settings: repSettings(), checklist: expectedChecklist(file.checklist) };
      if (file.name.startsWith('one threshold')) expected.settings.thresholds.unresponsiveTouches = DEFAULT_THRESHOLDS.unresponsiveTouches;
      await expectUsable(repo, expected);
      expect(await repo.answersFor('hubspot:1234:5001')).toHaveLength(1);

      // And this release's export of it imports again, unchanged.
      const again = await handlers(repo).exportAll();
      expect(again.ok && again.value.settingsVersion).toBe(SETTINGS_VERSION);
      const other = await freshRepo();
      expect(await handlers(other).importAll(JSON.stringify(again.ok && again.value))).toMatchObject({ ok: true });
      expect(await other.loadSettings()).toEqual(await repo.loadSettings());
      repo.db.close();
      other.db.close();
    });
  }

  it('drops a site this build no longer has, and a threshold no release knows', async () => {
    const settings = without(repSettings()) as { sites: Json; thresholds: Json };
    settings.sites['zoho'] = true;
    settings.thresholds['maxMeetings'] = 7;
    const repo = await freshRepo();
    expect(await handlers(repo).importAll(exportFile(settings, repChecklist()))).toMatchObject({ ok: true });
    const loaded = await repo.loadSettings();
    expect(loaded.settings).toEqual(repSettings());
    expect(Object.keys(loaded.settings.sites).sort()).toEqual([...SITE_IDS].sort());
    repo.db.close();
  });
});

describe('bad stored values are refused, not repaired', () => {
  const BAD: Array<{ name: string; settings: () => Json; checklist: () => unknown[]; path: string; message: RegExp }> = [
    {
      name: 'a weight of -5',
      settings: () => without(repSettings()),
      checklist: () => repChecklist().map((item) => (item.id === 'stalled' ? { ...item, weight: -5 } : item)),
      path: `checklist.${BUILT_IN_ITEM_IDS.indexOf('stalled')}.weight`,
      message: /from 0\.5 to 10/,
    },
    {
      name: 'a threshold given as text',
      settings: () => ({ ...without(repSettings()), thresholds: { ...repSettings().thresholds, unresponsiveDays: '21' } }),
      checklist: () => repChecklist(),
      path: 'thresholds.unresponsiveDays',
      message: /^Enter a number\./,
    },
    {
      name: 'a site switch of null',
      settings: () => ({ ...without(repSettings()), sites: { ...repSettings().sites, gmail: null } }),
      checklist: () => repChecklist(),
      path: 'sites.gmail',
      message: /Turn this site on or off/,
    },
    {
      name: 'a custom item without its question',
      settings: () => without(repSettings()),
      checklist: () => repChecklist().map((item) => (item.id === 'custom-no-pilot' ? without(item, 'question') : item)),
      path: `checklist.${BUILT_IN_ITEM_IDS.length + 1}.question`,
      message: /Write the question/,
    },
    {
      name: 'thresholds that are not an object',
      settings: () => ({ ...without(repSettings()), thresholds: 'default' }),
      checklist: () => repChecklist(),
      path: 'thresholds',
      message: /missing/,
    },
  ];
  for (const bad of BAD) {
    it(`${bad.name}: still there after normalising, refused with its field message`, () => {
      const normalized = normalizeSettings(bad.settings(), bad.checklist());
      const result = validateSettings(normalized.settings, normalized.checklist);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors[bad.path]).toMatch(bad.message);
    });

    it(`${bad.name}: an import of it is refused and the existing data is untouched`, async () => {
      const repo = await freshRepo();
      await handlers(repo).importAll(exportFile(without(repSettings()), repChecklist()));
      const before = { ...(await storedRows(repo.db)), deals: await repo.db.deals.toArray(), answers: await repo.db.answers.toArray() };
      const reply = await handlers(repo).importAll(exportFile(bad.settings(), bad.checklist()));
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error).toContain(`its settings are not valid (${bad.path}: `);
        expect(reply.error).toMatch(/Nothing was changed\.$/);
      }
      expect({ ...(await storedRows(repo.db)), deals: await repo.db.deals.toArray(), answers: await repo.db.answers.toArray() }).toEqual(before);
      repo.db.close();
    });
  }

  it('a bad value in the database is loaded as stored, for the options page to show and refuse', async () => {
    const checklist = repChecklist().map((item) => (item.id === 'poor-fit' ? { ...item, weight: -5 } : item));
    const name = await seedDatabase(4, without(repSettings(), 'sites.generic'), checklist);
    const repo = repoOn(name);
    const loaded = await repo.loadSettings();
    expect(loaded.checklist.find((item) => item.id === 'poor-fit')?.weight).toBe(-5);
    expect(loaded.settings.sites.generic).toBe(true);
    const payload = payloadOf(draftFrom(loaded));
    expect(validateSettings(payload.settings, payload.checklist)).toMatchObject({ ok: false, fieldErrors: { 'checklist.2.weight': expect.any(String) as unknown } });
    repo.db.close();
  });
});

describe('normalizeSettings', () => {
  it('leaves its input as it was', () => {
    const settings = without(repSettings(), 'sites.generic', 'thresholds.maxVendors');
    const checklist = repChecklist().filter((item) => item.id !== 'stalled');
    const copies = structuredClone({ settings, checklist });
    normalizeSettings(settings, checklist);
    expect({ settings, checklist }).toEqual(copies);
  });

  it('returns input that is not an object or a list as it came, for validation to refuse', () => {
    expect(normalizeSettings(null, 'items')).toEqual({ settings: null, checklist: 'items' });
  });

  it('fills nothing in complete current settings', () => {
    expect(normalizeSettings(repSettings(), repChecklist())).toEqual({ settings: repSettings(), checklist: repChecklist() });
  });

  it('keeps a malformed built-in entry where it is instead of adding a second one', () => {
    const checklist: unknown[] = repChecklist().map((item) => (item.id === 'stalled' ? { id: 'stalled', weight: 'heavy' } : item));
    const { checklist: out } = normalizeSettings(repSettings(), checklist) as { checklist: Json[] };
    expect(out.filter((item) => item['id'] === 'stalled')).toHaveLength(1);
    const result = validateSettings(repSettings(), out);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual([`checklist.${BUILT_IN_ITEM_IDS.indexOf('stalled')}.weight`]);
  });
});

describe('the options draft', () => {
  it('shows a site the settings lack as on, as the worker treats it', () => {
    const settings = without(defaultSettings(), 'sites.generic', 'sites.gmail') as unknown as Settings;
    const draft = draftFrom({ settings, checklist: defaultChecklist() });
    expect(draft.sites.generic).toBe(true);
    expect(draft.sites.gmail).toBe(true);
    expect(payloadOf(draft).settings.sites).toEqual(defaultSettings().sites);
  });

  it('keeps a site switched off, off', () => {
    const settings = { ...defaultSettings(), sites: { ...defaultSettings().sites, outlook: false } };
    expect(draftFrom({ settings, checklist: defaultChecklist() }).sites.outlook).toBe(false);
  });
});

describe('filled-in values', () => {
  it('are copies: changing one item or the result changes no other item and no default', () => {
    const withoutPhrases = (id: string) => ({ ...without(repChecklist().find((item) => item.id === id)), phrases: undefined });
    const { checklist } = normalizeSettings(repSettings(), [...defaultChecklist(), withoutPhrases('custom-legal-review'), { ...withoutPhrases('custom-no-pilot'), id: 'custom-other' }]) as {
      checklist: ChecklistItem[];
    };
    checklist.at(-1)!.phrases.push('changed');
    expect(checklist.at(-2)!.phrases).toEqual([]);
    expect(normalizeSettings(repSettings(), [withoutPhrases('custom-legal-review')]).checklist).toContainEqual(expect.objectContaining({ id: 'custom-legal-review', phrases: [] }));
  });
});

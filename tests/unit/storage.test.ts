import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultChecklist } from '../../src/checklist/items';
import { defaultSettings } from '../../src/checklist/settings';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { SCHEMA_V1 } from '../../src/storage/schema';
import { makeAssessment, makeFacts } from './factories';

let indexedDB: IDBFactory;
const options = () => ({ indexedDB, IDBKeyRange });

beforeEach(() => {
  indexedDB = new IDBFactory();
});

/** A database as version 1 left it, filled with realistic rows. */
async function fillVersion1(name: string) {
  const v1 = new Dexie(name, options());
  v1.version(1).stores(SCHEMA_V1);
  const deals = Array.from({ length: 25 }, (_, i) => ({
    key: `hubspot:1234:${1000 + i}`,
    site: 'hubspot',
    title: `Deal ${i}`,
    url: `https://app.hubspot.com/contacts/1234/record/0-3/${1000 + i}`,
    facts: makeFacts({ dealKey: `hubspot:1234:${1000 + i}`, title: `Deal ${i}` }),
    assessment: makeAssessment(),
    lastSeen: 1_800_000_000_000 + i,
    lastVisitId: `visit-${i}-aaaaaaaa`,
    lastSnapshotId: null,
  }));
  const snapshots = deals.flatMap((deal, i) =>
    Array.from({ length: i % 4 }, (_, n) => ({
      dealKey: deal.key,
      at: 1_700_000_000_000 + i * 1000 + n,
      verdict: 'caution',
      score: 1,
      findings: [{ itemId: 'stalled', status: 'flagged' }],
      closeDate: 1_790_000_000_000 + n * 86_400_000,
      stage: 'Proposal',
    })),
  );
  const answers = deals.slice(0, 10).map((deal, i) => ({
    dealKey: deal.key,
    itemId: i % 2 ? 'poor-fit' : 'no-need',
    status: i % 2 ? 'flagged' : 'clear',
    note: `note ${i} <b>not html</b>`,
    at: 1_750_000_000_000 + i,
  }));
  const checklist = defaultChecklist().map((item, i) => ({ ...item, weight: (i % 3) + 1 }));
  const settings = { ...defaultSettings(), ownEmails: ['rep@seller.example'] };
  await v1.table('checklist').bulkAdd(checklist);
  await v1.table('settings').add({ key: 'settings', value: settings });
  await v1.table('deals').bulkAdd(deals);
  await v1.table('snapshots').bulkAdd(snapshots);
  await v1.table('answers').bulkAdd(answers);
  v1.close();
  return { deals, snapshots, answers, checklist, settings };
}

describe('schema upgrade v1 -> v2', () => {
  it('keeps every row and derives the sunk-cost fields from v1 snapshots', async () => {
    const before = await fillVersion1('upgrade');
    const db = openDb('upgrade', options());
    await db.open();
    // Later versions upgrade on top (v3: tests/unit/links.test.ts).
    expect(db.verno).toBeGreaterThanOrEqual(2);

    const deals = await db.deals.toArray();
    expect(deals).toHaveLength(before.deals.length);
    for (const old of before.deals) {
      const deal = deals.find((d) => d.key === old.key);
      expect(deal).toMatchObject({ title: old.title, url: old.url, facts: old.facts, assessment: old.assessment, lastSeen: old.lastSeen });
      const ofDeal = before.snapshots.filter((s) => s.dealKey === old.key);
      expect(deal?.visits).toBe(Math.max(ofDeal.length, 1));
      expect(deal?.firstSeen).toBe(ofDeal.length ? Math.min(...ofDeal.map((s) => s.at)) : old.lastSeen);
      expect(deal?.msSpent).toBe(0);
    }
    const snapshots = await db.snapshots.toArray();
    expect(snapshots.map(({ id: _id, ...rest }) => rest)).toEqual(before.snapshots);
    expect(await db.answers.toArray()).toEqual(expect.arrayContaining(before.answers));
    expect(await db.answers.count()).toBe(before.answers.length);
    expect(await db.checklist.orderBy('order').toArray()).toEqual(before.checklist);
    expect((await db.settings.get('settings'))?.value).toEqual(before.settings);
    // The v2 index answers the history query the worker makes.
    const repo = new Repository(db);
    const key = before.deals[3]!.key;
    expect(await repo.previousCloseDates(key)).toEqual(
      before.snapshots.filter((s) => s.dealKey === key).map((s) => s.closeDate),
    );
    db.close();
  });
});

describe('Repository', () => {
  let db: WalkAwayDb;
  let repo: Repository;
  beforeEach(async () => {
    db = openDb('repo', options());
    repo = new Repository(db);
    await repo.ensureSeeded();
  });

  it('seeds the twelve items and default settings once', async () => {
    await repo.ensureSeeded();
    const { settings, checklist } = await repo.loadSettings();
    expect(checklist.map((i) => i.id)).toEqual(defaultChecklist().map((i) => i.id));
    expect(checklist.every((i) => i.weight === 1 && i.enabled)).toBe(true);
    expect(settings).toEqual(defaultSettings());
  });

  it('gives back the stored settings at start, and writes only when something is missing', async () => {
    const custom = { ...defaultSettings(), thresholds: { ...defaultSettings().thresholds, stalledDaysInStage: 45 } };
    const checklist = defaultChecklist().map((item, i) => (i === 0 ? { ...item, weight: 3 } : item));
    await repo.saveSettings(custom, checklist);
    const writes: string[] = [];
    db.settings.hook('creating', () => void writes.push('settings'));
    db.checklist.hook('creating', () => void writes.push('checklist'));
    expect(await repo.ensureSeeded()).toEqual({ settings: custom, checklist });
    expect(writes).toEqual([]);
    // After an erase left the checklist empty, it seeds it again and says so.
    await db.checklist.clear();
    const reseeded = await repo.ensureSeeded();
    expect(reseeded.checklist.map((i) => i.id)).toEqual(defaultChecklist().map((i) => i.id));
    expect(reseeded.settings).toEqual(custom);
    expect(writes.filter((w) => w === 'checklist')).toHaveLength(defaultChecklist().length);
  });

  it('counts a visit once per page view and keeps one snapshot per view', async () => {
    const facts = makeFacts({ dealKey: 'demo:deal-1' });
    const base = { facts, assessment: makeAssessment(), url: 'https://demo.walkaway.test/deals/1' };
    await repo.recordReading({ ...base, visitId: 'view-one-1', now: 1000 });
    await repo.recordReading({ ...base, visitId: 'view-one-1', now: 2000 });
    let deal = await repo.getDeal('demo:deal-1');
    expect(deal).toMatchObject({ visits: 1, firstSeen: 1000, lastSeen: 2000 });
    expect(await db.snapshots.count()).toBe(1);
    await repo.recordReading({ ...base, visitId: 'view-two-2', now: 3000 });
    deal = await repo.getDeal('demo:deal-1');
    expect(deal).toMatchObject({ visits: 2, firstSeen: 1000, lastSeen: 3000 });
    expect(await db.snapshots.count()).toBe(2);
  });

  it('lists earlier close dates oldest first', async () => {
    for (const [n, closeDate] of [30, 10, 20].entries()) {
      await repo.recordReading({
        facts: makeFacts({ dealKey: 'demo:deal-2', closeDate }),
        assessment: makeAssessment(),
        url: 'https://demo.walkaway.test/deals/2',
        visitId: `visit-number-${n}`,
        now: 100 + n,
      });
    }
    expect(await repo.previousCloseDates('demo:deal-2')).toEqual([30, 10, 20]);
  });

  it('adds time spent and keeps answers until set back to auto', async () => {
    await repo.recordReading({ facts: makeFacts({ dealKey: 'demo:deal-3' }), assessment: makeAssessment(), url: 'u', visitId: 'visit-aaaa-1', now: 1 });
    await repo.addTimeSpent('demo:deal-3', 1500);
    await repo.addTimeSpent('demo:deal-3', 500);
    expect((await repo.getDeal('demo:deal-3'))?.msSpent).toBe(2000);
    await repo.setAnswer('demo:deal-3', 'poor-fit', 'flagged', 'tiny team', 5);
    await repo.setAnswer('demo:deal-3', 'poor-fit', 'clear', 'they grew', 6);
    expect(await repo.answersFor('demo:deal-3')).toEqual([{ dealKey: 'demo:deal-3', itemId: 'poor-fit', status: 'clear', note: 'they grew', at: 6 }]);
    await repo.setAnswer('demo:deal-3', 'poor-fit', 'auto', '', 7);
    expect(await repo.answersFor('demo:deal-3')).toEqual([]);
  });

  it('pages deals newest first, optionally of one verdict', async () => {
    const verdicts = ['walk-away', 'caution', 'pursue'] as const;
    for (let i = 0; i < 7; i++) {
      await repo.recordReading({
        facts: makeFacts({ dealKey: `demo:deal-${i}` }),
        assessment: makeAssessment({ verdict: verdicts[i % 3] }),
        url: 'u',
        visitId: `visit-page-${i}`,
        now: 1000 + i,
      });
    }
    const first = await repo.dealsPage(0, 3, null);
    expect(first.total).toBe(7);
    expect(first.deals.map((d) => d.key)).toEqual(['demo:deal-6', 'demo:deal-5', 'demo:deal-4']);
    expect((await repo.dealsPage(6, 3, null)).deals.map((d) => d.key)).toEqual(['demo:deal-0']);
    const cautious = await repo.dealsPage(1, 5, 'caution');
    expect(cautious.total).toBe(2);
    expect(cautious.deals.map((d) => d.key)).toEqual(['demo:deal-1']);
  });

  it('saves settings and checklist together', async () => {
    const { settings, checklist } = await repo.loadSettings();
    const renamed = checklist.map((item) => (item.id === 'stalled' ? { ...item, title: 'Going nowhere', weight: 2 } : item));
    await repo.saveSettings({ ...settings, ownEmails: ['me@x.example'] }, renamed);
    const loaded = await repo.loadSettings();
    expect(loaded.settings.ownEmails).toEqual(['me@x.example']);
    expect(loaded.checklist.find((i) => i.id === 'stalled')).toMatchObject({ title: 'Going nowhere', weight: 2 });
  });
});

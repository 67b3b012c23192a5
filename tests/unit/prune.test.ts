/** Storage pressure: the pruning policy, and a quota refusal met by prune + one retry. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RawReading } from '../../src/adapters/types';
import { FakePlatform } from './fake-platform';
import { createService } from '../../src/background/service';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { GLOBAL_FRACTION, isQuotaError, KEEP_NEWEST_PER_DEAL, snapshotsToPrune, STORAGE_FULL, type SnapshotStub } from '../../src/storage/prune';
import { Repository } from '../../src/storage/repository';
import type { DealView } from '../../src/protocol/views';
import { makeAssessment, makeFacts } from './factories';

const T0 = 1_790_000_000_000;

function history(dealKey: string, count: number, firstId: number): SnapshotStub[] {
  return Array.from({ length: count }, (_, i) => ({ id: firstId + i, dealKey, at: T0 + i * 1000 }));
}

describe('snapshotsToPrune (pure policy)', () => {
  it('keeps each deal\'s first and newest snapshots, drops the middle', () => {
    const a = history('hubspot:1:a', 30, 1);
    const b = history('hubspot:1:b', 5, 100);
    const doomed = snapshotsToPrune([...a, ...b], new Set([30, 104]));
    // 30 snapshots: the first and the newest 20 stay, ids 2..10 go; deal b is untouched.
    expect(doomed).toEqual(Array.from({ length: 30 - 1 - KEEP_NEWEST_PER_DEAL }, (_, i) => i + 2));
  });

  it('never drops the snapshot a deal points at, even an old one', () => {
    const a = history('hubspot:1:a', 30, 1);
    const doomed = snapshotsToPrune(a, new Set([5]));
    expect(doomed).not.toContain(5);
    expect(doomed).not.toContain(1);
    expect(doomed).toHaveLength(8);
  });

  it('when every deal is short, drops the oldest quarter across deals, never a first or current one', () => {
    const a = history('hubspot:1:a', 10, 1);
    const b = history('hubspot:1:b', 10, 100).map((s) => ({ ...s, at: s.at + 500 }));
    const current = new Set([10, 109]);
    const doomed = snapshotsToPrune([...a, ...b], current);
    const spare = 20 - 2 - 2;
    expect(doomed).toHaveLength(Math.ceil(spare * GLOBAL_FRACTION));
    // Oldest first, interleaving the two deals by time.
    expect(doomed).toEqual([2, 101, 3, 102]);
    for (const id of [1, 100, ...current]) expect(doomed).not.toContain(id);
  });

  it('has nothing to drop when each deal has only its first and current snapshot', () => {
    expect(snapshotsToPrune([...history('a:1', 2, 1), ...history('b:1', 1, 10)], new Set([2, 10]))).toEqual([]);
    expect(snapshotsToPrune([], new Set())).toEqual([]);
  });
});

describe('isQuotaError', () => {
  it('recognises the refusal bare and as Dexie wraps it', () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

let db: WalkAwayDb;
let repo: Repository;

/** The next `times` snapshot writes are refused as a full disk would refuse them. */
function refuseSnapshotWrites(times: number): { refused: () => number } {
  let refused = 0;
  const add = db.snapshots.add.bind(db.snapshots);
  db.snapshots.add = ((...args: Parameters<typeof add>) => {
    if (refused < times) {
      refused += 1;
      return Dexie.Promise.reject(new Dexie.QuotaExceededError('The quota has been exceeded.'));
    }
    return add(...args);
  });
  return { refused: () => refused };
}

async function visit(dealKey: string, n: number): Promise<void> {
  await repo.recordReading({
    facts: makeFacts({ dealKey, title: dealKey, closeDate: T0 + n }),
    assessment: makeAssessment(),
    url: `https://app.hubspot.com/contacts/1/record/0-3/${dealKey.length}`,
    visitId: `visit-${dealKey.replace(/\W/g, '')}-${n}-aaaa`,
    now: T0 + n * 60_000,
  });
}

async function snapshotCount(dealKey: string): Promise<number> {
  return db.snapshots.where('[dealKey+at]').between([dealKey, -Infinity], [dealKey, Infinity]).count();
}

describe('a quota refusal while storing a reading', () => {
  beforeEach(async () => {
    db = openDb('prune', { indexedDB: new IDBFactory(), IDBKeyRange });
    repo = new Repository(db);
    await repo.ensureSeeded();
    for (let n = 0; n < 30; n++) await visit('hubspot:1:busy', n);
    for (let n = 0; n < 3; n++) await visit('hubspot:1:quiet', n);
    await repo.setAnswer('hubspot:1:busy', 'no-need', 'clear', 'They signed the budget', T0);
    await repo.setAnswer('hubspot:1:quiet', 'crowded-field', 'flagged', 'Five vendors', T0);
  });

  it('prunes by the policy, retries once, stores the visit and keeps every answer', async () => {
    const answersBefore = await db.answers.toArray();
    const quota = refuseSnapshotWrites(1);
    await visit('hubspot:1:busy', 30);
    expect(quota.refused()).toBe(1);
    // 30 kept to first + newest 20, then the retried visit added one.
    expect(await snapshotCount('hubspot:1:busy')).toBe(1 + KEEP_NEWEST_PER_DEAL + 1);
    expect(await snapshotCount('hubspot:1:quiet')).toBe(3);
    const deal = await db.deals.get('hubspot:1:busy');
    expect(deal?.visits).toBe(31);
    expect(await db.snapshots.get(deal?.lastSnapshotId ?? -1)).toMatchObject({ dealKey: 'hubspot:1:busy', at: T0 + 30 * 60_000 });
    // The first snapshot (history start) survives.
    expect((await db.snapshots.orderBy('at').first())?.at).toBe(T0);
    expect(await db.answers.toArray()).toEqual(answersBefore);
  });

  it('still full after pruning: nothing half-written, the reading reply carries the warning', async () => {
    const platform = new FakePlatform(T0 + 99 * 60_000);
    const service = createService(repo, platform);
    const answersBefore = await db.answers.toArray();
    const dealBefore = await db.deals.get('hubspot:1:quiet');
    refuseSnapshotWrites(2);
    const reading: RawReading = {
      site: 'hubspot',
      dealKey: 'hubspot:1:fresh',
      url: 'https://app.hubspot.com/contacts/1/record/0-3/77',
      locale: 'en-US',
      title: 'Fresh deal',
      fields: { stage: 'Proposal' },
      missing: [],
      contacts: [],
      activities: [],
      messages: [],
    };
    // The tab showed a deal before, and its popup view was saved then.
    platform.tabViews.set(1, { kind: 'deal', dealKey: 'hubspot:1:quiet' } as DealView);
    const reply = await service.onReading(reading, 'visit-fresh-0001', 1);
    expect(reply).toMatchObject({ ok: true, value: { dealKey: 'hubspot:1:fresh', warning: STORAGE_FULL } });
    await service.settled();
    expect(platform.tabViews.has(1)).toBe(false);
    // The popup for that tab says so too (the deal was never stored).
    expect(await service.tabDeal(1)).toEqual({ ok: true, value: { kind: 'none', reason: STORAGE_FULL } });
    // The refused transaction left no deal and no snapshot behind; the pruning did run.
    expect(await db.deals.get('hubspot:1:fresh')).toBeUndefined();
    expect(await snapshotCount('hubspot:1:fresh')).toBe(0);
    expect(await snapshotCount('hubspot:1:busy')).toBe(1 + KEEP_NEWEST_PER_DEAL);
    expect(await db.deals.get('hubspot:1:quiet')).toEqual(dealBefore);
    expect(await db.answers.toArray()).toEqual(answersBefore);
  });

  it('other write errors are not taken for quota: no pruning, the error propagates', async () => {
    db.snapshots.add = () => Dexie.Promise.reject(new Dexie.ConstraintError('broken'));
    await expect(visit('hubspot:1:busy', 31)).rejects.toThrow(/broken/);
    expect(await snapshotCount('hubspot:1:busy')).toBe(30);
  });
});

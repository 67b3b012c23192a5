/**
 * linkedDeals on a very common company domain: thousands of deals share it, and only the
 * newest few of the other kind are wanted. The records loaded are counted (a DBCore
 * middleware), so the test checks the work is bounded without timing anything.
 */
import type { DBCore, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { linkedDeals } from '../../src/background/links';
import { openDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { makeAssessment, makeFacts } from './factories';

const NOW = Date.UTC(2026, 10, 28, 12);

/** Counts the deal records read with their values (keys-only reads are not counted). */
function countingReads(): { middleware: Middleware<DBCore>; loaded: () => number; reset: () => void } {
  let loaded = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'deals') return table;
        return {
          ...table,
          get: async (req) => {
            const value: unknown = await table.get(req);
            if (value !== undefined) loaded += 1;
            return value;
          },
          getMany: async (req) => {
            const values: unknown[] = await table.getMany(req);
            loaded += values.filter((v) => v !== undefined).length;
            return values;
          },
          query: async (req) => {
            const result = await table.query(req);
            if (req.values) loaded += result.result.length;
            return result;
          },
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            if (cursor && req.values) loaded = Number.POSITIVE_INFINITY; // a value cursor walks records one by one
            return cursor;
          },
        };
      },
    }),
  };
  return { middleware, loaded: () => loaded, reset: () => void (loaded = 0) };
}

async function seeded(count: number) {
  const db = openDb('links-scale', { indexedDB: new IDBFactory(), IDBKeyRange });
  const counter = countingReads();
  db.use(counter.middleware);
  const repo = new Repository(db);
  const deals = Array.from({ length: count }, (_, i) => {
    // Every third deal is a mail thread; lastSeen grows with i, but the order of insertion is shuffled below.
    const site = i % 3 === 0 ? 'gmail' : 'hubspot';
    const key = site === 'gmail' ? `gmail:thread${String(i).padStart(6, '0')}` : `hubspot:1:${i}`;
    return {
      key, site, title: `Deal ${i}`, url: `https://example.test/${i}`,
      facts: makeFacts({ dealKey: key, site, domains: ['acme.example'] }), assessment: makeAssessment(),
      firstSeen: NOW, lastSeen: NOW + i * 1000, visits: 1, msSpent: 0, lastVisitId: `visit-${i}-aaaaaaaa`, lastSnapshotId: null,
    };
  });
  deals.sort((a, b) => (a.key < b.key ? -1 : 1));
  await db.deals.bulkAdd(deals as never);
  // One deal of another company, newer than all of them: never linked.
  await db.deals.add({ ...deals[0]!, key: 'gmail:otherco', facts: makeFacts({ dealKey: 'gmail:otherco', site: 'gmail', domains: ['initech.example'] }), lastSeen: NOW + 1e9 } as never);
  counter.reset();
  return { repo, counter };
}

describe('linkedDeals on a domain shared by thousands of deals', () => {
  it('returns the newest threads of a CRM deal, loading only those records', async () => {
    const { repo, counter } = await seeded(1000);
    const facts = makeFacts({ dealKey: 'hubspot:1:998', site: 'hubspot', domains: ['acme.example'] });
    const linked = await linkedDeals(repo, facts);
    // Threads are i % 3 === 0: the newest ten are 999, 996, ... 972.
    expect(linked.map((d) => d.key)).toEqual(Array.from({ length: 10 }, (_, n) => `gmail:thread${String(999 - 3 * n).padStart(6, '0')}`));
    expect(counter.loaded()).toBe(10);
  }, 30_000);

  it('returns the newest CRM deals of a thread, never the thread itself', async () => {
    const { repo, counter } = await seeded(1000);
    const facts = makeFacts({ dealKey: 'gmail:thread000999', site: 'gmail', domains: ['acme.example', 'unrelated.example'] });
    const linked = await linkedDeals(repo, facts);
    expect(linked.map((d) => d.key)).toEqual(['hubspot:1:998', 'hubspot:1:997', 'hubspot:1:995', 'hubspot:1:994', 'hubspot:1:992', 'hubspot:1:991', 'hubspot:1:989', 'hubspot:1:988', 'hubspot:1:986', 'hubspot:1:985']);
    expect(counter.loaded()).toBe(10);
  }, 30_000);

  it('gives the same answer as loading everything when few deals match', async () => {
    const { repo } = await seeded(40);
    const facts = makeFacts({ dealKey: 'hubspot:1:5', site: 'hubspot', domains: ['acme.example'] });
    const all = (await repo.db.deals.toArray()).filter((d) => d.site === 'gmail' && d.facts.domains?.includes('acme.example')).sort((a, b) => b.lastSeen - a.lastSeen);
    expect((await linkedDeals(repo, facts)).map((d) => d.key)).toEqual(all.slice(0, 10).map((d) => d.key));
  });
});

/**
 * IndexedDB schema, one constant per version, each built on the previous one.
 * Never edit a released version: add the next one and its upgrade function.
 */
import type { Transaction } from 'dexie';

export const DB_NAME = 'walk-away';

/** v1: checklist, settings, deals, per-visit snapshots, manual answers. */
export const SCHEMA_V1 = {
  checklist: 'id, order',
  settings: 'key',
  deals: 'key, site, lastSeen',
  snapshots: '++id, dealKey, at',
  answers: '[dealKey+itemId], dealKey',
} as const;

/**
 * v2: the sunk-cost meter. Deals carry firstSeen / visits / msSpent, and snapshots are
 * indexed by [dealKey+at] so a deal's history (close-date pushes) is one range scan.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  deals: 'key, site, lastSeen, firstSeen',
  snapshots: '++id, [dealKey+at], at',
} as const;

export const CURRENT_VERSION = 2;

/** v1 -> v2: derive the sunk-cost fields from the snapshots v1 already kept. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  // One pass over the snapshots (the index they had in v1 is gone by now), then one over the deals.
  const history = new Map<string, { first: number; count: number }>();
  await tx.table('snapshots').each((snapshot: { dealKey: string; at: number }) => {
    const seen = history.get(snapshot.dealKey);
    if (!seen) history.set(snapshot.dealKey, { first: snapshot.at, count: 1 });
    else {
      seen.first = Math.min(seen.first, snapshot.at);
      seen.count += 1;
    }
  });
  await tx
    .table('deals')
    .toCollection()
    .modify((deal: Record<string, unknown>) => {
      const seen = history.get(deal['key'] as string);
      deal['firstSeen'] = seen ? seen.first : deal['lastSeen'];
      deal['visits'] = seen ? seen.count : 1;
      deal['msSpent'] = 0;
    });
}

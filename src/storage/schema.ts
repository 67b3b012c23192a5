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

/**
 * v3: deals are indexed by the buyer's company domains (facts.domains, one entry per
 * domain), so a mail thread finds the CRM deal of the same company in one index lookup.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  deals: 'key, site, lastSeen, firstSeen, *facts.domains',
} as const;

/**
 * v4: a local diagnostics log (src/storage/diagnostics.ts): what failed, where, with our
 * own codes and stack frames only. Never exported with the data nor imported.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  diagnostics: '++id, at',
} as const;

export const CURRENT_VERSION = 4;

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

/**
 * v2 -> v3: deals stored before v3 have no domains (their contacts' addresses were not
 * kept). They get an empty list, and their domains the next time their page is read.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('deals')
    .toCollection()
    .modify((deal: { facts?: Record<string, unknown> }) => {
      if (deal.facts && !Array.isArray(deal.facts['domains'])) deal.facts['domains'] = [];
    });
}

/** v3 -> v4: only adds the empty diagnostics table; no existing row changes. */
export function upgradeToV4(_tx: Transaction): Promise<void> {
  // Nothing to migrate: kept as a named step so every version has its upgrade function.
  return Promise.resolve();
}

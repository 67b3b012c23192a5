/**
 * What to delete when IndexedDB refuses a write (quota). Only snapshots (per-visit history)
 * are ever pruned; deals, manual answers, the checklist and settings never are.
 *
 * Policy (docs/SECURITY.md, "Storage pressure"):
 * 1. Per deal keep its first snapshot (where the history starts), its newest
 *    KEEP_NEWEST_PER_DEAL, and the one the deal points at (the current visit); drop the rest.
 * 2. If step 1 frees nothing, drop the oldest GLOBAL_FRACTION of the snapshots that are
 *    still neither a deal's first nor its current one (oldest across all deals first).
 */
/** What the rep reads (badge, popup) when a write still fails after pruning. */
export const STORAGE_FULL = 'Browser storage is full: this visit was not saved. Free disk space, or export and erase old data in Options.';

export const KEEP_NEWEST_PER_DEAL = 20;
export const GLOBAL_FRACTION = 0.25;

export interface SnapshotStub {
  id: number;
  dealKey: string;
  at: number;
}

/** Pure: the ids of the snapshots to delete, oldest first. `current` = deals' lastSnapshotId. */
export function snapshotsToPrune(snapshots: readonly SnapshotStub[], current: ReadonlySet<number>): number[] {
  const byDeal = new Map<string, SnapshotStub[]>();
  for (const snapshot of snapshots) {
    const list = byDeal.get(snapshot.dealKey);
    if (list) list.push(snapshot);
    else byDeal.set(snapshot.dealKey, [snapshot]);
  }
  const trimmed: SnapshotStub[] = [];
  const spare: SnapshotStub[] = [];
  for (const list of byDeal.values()) {
    // Oldest first; equal times by id, so the choice is stable.
    list.sort((a, b) => a.at - b.at || a.id - b.id);
    list.forEach((snapshot, index) => {
      if (index === 0 || current.has(snapshot.id)) return;
      if (index < list.length - KEEP_NEWEST_PER_DEAL) trimmed.push(snapshot);
      else spare.push(snapshot);
    });
  }
  const chosen = trimmed.length > 0 ? trimmed : oldest(spare, Math.ceil(spare.length * GLOBAL_FRACTION));
  return chosen.sort((a, b) => a.at - b.at || a.id - b.id).map((s) => s.id);
}

function oldest(snapshots: SnapshotStub[], count: number): SnapshotStub[] {
  return [...snapshots].sort((a, b) => a.at - b.at || a.id - b.id).slice(0, count);
}

/** IndexedDB's quota refusal, bare or as Dexie wraps it (a transaction aborted by it). */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}

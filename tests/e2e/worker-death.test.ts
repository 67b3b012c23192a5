/**
 * Chromium may stop the service worker at any moment. These tests stop it (DevTools
 * Target.closeTarget) while a Dexie transaction has issued its writes but not committed:
 * once while storing a reading, once while storing an answer. The page and the popup
 * retry once, the restarted worker stores the write exactly once, and the rows read back
 * consistent (no snapshot without its deal, no deal pointing at a missing snapshot).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { currentWorker, disconnect, openPage, openPopupFor, stopWorker, waitForBadge } from './harness';

const DEAL = 'demo:deal-1077';

/**
 * In this worker only: the first write to `store` keeps its transaction open forever (a
 * chain of reads on the same transaction), so the transaction has written but can't commit
 * until the worker dies. Resolves in the test once that write was issued.
 */
async function holdFirstWriteTo(worker: Worker, store: string): Promise<void> {
  await worker.evaluate((name) => {
    const scope = globalThis as unknown as { __held?: boolean };
    scope.__held = false;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply below
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = original.apply(this, args);
      if (this.name === name && !scope.__held) {
        scope.__held = true;
        const spin = (): void => {
          this.count().onsuccess = spin;
        };
        spin();
      }
      return request;
    };
  }, store);
}

async function waitUntilHeld(worker: Worker): Promise<void> {
  await expect.poll(() => worker.evaluate(() => (globalThis as unknown as { __held?: boolean }).__held === true), { timeout: 10_000 }).toBe(true);
}

interface Rows {
  visits: number;
  lastSnapshotId: number | null;
  snapshotIds: number[];
  allSnapshotsHaveDeals: boolean;
  answers: Array<{ itemId: string; status: string; note: string }>;
}

/** Reads the deal's rows with raw IndexedDB from the (restarted) worker. */
async function rowsOf(worker: Worker): Promise<Rows> {
  return worker.evaluate(async (dealKey) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('walk-away');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(new Error(String(open.error)));
    });
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => ok(request.result as T[]);
        request.onerror = () => fail(new Error(String(request.error)));
      });
    const deals = await all<{ key: string; visits: number; lastSnapshotId: number | null }>('deals');
    const snapshots = await all<{ id: number; dealKey: string }>('snapshots');
    const answers = await all<{ dealKey: string; itemId: string; status: string; note: string }>('answers');
    db.close();
    const deal = deals.find((d) => d.key === dealKey);
    const keys = new Set(deals.map((d) => d.key));
    return {
      visits: deal?.visits ?? 0,
      lastSnapshotId: deal?.lastSnapshotId ?? null,
      snapshotIds: snapshots.filter((s) => s.dealKey === dealKey).map((s) => s.id),
      allSnapshotsHaveDeals: snapshots.every((s) => keys.has(s.dealKey)),
      answers: answers.filter((a) => a.dealKey === dealKey).map(({ itemId, status, note }) => ({ itemId, status, note })),
    };
  }, DEAL);
}

describe('the service worker stopped mid-write', () => {
  afterAll(disconnect);

  it('a reading interrupted before its transaction commits is stored once after the page retries', async () => {
    // A first visit, so the deal exists and the counts below are deltas.
    const first = await openPage('/deals/1077');
    await waitForBadge(first, { deal: DEAL });
    await first.close();
    const before = await rowsOf(await currentWorker());

    const worker = await currentWorker();
    await holdFirstWriteTo(worker, 'deals');
    const page = await openPage('/deals/1077');
    // recordReading has added the snapshot and put the deal; the transaction can't commit.
    await waitUntilHeld(worker);
    await stopWorker();

    // The content script's message got no reply; its retry wakes a fresh worker.
    await waitForBadge(page, { deal: DEAL, verdict: 'caution', flags: 'crowded-field' });
    const after = await rowsOf(await currentWorker());
    expect(after.visits).toBe(before.visits + 1);
    expect(after.snapshotIds).toHaveLength(before.snapshotIds.length + 1);
    expect(after.snapshotIds).toContain(after.lastSnapshotId);
    expect(after.allSnapshotsHaveDeals).toBe(true);
    await page.close();
  });

  it('an answer interrupted before it commits is saved exactly once, and the badge follows', async () => {
    const page = await openPage('/deals/1077');
    await waitForBadge(page, { deal: DEAL, verdict: 'caution', flags: 'crowded-field' });
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('caution');
    const before = await rowsOf(await currentWorker());
    expect(before.answers.filter((a) => a.itemId === 'crowded-field')).toEqual([]);

    const worker = await currentWorker();
    await holdFirstWriteTo(worker, 'answers');
    await popup.getByTestId('note-crowded-field').fill('Contoso dropped out');
    await popup.locator('input[name="answer-crowded-field"][value="no"]').check();
    await waitUntilHeld(worker);
    await stopWorker();

    // The popup's retry reaches the restarted worker: answer stored, popup and badge follow.
    await expect.poll(() => popup.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('pursue');
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue', flags: '' });
    const after = await rowsOf(await currentWorker());
    expect(after.answers.filter((a) => a.itemId === 'crowded-field')).toEqual([{ itemId: 'crowded-field', status: 'clear', note: 'Contoso dropped out' }]);
    expect(after.answers).toHaveLength(before.answers.length + 1);
    expect(after.snapshotIds).toEqual(before.snapshotIds);

    // A reload after the restart reads with the answer applied.
    await page.reload();
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue', flags: '' });

    // Leave the deal as other files expect it: back to automatic.
    await popup.locator('input[name="answer-crowded-field"][value="auto"]').check();
    await waitForBadge(page, { deal: DEAL, verdict: 'caution', flags: 'crowded-field' });
    await popup.close();
    await page.close();
  });
});

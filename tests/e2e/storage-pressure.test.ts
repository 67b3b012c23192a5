/**
 * Storage full in real Chromium: the worker's IndexedDB refuses every snapshot write with
 * QuotaExceededError (patched in the worker). The page still gets its verdict, the badge
 * and the popup say the visit was not saved, and the stored deal is unchanged. The worker
 * is restarted afterwards, so the patch is gone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, disconnect, inBadge, openPage, openPopupFor, stopWorker, waitForBadge } from './harness';

const DEAL = 'demo:deal-1042';

describe('storage full', () => {
  afterAll(disconnect);

  it('shows the verdict with a warning in the badge and the popup, and writes nothing', async () => {
    const first = await openPage('/deals/1042');
    await waitForBadge(first, { deal: DEAL, verdict: 'pursue' });
    await first.close();
    const worker = await currentWorker();
    const visits = () =>
      worker.evaluate(
        (key) =>
          new Promise<number>((ok, fail) => {
            const open = indexedDB.open('walk-away');
            open.onerror = () => fail(new Error(String(open.error)));
            open.onsuccess = () => {
              const get = open.result.transaction('deals').objectStore('deals').get(key);
              get.onsuccess = () => {
                open.result.close();
                ok((get.result as { visits: number }).visits);
              };
            };
          }),
        DEAL,
      );
    const before = await visits();

    await worker.evaluate(() => {
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await openPage('/deals/1042');
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue' });
    await page.waitForFunction(() => document.querySelector('walkaway-badge')?.hasAttribute('data-warning') === true);
    expect((await inBadge(page, '.warning'))?.text).toMatch(/storage is full: this visit was not saved/i);
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.getByTestId('storage-warning').textContent()).toMatch(/storage is full/i);
    expect(await visits()).toBe(before);

    await popup.close();
    await page.close();
    // A fresh worker without the patch, for the files after this one.
    await stopWorker();
    await currentWorker();
  });
});

/** Export, a refused import, a good import and erase from the options page, in real Chromium. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { disconnect, openOptions, openPage, waitForBadge } from './harness';

afterAll(disconnect);

describe('your data', () => {
  it('exports a file, refuses a truncated one without change, imports it back, and erases after confirmation', async () => {
    const page = await openPage('/deals/1077');
    await waitForBadge(page, { deal: 'demo:deal-1077' });
    const options = await openOptions();
    await options.getByTestId('save').waitFor();

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export').click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const file = JSON.parse(text) as { format: string; version: number; deals: Array<{ key: string }> };
    expect(file.format).toBe('walk-away-export');
    expect(file.version).toBe(1);
    expect(file.deals.map((d) => d.key)).toContain('demo:deal-1077');
    expect(download.suggestedFilename()).toMatch(/^walk-away-\d{4}-\d{2}-\d{2}\.json$/);

    const count = () => options.evaluate(async () => (await chrome.runtime.sendMessage<unknown, { value: { deals: unknown[] } }>({ type: 'ui/export' })).value.deals.length);
    const before = await count();
    await options.getByTestId('import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length / 2)) });
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/can't be imported: it is not complete JSON.*Nothing was changed/);
    expect(await count()).toBe(before);

    // Erase: the first click only asks.
    await options.getByTestId('erase').click();
    expect(await count()).toBe(before);
    await options.getByTestId('erase-confirm').click();
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/Everything was erased/);
    // Read IndexedDB itself from the worker: no deal, snapshot or answer left; defaults back.
    const { currentWorker } = await import('./harness');
    const worker = await currentWorker();
    const rows = await worker.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('walk-away');
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            const db = request.result;
            const names = [...db.objectStoreNames];
            const tx = db.transaction(names);
            const out: Record<string, number> = {};
            for (const name of names) {
              const counting = tx.objectStore(name).count();
              counting.onsuccess = () => (out[name] = counting.result);
            }
            tx.oncomplete = () => {
              db.close();
              resolve(out);
            };
          };
        }),
    );
    expect(rows).toMatchObject({ deals: 0, snapshots: 0, answers: 0, diagnostics: 0, settings: 1, checklist: 12 });
    // Nor any deal's last badge (storage.local), which pages would otherwise still show.
    const lastBadges = await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('last-badge:')));
    expect(lastBadges).toEqual([]);

    // The exported file brings everything back.
    await options.getByTestId('import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => options.getByTestId('data-status').textContent(), { timeout: 10_000 }).toMatch(/Imported \d+ deals?/);
    expect(await count()).toBe(before);
    await options.close();
    await page.close();
  });
});

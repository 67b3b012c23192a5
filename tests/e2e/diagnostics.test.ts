/**
 * The diagnostics log in the real extension: a handler failure in the worker (an error
 * whose message quotes page text) is logged without that text, listed in Options and
 * exported as JSON. The worker is restarted afterwards so its patched IndexedDB is gone.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { currentWorker, disconnect, openOptions, stopWorker } from './harness';

const SECRET = 'Globex board approved the merger';

describe('diagnostics', () => {
  afterAll(disconnect);

  it('logs a worker failure without page text, shows it in Options and exports it', async () => {
    const worker = await currentWorker();
    // The options page loads its settings first: the failure below must hit only the answer.
    const options = await openOptions();
    await options.getByTestId('diagnostics-show').waitFor();
    // Every deal lookup now throws an error carrying page-like text.
    await worker.evaluate((secret) => {
      IDBObjectStore.prototype.get = function () {
        throw new TypeError(`Cannot read "${secret}"`);
      };
    }, SECRET);
    try {
      const reply = await options.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'ui/set-answer', dealKey: 'demo:deal-1077', itemId: 'crowded-field', answer: 'auto', note: '' }),
      );
      expect(reply).toMatchObject({ ok: false });

      await options.getByTestId('diagnostics-show').click();
      const row = options.getByTestId('diagnostics-row').first();
      await expect.poll(() => row.textContent()).toMatch(/worker.*handler-failed \(ui\/set-answer\)/);
      expect(await options.getByTestId('diagnostics').textContent()).not.toContain('Globex');

      const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('diagnostics-export').click()]);
      const text = await readFile((await download.path()) ?? '', 'utf8');
      const file = JSON.parse(text) as { format: string; entries: Array<Record<string, unknown>> };
      expect(file.format).toBe('walk-away-diagnostics');
      expect(file.entries[0]).toMatchObject({ where: 'worker', code: 'handler-failed', adapter: 'ui/set-answer' });
      expect(file.entries[0]?.['errorName']).toMatch(/^\w+$/);
      expect(text).not.toContain('Globex');
      await options.close();
    } finally {
      // A fresh worker (no patched IndexedDB) for the files after this one, pass or fail.
      await stopWorker();
      await currentWorker();
    }
  });
});

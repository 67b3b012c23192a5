/** The built extension in real Chromium on Gmail and Outlook threads (real URL patterns, local fixtures). */
import { afterAll, describe, expect, it } from 'vitest';
import { badgeOf, connect, disconnect, openPage, openPopupFor, tabIdOf, waitForBadge } from './harness';
import { LINKED_THREAD, MAIL_THREADS, threadUrl } from './mail-threads';

afterAll(disconnect);

const keyOf = (thread: (typeof MAIL_THREADS)[number]): string => `${thread.site}:${thread.id}`;

describe('mail threads', () => {
  for (const thread of MAIL_THREADS.filter((t) => !t.linking)) {
    it(`${thread.host} ${thread.locale} "${thread.subject}" gets ${thread.expected.verdict} [${thread.expected.flags}]`, async () => {
      const { context } = await connect();
      const page = await context.newPage();
      await page.goto(threadUrl(thread));
      await waitForBadge(page, { deal: keyOf(thread) });
      // Readings settle as late markup arrives: give the last one time to land.
      await page.waitForTimeout(400);
      expect(await badgeOf(page)).toEqual({ deal: keyOf(thread), ...thread.expected });
      await page.close();
    });
  }

  it('follows Gmail from the inbox into a thread and on to the next one (hash navigation)', async () => {
    const { context } = await connect();
    const page = await context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const [first, second] = MAIL_THREADS.filter((t) => t.site === 'gmail' && t.locale === 'en-US');
    await page.getByRole('link', { name: first!.subject }).click();
    await waitForBadge(page, { deal: keyOf(first!), ...first!.expected });
    await page.evaluate((id) => {
      location.hash = `#inbox/${id}`;
    }, second!.id);
    await waitForBadge(page, { deal: keyOf(second!), ...second!.expected });
    await page.close();
  });
});

describe('evidence in context', () => {
  it('clicking a quote in the popup scrolls the thread to its message and highlights it', async () => {
    const thread = MAIL_THREADS.find((t) => t.id === 'FMfcgzQbNoNeedReqUnmetKxWvGRXGDtQJ')!;
    const { context } = await connect();
    const page = await context.newPage();
    // A short window, so the message has to be scrolled to.
    await page.setViewportSize({ width: 900, height: 240 });
    await page.goto(threadUrl(thread));
    await waitForBadge(page, { deal: keyOf(thread), ...thread.expected });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const popup = await openPopupFor(page);
    const quote = popup.locator('button.evidence__reveal', { hasText: 'dealbreaker' });
    await expect.poll(() => quote.count()).toBe(1);
    expect(await quote.getAttribute('data-message-index')).toBe('1');
    // From the keyboard, as a rep tabbing through the evidence would. (A Playwright mouse
    // click here lands on the list item instead of the button; not understood yet.)
    await quote.focus();
    await popup.keyboard.press('Enter');

    const marked = page.locator('[data-walkaway-reveal]');
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.textContent()).toContain('which is a dealbreaker for our IT team');
    // It is on screen now: the page scrolled to it.
    await expect.poll(() => marked.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    })).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The mark goes away again.
    await expect.poll(() => marked.count(), { timeout: 8_000 }).toBe(0);
    await popup.close();
    await page.close();
  });

  it('scrolls no tab when no tab shows the quoted thread', async () => {
    const thread = MAIL_THREADS.find((t) => t.id === 'FMfcgzQbNoNeedReqUnmetKxWvGRXGDtQJ')!;
    const other = MAIL_THREADS.find((t) => t.id === 'FMfcgzQbCrowdedNoValueSilentKxWvGR')!;
    const { context } = await connect();
    const page = await context.newPage();
    await page.goto(threadUrl(other));
    await waitForBadge(page, { deal: keyOf(other) });
    const popup = await openPopupFor(page);
    const tabId = await tabIdOf(page);
    const reply = await popup.evaluate(
      ([tab, key]) => chrome.runtime.sendMessage({ type: 'ui/reveal-evidence', tabId: tab, source: { dealKey: key, messageIndex: 1 } }),
      [tabId, keyOf(thread)] as const,
    );
    expect(reply).toEqual({ ok: true, value: false });
    expect(await page.locator('[data-walkaway-reveal]').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('privacy', () => {
  it('after reading a thread, the database holds its evidence quotes and none of the other words', async () => {
    const thread = MAIL_THREADS.find((t) => t.id === 'FMfcgzQbNoNeedReqUnmetKxWvGRXGDtQJ')!;
    const { context, worker } = await connect();
    const page = await context.newPage();
    await page.goto(threadUrl(thread));
    await waitForBadge(page, { deal: keyOf(thread), ...thread.expected });
    await page.waitForTimeout(400);
    // Every record of every store of every database the extension has, as one JSON text.
    const dump = await worker.evaluate(async () => {
      const out: Record<string, Record<string, unknown[]>> = {};
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error ?? new Error('IndexedDB failed'));
        });
        out[name] = {};
        for (const store of db.objectStoreNames) {
          out[name][store] = await new Promise<unknown[]>((ok, fail) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => ok(request.result);
            request.onerror = () => fail(request.error ?? new Error('IndexedDB failed'));
          });
        }
        db.close();
      }
      return JSON.stringify(out);
    });
    // The dump is real: the deal and its evidence quotes are in it.
    expect(dump).toContain(keyOf(thread));
    expect(dump).toContain('To be honest we already have a tool for that.');
    // Buyer sentences that flag nothing, greetings, the signature and our quoted words: never stored.
    for (const text of ['Sure, Friday works.', 'Hi Dana', 'Head of Operations', 'We can offer a 20% discount', 'Could we talk about SAML on Friday?', 'Thanks for the call']) {
      expect(dump, text).not.toContain(text);
    }
    await page.close();
  });
});

describe('a thread linked to its deal', () => {
  /** Takes the thread out of the extension's database again, so other files see the demo deal as shipped. */
  async function forgetThread(): Promise<void> {
    const { worker } = await connect();
    await worker.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('walk-away');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error ?? new Error('IndexedDB failed'));
      });
      // The deal with its snapshots and answers, in one transaction: no orphans left for later files.
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['deals', 'snapshots', 'answers'], 'readwrite');
        tx.objectStore('deals').delete(key);
        for (const store of ['snapshots', 'answers']) {
          const cursor = tx.objectStore(store).openCursor();
          cursor.onsuccess = () => {
            const row = cursor.result;
            if (!row) return;
            if ((row.value as { dealKey?: string }).dealKey === key) row.delete();
            row.continue();
          };
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error ?? new Error('IndexedDB failed'));
      });
      db.close();
    }, keyOf(LINKED_THREAD));
  }

  it("counts the thread toward the CRM deal of the same company, and the popup shows both", async () => {
    const { context } = await connect();
    const deal = await openPage('/deals/1150');
    await waitForBadge(deal, { deal: 'demo:deal-1150', verdict: 'caution', flags: 'stalled' });
    const mail = await context.newPage();
    try {
      await mail.goto(threadUrl(LINKED_THREAD));
      await waitForBadge(mail, { deal: keyOf(LINKED_THREAD), ...LINKED_THREAD.expected });
      // The deal's open tab follows at once: the buyer's words by email now count toward it.
      await waitForBadge(deal, { deal: 'demo:deal-1150', verdict: 'walk-away', flags: 'no-need gatekeeper stalled' });

      const popup = await openPopupFor(mail);
      const linked = popup.getByTestId('linked-deals');
      await expect.poll(() => linked.count()).toBe(1);
      const text = (await linked.textContent()) ?? '';
      // The demo deal's hostile name is shown as text, never as markup.
      expect(text).toContain('<img src=x onerror="window.__walkawayXss=1">');
      expect(text).toContain('Walk away · 3');
      expect(await popup.evaluate(() => (window as { __walkawayXss?: number }).__walkawayXss)).toBeUndefined();
      await popup.close();

      const dealPopup = await openPopupFor(deal);
      await expect.poll(async () => (await dealPopup.getByTestId('linked-deals').textContent()) ?? '').toContain(LINKED_THREAD.subject);
      expect(await dealPopup.locator('.evidence__where', { hasText: `thread "${LINKED_THREAD.subject}"` }).count()).toBeGreaterThan(0);
      // A quote from the thread, on the deal's popup, shows its message in the thread's tab.
      const quote = dealPopup.locator(`button.evidence__reveal[data-source-deal="${keyOf(LINKED_THREAD)}"]`).first();
      await expect.poll(() => quote.count()).toBe(1);
      const index = Number(await quote.getAttribute('data-message-index'));
      await quote.focus();
      await dealPopup.keyboard.press('Enter');
      const marked = mail.locator('[data-walkaway-reveal]');
      await expect.poll(() => marked.count()).toBe(1);
      // The marked element is the message the quote came from (the adapter's own list, in page order).
      const quoted = ((await quote.locator('q').textContent()) ?? '').replace(/…$/, '').slice(0, 40);
      expect(await marked.textContent()).toContain(quoted);
      expect(index).toBeGreaterThanOrEqual(0);
      // Nothing is marked in the deal's own tab: it shows no messages.
      expect(await deal.locator('[data-walkaway-reveal]').count()).toBe(0);
      await dealPopup.close();
    } finally {
      await forgetThread();
      await mail.close();
    }
    // Without the thread, a fresh read of the deal is back to what the CRM alone says.
    await deal.reload();
    await waitForBadge(deal, { deal: 'demo:deal-1150', verdict: 'caution', flags: 'stalled' });
    await deal.close();
  });
});

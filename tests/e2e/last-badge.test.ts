/**
 * A deal seen before shows its last badge at once, from storage.local, without waiting for
 * the worker (whose cold start is the slow part of the first badge); the fresh verdict then
 * replaces it. (Erase clearing them is checked in data.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { badgeOf, connect, currentWorker, demoUrl, disconnect, openPage, stopWorker, waitForBadge } from './harness';

afterAll(disconnect);

const DEAL = 'demo:deal-1103';
const lastBadges = async () =>
  (await currentWorker()).evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('last-badge:')));
  });

describe('last known badge', () => {
  it('shows at once from a cold worker, and the fresh verdict replaces it', async () => {
    const first = await openPage('/deals/1103');
    await waitForBadge(first, { deal: DEAL, verdict: 'walk-away', flags: 'no-urgency budget-hidden unresponsive stalled' });
    await first.close();
    expect(await lastBadges()).toMatchObject({ [`last-badge:${DEAL}`]: { dealKey: DEAL, verdict: 'walk-away' } });

    // A last badge that differs from the truth, so the page can only have it from storage;
    // then a stopped worker, so the fresh verdict takes a cold start to come.
    const worker = await currentWorker();
    await worker.evaluate(async (key) => {
      await chrome.storage.local.set({
        [`last-badge:${key}`]: { dealKey: key, title: 'Initech', verdict: 'caution', flags: ['stalled'], flagged: [], unknownReasons: [] },
      });
    }, DEAL);
    await stopWorker();
    const { context } = await connect();
    const page = await context.newPage();
    // Every verdict the badge shows, in order, as the page sees it.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __verdicts: string[] }).__verdicts = seen;
      new MutationObserver(() => {
        const verdict = document.querySelector('walkaway-badge')?.getAttribute('data-verdict');
        if (verdict && seen.at(-1) !== verdict) seen.push(verdict);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
    });
    // Rendered at once: the page is read as it loads, while the worker it wakes is still starting.
    await page.goto(demoUrl('/deals/1103?instant'));
    await waitForBadge(page, { deal: DEAL, verdict: 'walk-away', flags: 'no-urgency budget-hidden unresponsive stalled' });
    expect(await page.evaluate(() => (window as unknown as { __verdicts: string[] }).__verdicts)).toEqual(['caution', 'walk-away']);
    expect(await page.locator('walkaway-badge').count()).toBe(1);
    await page.close();
    expect(await lastBadges()).toMatchObject({ [`last-badge:${DEAL}`]: { verdict: 'walk-away' } });
  });

  it('a stale last badge is replaced by the fresh verdict', async () => {
    const worker = await currentWorker();
    // Plant an outdated last badge for a pursue deal, as if it had been walk-away last time.
    await worker.evaluate(async (key) => {
      await chrome.storage.local.set({
        [`last-badge:${key}`]: { dealKey: key, title: 'old', verdict: 'walk-away', flags: ['stalled'], flagged: [], unknownReasons: [] },
      });
    }, 'demo:deal-1042');
    const page = await openPage('/deals/1042');
    await waitForBadge(page, { deal: 'demo:deal-1042', verdict: 'pursue', flags: '' });
    await page.waitForTimeout(300);
    expect(await badgeOf(page)).toEqual({ deal: 'demo:deal-1042', verdict: 'pursue', flags: '' });
    await page.close();
    expect(await lastBadges()).toMatchObject({ 'last-badge:demo:deal-1042': { verdict: 'pursue' } });
  });
});

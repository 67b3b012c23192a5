/**
 * The popup opens with the view the worker saved for the tab (storage.session) and does
 * not wait for a stopped worker to start; the worker's fresh view then replaces it. An
 * answer given in the popup is in the saved view the next popup opens with.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connect, currentWorker, disconnect, openPage, stopWorker, tabIdOf, waitForBadge } from './harness';

afterAll(disconnect);

const DEAL = 'demo:deal-1042';

interface SavedView {
  dealKey: string;
  title: string;
  assessment: { verdict: string };
  answers: Array<{ itemId: string; status: string }>;
}

async function savedView(tabId: number): Promise<SavedView | null> {
  const worker = await currentWorker();
  return worker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as SavedView | undefined) ?? null, `view:${tabId}`);
}

/** Opens the popup for a tab, noting every (source, verdict, title) it shows, in order. */
async function popupWatchingSources(tabId: number): Promise<Page> {
  const { context, extensionId } = await connect();
  const popup = await context.newPage();
  await popup.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __shown: string[] }).__shown = seen;
    new MutationObserver(() => {
      const verdict = document.querySelector('[data-testid=verdict]');
      if (!verdict) return;
      const shown = `${verdict.getAttribute('data-source')} ${verdict.getAttribute('data-verdict')} ${document.querySelector('[data-testid=deal-title]')?.textContent}`;
      if (seen.at(-1) !== shown) seen.push(shown);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
  return popup;
}

const shownIn = (popup: Page) => popup.evaluate(() => (window as unknown as { __shown: string[] }).__shown);

describe("the popup's saved view", () => {
  it("opens from the saved view while the worker is stopped, then shows the worker's", async () => {
    const page = await openPage('/deals/1042');
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue' });
    const tabId = await tabIdOf(page);
    // The worker saves the view after the page's reply.
    await expect.poll(async () => (await savedView(tabId))?.dealKey).toBe(DEAL);
    const saved = await savedView(tabId);
    expect(saved?.assessment.verdict).toBe('pursue');

    // A saved view that differs from the truth, so the popup can only show it from storage;
    // then a stopped worker, which the popup's request has to start.
    const worker = await currentWorker();
    await worker.evaluate(
      async ({ key, view }) => chrome.storage.session.set({ [key]: { ...view, title: 'As saved', assessment: { ...view.assessment, verdict: 'caution' } } }),
      { key: `view:${tabId}`, view: saved as SavedView },
    );
    await stopWorker();
    const popup = await popupWatchingSources(tabId);
    await expect.poll(() => popup.getByTestId('verdict').getAttribute('data-source'), { timeout: 15_000 }).toBe('worker');
    const title = await popup.getByTestId('deal-title').textContent();
    expect(await shownIn(popup)).toEqual(['saved caution As saved', `worker pursue ${title}`]);
    expect(title).not.toBe('As saved');
    // The worker's answer is saved for the next opening.
    await expect.poll(async () => (await savedView(tabId))?.title).toBe(title);
    await popup.close();
    await page.close();
  });

  it('carries an answer given in the popup to the next opening, and forgets the view when the tab closes', async () => {
    const page = await openPage('/deals/1042');
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue' });
    const tabId = await tabIdOf(page);
    const first = await popupWatchingSources(tabId);
    await expect.poll(() => first.getByTestId('verdict').getAttribute('data-verdict')).toBe('pursue');
    await first.locator('input[name="answer-no-urgency"][value="yes"]').check();
    await expect.poll(() => first.getByTestId('verdict').getAttribute('data-source')).toBe('answer');
    const answered = await first.getByTestId('verdict').getAttribute('data-verdict');
    expect(answered).not.toBe('pursue');
    await first.close();
    expect((await savedView(tabId))?.answers).toContainEqual(expect.objectContaining({ itemId: 'no-urgency', status: 'flagged' }));

    // Reopened while the worker is stopped: the saved view already has the answer.
    await stopWorker();
    const second = await popupWatchingSources(tabId);
    await expect.poll(() => second.getByTestId('verdict').getAttribute('data-source'), { timeout: 15_000 }).toBe('worker');
    const shown = await shownIn(second);
    expect(shown[0]).toMatch(new RegExp(`^saved ${answered} `));
    expect(shown.every((entry) => entry.split(' ')[1] === answered)).toBe(true);
    expect(await second.locator('input[name="answer-no-urgency"][value="yes"]').isChecked()).toBe(true);

    // Back to automatic, so other tests meet the deal as it was.
    await second.locator('input[name="answer-no-urgency"][value="auto"]').check();
    await expect.poll(() => second.getByTestId('verdict').getAttribute('data-verdict')).toBe('pursue');
    await second.close();
    await waitForBadge(page, { deal: DEAL, verdict: 'pursue' });
    await page.close();
    await expect.poll(async () => savedView(tabId)).toBeNull();
  });
});

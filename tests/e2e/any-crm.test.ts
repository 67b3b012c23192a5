/**
 * Any other CRM, end to end: a SuiteCRM page on a host no adapter knows is left alone
 * until the rep allows it from the options page; then the worker registers the
 * self-contained content script there and the page gets its badge; "Remove" ends it.
 *
 * How the grant is made for real: Chromium shows its permission prompt as a native dialog
 * that CDP cannot click, and no launch flag accepts it. So the host is first allowed the way
 * a rep can in chrome://extensions ("Site access" > add a site, chrome.developerPrivate on
 * that page); the options page's own button then asks for the host and "scripting" inside
 * a real click, and Chromium grants that without a dialog because nothing new would be
 * warned about. Nothing is faked: the extension code path is the one a rep's click runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITE_DEAL_PATH, SUITE_HOST } from './any-crm-hosts';
import { connect, disconnect, openOptions, openPopupFor, waitForBadge } from './harness';

afterAll(disconnect);

const ORIGIN = `https://${SUITE_HOST}`;
const DEAL_URL = `${ORIGIN}${SUITE_DEAL_PATH}`;
const DEAL_KEY = `generic:${SUITE_HOST}:${SUITE_DEAL_PATH}`;

async function registered(): Promise<unknown> {
  const { worker } = await connect();
  return worker.evaluate(async () => (chrome.scripting ? chrome.scripting.getRegisteredContentScripts() : 'no scripting permission'));
}

async function openDeal(): Promise<Page> {
  const { context } = await connect();
  const page = await context.newPage();
  await page.goto(DEAL_URL);
  await page.getByText('Acme Fleet Renewal').first().waitFor();
  return page;
}

/** Waits long enough for a content script to have read the page (the badge shows in well under a second). */
const settle = (page: Page) => page.waitForTimeout(1_500);

describe('other CRMs (optional host permission)', () => {
  it('reads nothing on an unknown CRM before it is allowed', async () => {
    const page = await openDeal();
    await settle(page);
    expect(await page.locator('walkaway-badge').count()).toBe(0);
    expect(await registered()).toBe('no scripting permission');
    await page.close();
  });

  it('refuses bad addresses next to the field without asking the browser', async () => {
    const options = await openOptions();
    const address = options.locator('#other-crm-address');
    for (const [typed, message] of [
      ['http://crm.suite.test', /https/],
      ['https://*.suite.test', /wildcard/],
      ['https://app.hubspot.com', /already reads/],
    ] as const) {
      await address.fill(typed);
      await options.getByTestId('allow-crm').click();
      await expect.poll(() => options.getByTestId('error-other-crm-address').textContent()).toMatch(message);
      expect(await address.getAttribute('aria-invalid')).toBe('true');
    }
    expect(await options.getByTestId('no-other-crms').isVisible()).toBe(true);
    await options.close();
  });

  it('once allowed from the options page, the deal gets its badge; Remove stops it', async () => {
    const { context, extensionId } = await connect();
    // The rep's "Site access" choice in chrome://extensions (see the file comment).
    const extensions = await context.newPage();
    await extensions.goto(`chrome://extensions/?id=${extensionId}`);
    await extensions.evaluate(
      ([id, pattern]) => (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }).developerPrivate.addHostPermission(id, pattern),
      [extensionId, `${ORIGIN}/*`] as const,
    );
    await extensions.close();

    const options = await openOptions();
    await options.locator('#other-crm-address').fill(`${ORIGIN}/index.php?module=Opportunities`);
    await options.getByTestId('allow-crm').click();
    await expect.poll(() => options.getByTestId('other-crms-status').textContent()).toContain(`read deal pages on ${ORIGIN}`);
    await expect.poll(() => options.getByTestId('other-crms-list').textContent()).toContain(ORIGIN);

    // The worker registered the self-contained script for exactly that origin.
    await expect
      .poll(registered)
      .toEqual([expect.objectContaining({ id: 'walkaway-any-crm', js: ['content-any-crm.js'], matches: [`${ORIGIN}/*`] })]);

    const page = await openDeal();
    // Nothing flagged, but too few items known to say "pursue" (no activity timeline on this page).
    await waitForBadge(page, { deal: DEAL_KEY, verdict: 'unknown', flags: '' });
    // The popup shows what the generic reader took from the SuiteCRM fields.
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.getByTestId('deal-title').textContent()).toContain('Acme Fleet Renewal');
    await expect.poll(() => popup.getByTestId('read-summary').textContent()).toMatch(/Perception Analysis/);
    await popup.close();

    // Remove: the registration goes, and a fresh load of the deal gets no badge.
    await options.getByRole('button', { name: `Remove ${ORIGIN}` }).click();
    await expect.poll(() => options.getByTestId('no-other-crms').isVisible()).toBe(true);
    await expect.poll(registered).toEqual([]);
    await page.reload();
    await page.getByText('Acme Fleet Renewal').first().waitFor();
    await settle(page);
    expect(await page.locator('walkaway-badge').count()).toBe(0);
    await page.close();
    await options.close();
  });
});

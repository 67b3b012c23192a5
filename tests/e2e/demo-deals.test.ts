/** The built extension in real Chromium on the bundled demo CRM. */
import { afterAll, describe, expect, it } from 'vitest';
import { badgeOf, clickInBadge, connect, disconnect, inBadge, openPage, openPopupFor, screenshot, tabIdOf, waitForBadge } from './harness';

afterAll(disconnect);

const EXPECTED = [
  { path: '/deals/1042', deal: 'demo:deal-1042', verdict: 'pursue', flags: '' },
  { path: '/deals/1077', deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' },
  { path: '/deals/1103', deal: 'demo:deal-1103', verdict: 'walk-away', flags: 'no-urgency budget-hidden unresponsive stalled' },
  { path: '/mail/thread-7781', deal: 'demo:thread-7781', verdict: 'caution', flags: 'gatekeeper crowded-field' },
];

describe('demo deals', () => {
  for (const expected of EXPECTED) {
    it(`${expected.path} gets ${expected.verdict} [${expected.flags}]`, async () => {
      const page = await openPage(expected.path);
      const badge = await waitForBadge(page, { deal: expected.deal });
      // Readings settle as late fields arrive: give the last one time to land.
      await page.waitForTimeout(400);
      expect(await badgeOf(page)).toEqual({ deal: expected.deal, verdict: expected.verdict, flags: expected.flags });
      expect(badge.deal).toBe(expected.deal);
      await page.close();
    });
  }

  it('puts the number of flags on the toolbar button, coloured by verdict, per tab', async () => {
    const { worker } = await connect();
    const walkAway = await openPage('/deals/1103');
    const pursue = await openPage('/deals/1042');
    await waitForBadge(walkAway, { deal: 'demo:deal-1103', verdict: 'walk-away' });
    await waitForBadge(pursue, { deal: 'demo:deal-1042', verdict: 'pursue' });
    const toolbar = (tabId: number) =>
      worker.evaluate(async (id) => {
        const text = await chrome.action.getBadgeText({ tabId: id });
        const colour = await chrome.action.getBadgeBackgroundColor({ tabId: id });
        return { text, colour: colour.slice(0, 3) };
      }, tabId);
    expect(await toolbar(await tabIdOf(walkAway))).toEqual({ text: '4', colour: [0xcf, 0x22, 0x2e] });
    expect(await toolbar(await tabIdOf(pursue))).toEqual({ text: '0', colour: [0x1a, 0x7f, 0x37] });
    // Leaving for a page that is not a deal clears it.
    await pursue.getByRole('link', { name: 'Deals', exact: true }).first().click();
    await expect.poll(async () => (await toolbar(await tabIdOf(pursue))).text).toBe('');
    await walkAway.close();
    await pursue.close();
  });

  it('slides out a sidebar with the verdict and the evidence, inside its own shadow root', async () => {
    const page = await openPage('/deals/1103');
    await waitForBadge(page, { deal: 'demo:deal-1103', verdict: 'walk-away' });
    // The page can't see into the badge: its shadow root is closed.
    expect(await page.evaluate(() => document.querySelector('walkaway-badge')?.shadowRoot ?? null)).toBeNull();
    expect(await inBadge(page, '.tab')).toMatchObject({ text: 'Walk away · 4', visible: true });
    expect(await inBadge(page, '.panel')).toMatchObject({ visible: false });
    await clickInBadge(page, '.tab');
    await expect.poll(async () => (await inBadge(page, '.panel'))?.visible).toBe(true);
    const text = (await inBadge(page, '.panel'))?.text ?? '';
    expect(text).toContain('Initech');
    for (const title of ['No urgency', 'Budget hidden', 'Unresponsive', 'Stalled']) expect(text).toContain(title);
    await screenshot(page, 'badge-sidebar');
    await clickInBadge(page, '.close');
    await expect.poll(async () => (await inBadge(page, '.panel'))?.visible).toBe(false);
    await page.close();
  });

  it('follows in-app navigation from one deal to the next', async () => {
    const page = await openPage('/deals/1042');
    await waitForBadge(page, { deal: 'demo:deal-1042', verdict: 'pursue' });
    // The demo CRM navigates with history.pushState, like the real ones.
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.getByRole('link', { name: /Initech/ }).first().click();
    await waitForBadge(page, { deal: 'demo:deal-1103', verdict: 'walk-away', flags: 'no-urgency budget-hidden unresponsive stalled' });
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    expect(page.url()).toContain('/deals/1103');
    await page.goBack();
    await waitForBadge(page, { deal: 'demo:deal-1042', verdict: 'pursue', flags: '' });
    // Exactly one badge, whatever the navigation.
    expect(await page.locator('walkaway-badge').count()).toBe(1);
    await page.close();
  });

  it('shows a hostile deal name as text and runs nothing', async () => {
    const page = await openPage('/deals/1150');
    await waitForBadge(page, { deal: 'demo:deal-1150', verdict: 'caution', flags: 'stalled' });
    await clickInBadge(page, '.tab');
    const panel = await inBadge(page, '.panel');
    expect(panel?.text).toContain('<img src=x onerror=');
    // Text, not markup: the only elements in the panel are the ones the badge builds.
    expect(panel?.html).not.toContain('<img');
    expect(await page.evaluate(() => (window as unknown as { __walkawayXss?: number }).__walkawayXss ?? null)).toBeNull();
    const popup = await openPopupFor(page);
    await popup.waitForSelector('[data-testid="verdict"]');
    expect(await popup.locator('body').textContent()).toContain('<img src=x onerror=');
    expect(await popup.locator('img').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __walkawayXss?: number }).__walkawayXss ?? null)).toBeNull();
    await popup.close();
    await page.close();
  });
});

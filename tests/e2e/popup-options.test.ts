/** Popup answers and options thresholds change the verdict, and the page badge follows. */
import { afterAll, describe, expect, it } from 'vitest';
import { disconnect, openOptions, openPage, openPopupFor, screenshot, waitForBadge } from './harness';

afterAll(disconnect);

describe('popup', () => {
  it('explains the verdict, and an answer re-scores at once with the badge following', async () => {
    const page = await openPage('/deals/1077');
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' });
    const popup = await openPopupFor(page);
    const verdict = popup.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('caution');
    const crowded = popup.getByTestId('item-crowded-field');
    expect(await crowded.getAttribute('data-status')).toBe('flagged');
    expect(await crowded.textContent()).toMatch(/Competitors/i);
    expect(await popup.getByTestId('sunk-cost').textContent()).toMatch(/visit/i);
    await screenshot(popup, 'popup');

    // The rep knows better: two of the listed competitors dropped out. Answer "No".
    await popup.getByTestId('note-crowded-field').fill('Only Contoso is left in the race');
    await popup.locator('input[name="answer-crowded-field"][value="no"]').check();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('pursue');
    await expect.poll(() => crowded.getAttribute('data-status')).toBe('clear');
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'pursue', flags: '' });

    // The answer is stored: a fresh popup shows it, and a reload of the deal keeps it.
    await popup.reload();
    await expect.poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('pursue');
    expect(await popup.locator('input[name="answer-crowded-field"][value="no"]').isChecked()).toBe(true);
    await page.reload();
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'pursue', flags: '' });

    // Back to automatic: the finding returns.
    await popup.locator('input[name="answer-crowded-field"][value="auto"]').check();
    await expect.poll(() => popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('caution');
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' });
    await popup.close();
    await page.close();
  });

  it('says so on a tab with no deal', async () => {
    const page = await openPage('/');
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.locator('body').textContent()).toMatch(/not a deal page/i);
    expect(await popup.getByTestId('verdict').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('pipeline', () => {
  it('lists the deals read, newest first, with their verdicts, and links back to them', async () => {
    const first = await openPage('/deals/1103');
    await waitForBadge(first, { deal: 'demo:deal-1103', verdict: 'walk-away' });
    const second = await openPage('/deals/1042');
    await waitForBadge(second, { deal: 'demo:deal-1042', verdict: 'pursue' });
    const popup = await openPopupFor(second);
    const [pipeline] = await Promise.all([popup.context().waitForEvent('page'), popup.getByTestId('open-pipeline').click()]);
    const rows = pipeline.getByTestId('pipeline-row');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('data-deal')).toBe('demo:deal-1042');
    const row1103 = pipeline.locator('[data-testid="pipeline-row"][data-deal="demo:deal-1103"]');
    expect(await row1103.getAttribute('data-verdict')).toBe('walk-away');
    expect(await row1103.textContent()).toContain('Stalled');
    expect(await row1103.locator('a').getAttribute('href')).toBe('https://demo.walkaway.test/deals/1103');
    await pipeline.getByTestId('filter-walk-away').click();
    await expect.poll(async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-verdict')))).every((v) => v === 'walk-away')).toBe(true);
    await screenshot(pipeline, 'pipeline');
    for (const page of [pipeline, popup, second, first]) await page.close();
  });
});

describe('options', () => {
  it('a changed threshold changes the verdict of an open deal; an invalid one is refused', async () => {
    const page = await openPage('/deals/1077');
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' });
    const options = await openOptions();
    const maxVendors = options.locator('[name="thresholds.maxVendors"]');
    await maxVendors.waitFor();

    // Invalid: refused next to the field, nothing saved.
    await maxVendors.fill('-2');
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('error-thresholds.maxVendors').textContent()).toBeTruthy();
    await page.waitForTimeout(300);
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' });

    // Four vendors allowed: Globex's three competitors plus us no longer crowd the field.
    await maxVendors.fill('4');
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('save-status').textContent()).toMatch(/saved/i);
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'pursue', flags: '' });
    await screenshot(options, 'options');

    // Put it back for the other tests.
    await maxVendors.fill('3');
    await options.getByTestId('save').click();
    await waitForBadge(page, { deal: 'demo:deal-1077', verdict: 'caution', flags: 'crowded-field' });
    await options.close();
    await page.close();
  });
});

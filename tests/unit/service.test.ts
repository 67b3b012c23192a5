/** The worker's logic end to end, minus the browser: fake-indexeddb and a fake platform. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RawReading } from '../../src/adapters/types';
import { FakePlatform } from './fake-platform';
import { createService, type Service } from '../../src/background/service';
import { openDb, type WalkAwayDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 12);
const day = (offset: number) => new Date(NOW + offset * DAY).toISOString().slice(0, 10);


function crowdedDeal(): RawReading {
  return {
    site: 'demo',
    dealKey: 'demo:deal-1077',
    url: 'https://demo.walkaway.test/deals/1077',
    locale: 'en-US',
    title: 'Globex — Warehouse analytics expansion',
    fields: {
      stage: 'Proposal',
      closeDate: day(30),
      daysInStage: '4',
      budget: '$80,000 approved',
      competitors: 'Contoso, Fabrikam, Initrode',
      lastActivityDate: day(-1),
      amount: '$80,000',
      nextStep: 'Security review',
    },
    missing: [],
    contacts: [{ name: 'Hank Scorpio', role: 'Decision maker' }],
    activities: [
      { kind: 'email', direction: 'ours', date: day(-3), outcome: '' },
      { kind: 'email', direction: 'theirs', date: day(-1), outcome: 'Replied' },
    ],
    messages: [],
  };
}

function thread(): RawReading {
  const message = (from: string, offset: number, body: string) => ({
    fromEmail: from,
    fromName: from.split('@')[0] ?? '',
    toEmails: [],
    date: day(offset),
    body,
    direction: 'unknown' as const,
  });
  return {
    site: 'demo',
    dealKey: 'demo:thread-1',
    url: 'https://demo.walkaway.test/mail/thread-1',
    locale: 'en-US',
    title: 'Re: Evaluation',
    fields: {},
    missing: [],
    contacts: [],
    activities: [],
    accountEmail: 'alex@seller.example',
    messages: [
      message('alex@seller.example', -8, 'Hi Jordan, here is our proposal with the pricing you asked for.'),
      message('jordan@buyer.example', -6, 'Thanks. We are in the middle of a reorganisation. Our whole IT team is changing. I will have to run it by my boss first.'),
    ],
  };
}

let db: WalkAwayDb;
let platform: FakePlatform;
let service: Service;

beforeEach(async () => {
  db = openDb('svc', { indexedDB: new IDBFactory(), IDBKeyRange });
  const repo = new Repository(db);
  await repo.ensureSeeded();
  platform = new FakePlatform(NOW);
  service = createService(repo, platform);
});

describe('worker service', () => {
  it('scores its first reading with the settings read at start, and reads again after a failed read', async () => {
    const repo = new Repository(db);
    const stored = await repo.loadSettings();
    // Settings read at start (Repository.ensureSeeded) are used as they are: here 3 days in a stage is stalled.
    const strict = { ...stored, settings: { ...stored.settings, thresholds: { ...stored.settings.thresholds, stalledDaysInStage: 3 } } };
    const primed = createService(repo, platform, Promise.resolve(strict));
    const reply = await primed.onReading(crowdedDeal(), 'visit-0001', 7);
    expect(reply.ok && reply.value?.flags).toContain('stalled');
    const usual = await service.onReading(crowdedDeal(), 'visit-0002', 8);
    expect(usual.ok && usual.value?.flags).not.toContain('stalled');
    // A start-up read that failed is not kept: the next message reads the database.
    const failed = createService(repo, platform, Promise.reject(new Error('database closed')));
    await expect(failed.getSettings()).rejects.toThrow('database closed');
    expect(await failed.getSettings()).toEqual({ ok: true, value: stored });
  });

  it('scores a reading, stores it, remembers the tab and sets the toolbar badge', async () => {
    const reply = await service.onReading(crowdedDeal(), 'visit-0001', 7);
    expect(reply).toMatchObject({ ok: true, value: { dealKey: 'demo:deal-1077', verdict: 'caution', flags: ['crowded-field'] } });
    expect(platform.tabs.get(7)).toBe('demo:deal-1077');
    expect(platform.toolbar.get(7)).toEqual({ count: 1, verdict: 'caution' });
    const view = await service.tabDeal(7);
    expect(view.ok && view.value.kind === 'deal' && view.value.sunkCost).toMatchObject({ visits: 1, firstSeen: NOW });
    expect(view.ok && view.value.kind === 'deal' && view.value.read).toContainEqual({ label: 'Competitors', value: 'Contoso, Fabrikam, Initrode' });
  });

  it('re-scores on a manual answer and pushes the new state to every tab showing the deal', async () => {
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    await service.onReading(crowdedDeal(), 'visit-0002', 9);
    const reply = await service.setAnswer('demo:deal-1077', 'crowded-field', 'clear', 'two dropped out');
    expect(reply.ok && reply.value.kind === 'deal' && reply.value.assessment.verdict).toBe('pursue');
    expect(platform.sent.map((s) => s.tabId).sort()).toEqual([7, 9]);
    expect(platform.sent[0]?.message).toMatchObject({ type: 'badge/state', state: { verdict: 'pursue', flags: [] } });
    expect(platform.toolbar.get(9)).toEqual({ count: 0, verdict: 'pursue' });
    // The last badge follows the answer, so the next visit starts from the new verdict.
    expect(platform.lastBadges.get('demo:deal-1077')).toMatchObject({ verdict: 'pursue', flags: [] });
    // Visits: two page views of the same deal.
    const view = await service.tabDeal(7);
    expect(view.ok && view.value.kind === 'deal' && view.value.sunkCost.visits).toBe(2);
  });

  it('refuses an answer for an unknown item or deal', async () => {
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    expect(await service.setAnswer('demo:deal-1077', 'custom-nope', 'flagged', '')).toMatchObject({ ok: false });
    expect(await service.setAnswer('demo:deal-404', 'stalled', 'flagged', '')).toMatchObject({ ok: false });
  });

  it('applies saved settings at once to open deals, and refuses invalid ones whole', async () => {
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    const current = await service.getSettings();
    if (!current.ok) throw new Error(current.error);
    const { settings, checklist } = current.value;
    const bad = await service.saveSettings({ ...settings, thresholds: { ...settings.thresholds, maxVendors: -1 } }, checklist);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { 'thresholds.maxVendors': expect.any(String) } });
    expect((await service.getSettings()).ok && (await db.settings.get('settings'))?.value.thresholds.maxVendors).toBe(3);
    const good = await service.saveSettings({ ...settings, thresholds: { ...settings.thresholds, maxVendors: 4 } }, checklist);
    expect(good.ok).toBe(true);
    expect(platform.sent.at(-1)?.message).toMatchObject({ type: 'badge/state', state: { dealKey: 'demo:deal-1077', verdict: 'pursue' } });
  });

  it('stores only evidence quotes from a thread, never whole bodies', async () => {
    const reply = await service.onReading(thread(), 'visit-0003', 3);
    expect(reply).toMatchObject({ ok: true, value: { flags: ['gatekeeper'] } });
    const dump = JSON.stringify({
      deals: await db.deals.toArray(),
      snapshots: await db.snapshots.toArray(),
      answers: await db.answers.toArray(),
    });
    expect(dump).toContain('run it by my boss');
    expect(dump).not.toContain('reorganisation');
    expect(dump).not.toContain('pricing you asked for');
  });

  it('clears the tab when a site is switched off or the page is no deal', async () => {
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    await service.onNoDeal(7);
    expect(platform.tabs.has(7)).toBe(false);
    expect(platform.toolbar.get(7)).toEqual({ count: null, verdict: null });
    const view = await service.tabDeal(7);
    expect(view).toMatchObject({ ok: true, value: { kind: 'none' } });
    const current = await service.getSettings();
    if (!current.ok) throw new Error(current.error);
    await service.saveSettings({ ...current.value.settings, sites: { ...current.value.settings.sites, demo: false } }, current.value.checklist);
    expect(platform.lastBadges.has('demo:deal-1077')).toBe(true);
    expect(await service.onReading(crowdedDeal(), 'visit-0004', 7)).toEqual({ ok: true, value: null });
    // A switched-off site keeps no last badge for its pages to show.
    expect(platform.lastBadges.has('demo:deal-1077')).toBe(false);
  });

  it("saves the popup's view of each tab's deal after the reply, and keeps it current", async () => {
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    await service.onReading(crowdedDeal(), 'visit-0002', 9);
    await service.settled();
    // The view saved for the tab is the one the worker gives the popup.
    const fresh = await service.tabDeal(7);
    expect(platform.tabViews.get(7)).toEqual(fresh.ok ? fresh.value : null);
    expect(platform.tabViews.get(7)).toMatchObject({ dealKey: 'demo:deal-1077', assessment: { verdict: 'caution', flags: ['crowded-field'] } });
    // An answer changes the saved view of every tab showing the deal.
    await service.setAnswer('demo:deal-1077', 'crowded-field', 'clear', 'two dropped out');
    for (const tabId of [7, 9]) {
      expect(platform.tabViews.get(tabId)).toMatchObject({
        assessment: { verdict: 'pursue', flags: [] },
        answers: [{ itemId: 'crowded-field', status: 'clear', note: 'two dropped out' }],
      });
    }
    // So do new settings: the saved view carries the checklist as saved.
    const current = await service.getSettings();
    if (!current.ok) throw new Error(current.error);
    const checklist = current.value.checklist.map((item) => (item.id === 'stalled' ? { ...item, enabled: false } : item));
    expect((await service.saveSettings(current.value.settings, checklist)).ok).toBe(true);
    expect(platform.tabViews.get(9)?.checklist.find((item) => item.id === 'stalled')?.enabled).toBe(false);
    // A tab that shows no deal any more keeps no view.
    await service.onNoDeal(7);
    expect(platform.tabViews.has(7)).toBe(false);
    expect(platform.tabViews.has(9)).toBe(true);
  });

  it('saves no view for a tab that shows no deal any more by the time the view is written', async () => {
    // Hold the view's write (it asks which deal the tab shows first) until the tab has moved on.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tabDeal = platform.tabDeal;
    platform.tabDeal = async (tabId) => {
      await gate;
      return tabDeal(tabId);
    };
    await service.onReading(crowdedDeal(), 'visit-0001', 7);
    await service.onNoDeal(7);
    release();
    await service.settled();
    expect(platform.tabViews.has(7)).toBe(false);
  });
});

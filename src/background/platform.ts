/**
 * The only place the worker's logic touches browser.* APIs, so the logic itself
 * (service.ts) can be tested with fakes.
 */
import browser, { type Storage } from 'webextension-polyfill';
import type { BadgeState, BadgeMessage, BadgeRevealMessage } from '../protocol/messages';
import { lastBadgeKey, TAB_DEAL_PREFIX, TAB_VIEW_PREFIX, tabDealKey, tabViewKey } from '../protocol/keys';
import type { Verdict } from '../contract/assessment';
import { VERDICT_COLORS } from '../scoring/verdicts';
import type { DealView } from '../protocol/views';

export interface Platform {
  now(): number;
  setToolbar(tabId: number, flagCount: number | null, verdict: Verdict | null): Promise<void>;
  sendToTab(tabId: number, message: BadgeMessage | BadgeRevealMessage): Promise<void>;
  /** Brings a tab (and its window) to the front: a reveal in another tab must be seen. */
  focusTab(tabId: number): Promise<void>;
  /** Which deal each tab shows. Kept in session storage: the worker may be stopped at any time. */
  tabDeal(tabId: number): Promise<string | undefined>;
  setTabDeal(tabId: number, dealKey: string | null): Promise<void>;
  tabsShowing(dealKey: string): Promise<number[]>;
  /** Deal keys shown in any tab now. */
  openDealKeys(): Promise<string[]>;
  /**
   * The deal's last badge, kept where the content script can read it without waking this
   * worker (a cold start costs ~150 ms): the page shows it at once, the fresh one replaces it.
   */
  rememberBadge(state: BadgeState): Promise<void>;
  forgetBadge(dealKey: string): Promise<void>;
  /**
   * The popup's view of the deal a tab shows, kept where the popup reads it without
   * waking this worker: it shows that at once and the worker's fresh answer replaces it.
   */
  rememberTabView(tabId: number, view: DealView): Promise<void>;
  forgetTabView(tabId: number): Promise<void>;
}

/**
 * Writes an entry of one of our caches (last badges, popup views); when the storage area is
 * full, drops every entry of that cache, since they are only caches, and writes it again.
 */
async function writeCacheEntry(area: Storage.StorageArea, prefix: string, entry: Record<string, unknown>): Promise<void> {
  try {
    await area.set(entry);
  } catch {
    const all = await area.get(null);
    await area.remove(Object.keys(all).filter((key) => key.startsWith(prefix)));
    await area.set(entry);
  }
}

export const browserPlatform: Platform = {
  now: () => Date.now(),

  async setToolbar(tabId, flagCount, verdict) {
    try {
      await browser.action.setBadgeText({ tabId, text: flagCount === null ? '' : String(flagCount) });
      if (verdict) await browser.action.setBadgeBackgroundColor({ tabId, color: VERDICT_COLORS[verdict] });
      if (verdict) await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
    } catch {
      // The tab closed meanwhile: nothing to show it on.
    }
  },

  async sendToTab(tabId, message) {
    try {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch {
      // No content script there any more (tab navigated away or closed).
    }
  },

  async focusTab(tabId) {
    try {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    } catch {
      // The tab closed meanwhile.
    }
  },

  async tabDeal(tabId) {
    const stored = await browser.storage.session.get(tabDealKey(tabId));
    const value = stored[tabDealKey(tabId)];
    return typeof value === 'string' ? value : undefined;
  },

  async setTabDeal(tabId, dealKey) {
    // No deal (or the tab closed): its popup view goes with it.
    if (dealKey === null) await browser.storage.session.remove([tabDealKey(tabId), tabViewKey(tabId)]);
    else await browser.storage.session.set({ [tabDealKey(tabId)]: dealKey });
  },

  async tabsShowing(dealKey) {
    const all = await browser.storage.session.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith(TAB_DEAL_PREFIX) && value === dealKey)
      .map(([key]) => Number(key.slice(TAB_DEAL_PREFIX.length)));
  },

  async rememberBadge(state) {
    // Slim: verdict, flags and their titles; evidence comes with the fresh answer. ~200 bytes a deal.
    const slim: BadgeState = {
      ...state,
      flagged: state.flagged.map((item) => ({ ...item, evidence: [], reason: '' })),
      unknownReasons: [],
    };
    await writeCacheEntry(browser.storage.local, lastBadgeKey(''), { [lastBadgeKey(state.dealKey)]: slim });
  },

  async forgetBadge(dealKey) {
    await browser.storage.local.remove(lastBadgeKey(dealKey));
  },

  async rememberTabView(tabId, view) {
    try {
      await writeCacheEntry(browser.storage.session, TAB_VIEW_PREFIX, { [tabViewKey(tabId)]: view });
    } catch {
      // A view that can't be written (session storage holds 10 MB) is removed, never left out of date.
      await browser.storage.session.remove(tabViewKey(tabId)).catch(() => undefined);
    }
  },

  async forgetTabView(tabId) {
    await browser.storage.session.remove(tabViewKey(tabId));
  },

  async openDealKeys() {
    const all = await browser.storage.session.get(null);
    return Object.entries(all).flatMap(([key, value]) => (key.startsWith(TAB_DEAL_PREFIX) && typeof value === 'string' ? [value] : []));
  },
};

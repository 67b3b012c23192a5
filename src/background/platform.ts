/**
 * The only place the worker's logic touches browser.* APIs, so the logic itself
 * (service.ts) can be tested with fakes.
 */
import browser from 'webextension-polyfill';
import { lastBadgeKey, type BadgeState, type BadgeMessage, type BadgeRevealMessage } from '../messages';
import type { Verdict } from '../scoring/types';
import { VERDICT_COLORS } from '../scoring/verdicts';
import { TAB_VIEW_PREFIX, tabDealKey, tabViewKey, type DealView } from '../ui/views';

export interface Platform {
  now(): number;
  setToolbar(tabId: number, flagCount: number | null, verdict: Verdict | null): Promise<void>;
  sendToTab(tabId: number, message: BadgeMessage | BadgeRevealMessage): Promise<void>;
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

const TAB_KEY = tabDealKey;

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

  async tabDeal(tabId) {
    const stored = await browser.storage.session.get(TAB_KEY(tabId));
    const value = stored[TAB_KEY(tabId)];
    return typeof value === 'string' ? value : undefined;
  },

  async setTabDeal(tabId, dealKey) {
    // No deal (or the tab closed): its popup view goes with it.
    if (dealKey === null) await browser.storage.session.remove([TAB_KEY(tabId), tabViewKey(tabId)]);
    else await browser.storage.session.set({ [TAB_KEY(tabId)]: dealKey });
  },

  async tabsShowing(dealKey) {
    const all = await browser.storage.session.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith('tab:') && value === dealKey)
      .map(([key]) => Number(key.slice(4)));
  },

  async rememberBadge(state) {
    // Slim: verdict, flags and their titles; evidence comes with the fresh answer. ~200 bytes a deal.
    const slim: BadgeState = {
      ...state,
      flagged: state.flagged.map((item) => ({ ...item, evidence: [], reason: '' })),
      unknownReasons: [],
    };
    const entry = { [lastBadgeKey(state.dealKey)]: slim };
    try {
      await browser.storage.local.set(entry);
    } catch {
      // storage.local is full: these are only a cache, so start it over.
      const all = await browser.storage.local.get(null);
      await browser.storage.local.remove(Object.keys(all).filter((key) => key.startsWith(lastBadgeKey(''))));
      await browser.storage.local.set(entry);
    }
  },

  async forgetBadge(dealKey) {
    await browser.storage.local.remove(lastBadgeKey(dealKey));
  },

  async rememberTabView(tabId, view) {
    const entry = { [tabViewKey(tabId)]: view };
    try {
      await browser.storage.session.set(entry);
    } catch {
      // Session storage is full (10 MB): these views are only a cache, so start them over.
      // A view that still can't be written is removed, never left behind out of date.
      try {
        const all = await browser.storage.session.get(null);
        await browser.storage.session.remove(Object.keys(all).filter((key) => key.startsWith(TAB_VIEW_PREFIX)));
        await browser.storage.session.set(entry);
      } catch {
        await browser.storage.session.remove(tabViewKey(tabId)).catch(() => undefined);
      }
    }
  },

  async forgetTabView(tabId) {
    await browser.storage.session.remove(tabViewKey(tabId));
  },

  async openDealKeys() {
    const all = await browser.storage.session.get(null);
    return Object.entries(all).flatMap(([key, value]) => (key.startsWith('tab:') && typeof value === 'string' ? [value] : []));
  },
};

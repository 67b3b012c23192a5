/**
 * The only place the worker's logic touches browser.* APIs, so the logic itself
 * (service.ts) can be tested with fakes.
 */
import browser from 'webextension-polyfill';
import type { BadgeMessage, BadgeRevealMessage } from '../messages';
import type { Verdict } from '../scoring/types';
import { VERDICT_COLORS } from '../scoring/verdicts';

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
}


const TAB_KEY = (tabId: number) => `tab:${tabId}`;

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
    if (dealKey === null) await browser.storage.session.remove(TAB_KEY(tabId));
    else await browser.storage.session.set({ [TAB_KEY(tabId)]: dealKey });
  },

  async tabsShowing(dealKey) {
    const all = await browser.storage.session.get(null);
    return Object.entries(all)
      .filter(([key, value]) => key.startsWith('tab:') && value === dealKey)
      .map(([key]) => Number(key.slice(4)));
  },

  async openDealKeys() {
    const all = await browser.storage.session.get(null);
    return Object.entries(all).flatMap(([key, value]) => (key.startsWith('tab:') && typeof value === 'string' ? [value] : []));
  },
};

/** An in-memory stand-in for the browser side of the worker (src/background/platform.ts). */
import type { Platform } from '../../src/background/platform';
import type { BadgeState } from '../../src/protocol/messages';
import type { DealView } from '../../src/protocol/views';

type Sent = Parameters<Platform['sendToTab']>[1];

export class FakePlatform implements Platform {
  tabs = new Map<number, string>();
  toolbar = new Map<number, { count: number | null; verdict: string | null }>();
  sent: Array<{ tabId: number; message: Sent }> = [];

  constructor(public clock: number) {}

  now = () => this.clock;
  setToolbar = async (tabId: number, count: number | null, verdict: string | null) => {
    this.toolbar.set(tabId, { count, verdict });
  };
  sendToTab = async (tabId: number, message: Sent) => {
    this.sent.push({ tabId, message });
  };
  focused: number[] = [];
  focusTab = async (tabId: number) => {
    this.focused.push(tabId);
  };
  tabDeal = async (tabId: number) => this.tabs.get(tabId);
  setTabDeal = async (tabId: number, key: string | null) => {
    if (key === null) {
      this.tabs.delete(tabId);
      this.tabViews.delete(tabId);
    } else this.tabs.set(tabId, key);
  };
  tabsShowing = async (key: string) => [...this.tabs].filter(([, k]) => k === key).map(([t]) => t);
  openDealKeys = async () => [...this.tabs.values()];
  lastBadges = new Map<string, BadgeState>();
  rememberBadge = async (state: BadgeState) => {
    this.lastBadges.set(state.dealKey, state);
  };
  forgetBadge = async (dealKey: string) => {
    this.lastBadges.delete(dealKey);
  };
  tabViews = new Map<number, DealView>();
  rememberTabView = async (tabId: number, view: DealView) => {
    this.tabViews.set(tabId, structuredClone(view));
  };
  forgetTabView = async (tabId: number) => {
    this.tabViews.delete(tabId);
  };
}

/**
 * After an answer, a settings change or a linked thread: every tab showing the deal follows
 * at once, its page badge, its toolbar button and the view its popup opens with.
 */
import type { DealView } from '../protocol/views';
import type { DealRecord } from '../storage/db';
import type { Config } from './config';
import type { Scored } from './pipeline';
import type { Platform } from './platform';
import { badgeState, dealView } from './view-model';

/** The popup's view of a scored deal, as of now (which threads a tab shows changes). */
export async function viewOf(platform: Platform, deal: DealRecord, cfg: Config, scored: Scored): Promise<DealView> {
  return dealView({ deal, checklist: cfg.checklist, ...scored, openKeys: await platform.openDealKeys() });
}

/** Returns the popup's view when a tab shows the deal (null when none does). */
export async function pushToTabs(platform: Platform, deal: DealRecord, cfg: Config, scored: Scored): Promise<DealView | null> {
  const { assessment } = scored;
  const state = badgeState(deal.title, deal.key, assessment, cfg.checklist);
  await platform.rememberBadge(state);
  const tabs = await platform.tabsShowing(deal.key);
  const view = tabs.length ? await viewOf(platform, deal, cfg, scored) : null;
  for (const tabId of tabs) {
    if (view) await platform.rememberTabView(tabId, view);
    await platform.setToolbar(tabId, assessment.flags.length, assessment.verdict);
    await platform.sendToTab(tabId, { type: 'badge/state', state });
  }
  return view;
}

/** The popup's view of the deal this tab just read, for the popup to open with. */
export async function rememberReadView(platform: Platform, tabId: number, deal: DealRecord, cfg: Config, scored: Scored): Promise<void> {
  // The tab may have moved on to another deal (or to none) since.
  if ((await platform.tabDeal(tabId)) !== deal.key) return;
  await platform.rememberTabView(tabId, await viewOf(platform, deal, cfg, scored));
}

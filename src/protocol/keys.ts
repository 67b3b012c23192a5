/**
 * The two caches the worker keeps in extension storage, so a page or the popup can show
 * something before a stopped worker has started. The worker writes both; each reader checks
 * what it reads like a message.
 * - `storage.local`, `last-badge:<dealKey>`: each deal's last badge, read by content scripts.
 * - `storage.session` (extension pages only): `tab:<id>`, the deal a tab shows, and
 *   `view:<id>`, the popup's view of that deal as of its last reading or answer.
 */
export const LAST_BADGE_PREFIX = 'last-badge:';
export const lastBadgeKey = (dealKey: string): string => `${LAST_BADGE_PREFIX}${dealKey}`;
export const TAB_DEAL_PREFIX = 'tab:';
export const tabDealKey = (tabId: number): string => `${TAB_DEAL_PREFIX}${tabId}`;
export const TAB_VIEW_PREFIX = 'view:';
export const tabViewKey = (tabId: number): string => `${TAB_VIEW_PREFIX}${tabId}`;

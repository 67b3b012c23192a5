/** Which tab the popup reports on, and the one browser call it needs besides the client. */
import browser from 'webextension-polyfill';

/**
 * `?tab=<id>` picks the tab explicitly: end-to-end tests open the popup as an ordinary
 * page, where the "active tab" would be the popup itself.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function findTabId(): Promise<number> {
  const fromUrl = tabIdFromSearch(globalThis.location?.search ?? '');
  if (fromUrl !== null) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error("Couldn't tell which tab is open.");
  return tab.id;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

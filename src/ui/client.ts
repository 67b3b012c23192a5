/**
 * The one typed client the popup and options use to reach the worker. They never
 * open IndexedDB themselves: the worker owns the database.
 */
import browser from 'webextension-polyfill';
import type { UiMessage, Reply } from '../messages';
import type { ChecklistItem } from '../checklist/items';
import type { Settings } from '../checklist/settings';
import type { SaveSettingsResult, SettingsView, TabDealView } from './views';

export interface WorkerClient {
  tabDeal(tabId: number): Promise<TabDealView>;
  setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string): Promise<TabDealView>;
  getSettings(): Promise<SettingsView>;
  saveSettings(settings: Settings, checklist: ChecklistItem[]): Promise<SaveSettingsResult>;
}

async function ask<T>(message: UiMessage): Promise<T> {
  const reply = await browser.runtime.sendMessage<UiMessage, Reply<T> | undefined>(message);
  if (!reply) throw new Error('The extension did not answer. Try reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const workerClient: WorkerClient = {
  tabDeal: (tabId) => ask<TabDealView>({ type: 'ui/tab-deal', tabId }),
  setAnswer: (dealKey, itemId, answer, note) => ask<TabDealView>({ type: 'ui/set-answer', dealKey, itemId, answer, note }),
  getSettings: () => ask<SettingsView>({ type: 'ui/get-settings' }),
  saveSettings: async (settings, checklist) => {
    const reply = await browser.runtime.sendMessage<UiMessage, SaveSettingsResult | undefined>({ type: 'ui/save-settings', settings, checklist });
    if (!reply) return { ok: false, error: 'The extension did not answer.', fieldErrors: {} };
    return reply;
  },
};

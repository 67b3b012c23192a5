/**
 * The one typed client the popup and options use to reach the worker. They never
 * open IndexedDB themselves: the worker owns the database. The one thing read without
 * the worker is the tab's saved popup view in session storage, which the worker writes.
 */
import browser from 'webextension-polyfill';
import type { UiMessage, Reply } from '../messages';
import type { ChecklistItem } from '../checklist/items';
import type { Settings } from '../checklist/settings';
import type { Verdict } from '../scoring/types';
import { tabDealKey, tabViewKey, type DealView, type PipelinePage, type SaveSettingsResult, type SettingsView, type TabDealView } from './views';

export interface WorkerClient {
  tabDeal(tabId: number): Promise<TabDealView>;
  /**
   * The view the worker saved for this tab at its last reading or answer, or null. Needs no
   * running worker (a stopped one takes ~100 ms to start). Optional so test doubles need not implement it.
   */
  savedTabDeal?(tabId: number): Promise<DealView | null>;
  setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string): Promise<TabDealView>;
  getSettings(): Promise<SettingsView>;
  saveSettings(settings: Settings, checklist: ChecklistItem[]): Promise<SaveSettingsResult>;
  pipeline(offset: number, limit: number, verdict: Verdict | null): Promise<PipelinePage>;
  /** Optional so test doubles need not implement it. */
  revealEvidence?(tabId: number, dealKey: string, messageIndex: number): Promise<boolean>;
}

/**
 * Every UI message is safe to repeat (reads, or writes that replace: an answer is keyed by
 * deal and item). If Chromium stopped the worker mid-message, one retry reaches the new one.
 */
async function sendOnceMore<T>(message: UiMessage): Promise<Reply<T> | undefined> {
  try {
    const reply = await browser.runtime.sendMessage<UiMessage, Reply<T> | undefined>(message);
    if (reply !== undefined) return reply;
  } catch {
    // fall through to the retry
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
  return browser.runtime.sendMessage<UiMessage, Reply<T> | undefined>(message);
}

/** Sends one UI message and unwraps the worker's reply; a refusal becomes an Error with its reason. */
export async function ask<T>(message: UiMessage): Promise<T> {
  const reply = await sendOnceMore<T>(message);
  if (!reply) throw new Error('The extension did not answer. Try reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * A saved view, if it is one and belongs to the deal the tab shows now. Session storage is
 * open to extension pages only and the worker writes it, but a view saved by an older
 * version of the extension must not break the popup: its shape is checked.
 */
export function savedViewFor(stored: Record<string, unknown>, tabId: number): DealView | null {
  const dealKey = stored[tabDealKey(tabId)];
  const view = stored[tabViewKey(tabId)];
  if (typeof dealKey !== 'string' || typeof view !== 'object' || view === null) return null;
  const candidate = view as Partial<DealView>;
  const assessment = candidate.assessment as Partial<DealView['assessment']> | undefined;
  const wellFormed =
    candidate.kind === 'deal' &&
    candidate.dealKey === dealKey &&
    typeof candidate.title === 'string' &&
    typeof assessment === 'object' &&
    assessment !== null &&
    typeof assessment.verdict === 'string' &&
    Array.isArray(assessment.findings) &&
    Array.isArray(assessment.flags) &&
    Array.isArray(candidate.checklist) &&
    Array.isArray(candidate.answers) &&
    Array.isArray(candidate.read) &&
    Array.isArray(candidate.missed) &&
    typeof candidate.sunkCost === 'object' &&
    candidate.sunkCost !== null;
  return wellFormed ? (candidate as DealView) : null;
}

export const workerClient: WorkerClient = {
  tabDeal: (tabId) => ask<TabDealView>({ type: 'ui/tab-deal', tabId }),
  savedTabDeal: async (tabId) => savedViewFor(await browser.storage.session.get([tabDealKey(tabId), tabViewKey(tabId)]), tabId),
  setAnswer: (dealKey, itemId, answer, note) => ask<TabDealView>({ type: 'ui/set-answer', dealKey, itemId, answer, note }),
  getSettings: () => ask<SettingsView>({ type: 'ui/get-settings' }),
  saveSettings: async (settings, checklist) => {
    const reply = await browser.runtime.sendMessage<UiMessage, SaveSettingsResult | undefined>({ type: 'ui/save-settings', settings, checklist });
    if (!reply) return { ok: false, error: 'The extension did not answer.', fieldErrors: {} };
    return reply;
  },
  pipeline: (offset, limit, verdict) => ask<PipelinePage>({ type: 'ui/pipeline', offset, limit, verdict }),
  revealEvidence: (tabId, dealKey, messageIndex) => ask<boolean>({ type: 'ui/reveal-evidence', tabId, dealKey, messageIndex }),
};

/**
 * The one typed client the popup, options and pipeline pages use to reach the worker. They
 * never open IndexedDB themselves: the worker owns the database. Each method sends one
 * request of the protocol and gets the reply type the protocol maps it to (UiReplies). The
 * one thing read without the worker is the tab's saved popup view in session storage, which
 * the worker writes. Components take the part of this interface they use, so tests pass fakes.
 */
import browser from 'webextension-polyfill';
import type { ChecklistItem } from '../checklist/items';
import type { Settings } from '../checklist/settings';
import type { AnswerChoice, EvidenceSource, Verdict } from '../contract/assessment';
import type { Reply, UiMessage, UiReplies, UiRequest, UiType } from '../protocol/messages';
import { tabDealKey, tabViewKey } from '../protocol/keys';
import { sendRetrying } from '../protocol/send';
import { savedViewFor, type DealView, type SettingsView } from '../protocol/views';

export interface WorkerClient {
  tabDeal(tabId: number): Promise<UiReplies['ui/tab-deal']>;
  /** The view the worker saved for this tab at its last reading or answer, or null. Needs no running worker. */
  savedTabDeal(tabId: number): Promise<DealView | null>;
  setAnswer(dealKey: string, itemId: string, answer: AnswerChoice, note: string): Promise<UiReplies['ui/set-answer']>;
  getSettings(): Promise<UiReplies['ui/get-settings']>;
  /** Not thrown on refusal: a refusal carries a message per field, shown next to each. */
  saveSettings(settings: Settings, checklist: ChecklistItem[]): Promise<Reply<SettingsView>>;
  pipeline(offset: number, limit: number, verdict: Verdict | null): Promise<UiReplies['ui/pipeline']>;
  /** Shows the quoted message in the tab that shows its thread; false when no tab does. */
  revealEvidence(tabId: number, source: EvidenceSource): Promise<UiReplies['ui/reveal-evidence']>;
  exportAll(): Promise<UiReplies['ui/export']>;
  importAll(text: string): Promise<UiReplies['ui/import']>;
  eraseAll(): Promise<UiReplies['ui/erase']>;
  diagnostics(): Promise<UiReplies['ui/diagnostics']>;
}

/** One request and its reply, as the protocol says; undefined when the worker gave none. */
function request<K extends UiType>(message: UiRequest<K>): Promise<Reply<UiReplies[K]> | undefined> {
  return sendRetrying((m: UiMessage) => browser.runtime.sendMessage(m), message) as Promise<Reply<UiReplies[K]> | undefined>;
}

/** Sends one request and unwraps the reply; a refusal becomes an Error with its reason. */
export async function ask<K extends UiType>(message: UiRequest<K>): Promise<UiReplies[K]> {
  const reply = await request(message);
  if (!reply) throw new Error('The extension did not answer. Try reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const workerClient: WorkerClient = {
  tabDeal: (tabId) => ask({ type: 'ui/tab-deal', tabId }),
  savedTabDeal: async (tabId) => savedViewFor(await browser.storage.session.get([tabDealKey(tabId), tabViewKey(tabId)]), tabId),
  setAnswer: (dealKey, itemId, answer, note) => ask({ type: 'ui/set-answer', dealKey, itemId, answer, note }),
  getSettings: () => ask({ type: 'ui/get-settings' }),
  saveSettings: async (settings, checklist) =>
    (await request({ type: 'ui/save-settings', settings, checklist })) ?? { ok: false, error: 'The extension did not answer.', fieldErrors: {} },
  pipeline: (offset, limit, verdict) => ask({ type: 'ui/pipeline', offset, limit, verdict }),
  revealEvidence: (tabId, source) => ask({ type: 'ui/reveal-evidence', tabId, source }),
  exportAll: () => ask({ type: 'ui/export' }),
  importAll: (text) => ask({ type: 'ui/import', text }),
  eraseAll: () => ask({ type: 'ui/erase', confirm: 'erase-everything' }),
  diagnostics: () => ask({ type: 'ui/diagnostics' }),
};

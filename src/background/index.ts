/**
 * The background service worker: owns the database, checks who sends each message,
 * validates it, and hands it to the service. Chromium may stop this worker whenever it
 * is idle, so nothing lives only in memory (tab -> deal is in session storage).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { PageMessageSchema, UiMessageSchema, type Reply } from '../messages';
import { openDb } from '../storage/db';
import { Repository } from '../storage/repository';
import { browserPlatform } from './platform';
import { createService } from './service';
import { isExtensionPage, isTopFrameOfTab } from './senders';

const repo = new Repository(openDb());
const service = createService(repo, browserPlatform);
const ready = repo.ensureSeeded();

browser.runtime.onInstalled.addListener(() => {
  void ready;
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browserPlatform.setTabDeal(tabId, null);
});

const refuse = (error: string): Reply<never> => ({ ok: false, error });

async function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  await ready;
  const extensionOrigin = browser.runtime.getURL('');
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;

  if (typeof type === 'string' && type.startsWith('page/')) {
    if (!isTopFrameOfTab(sender, browser.runtime.id, extensionOrigin)) return refuse('Refused: not from a page tab of this extension.');
    const parsed = v.safeParse(PageMessageSchema, message);
    if (!parsed.success) return refuse(`Refused: malformed ${type} message.`);
    const tabId = sender.tab?.id as number;
    const msg = parsed.output;
    switch (msg.type) {
      case 'page/reading':
        // A page may only speak for its own origin: a reading about another URL is forged.
        if (new URL(msg.reading.url).origin !== new URL(sender.url ?? 'about:blank').origin) {
          return refuse('Refused: reading does not match the sending page.');
        }
        return service.onReading(msg.reading, msg.visitId, tabId);
      case 'page/no-deal':
        return service.onNoDeal(tabId);
      case 'page/time-spent':
        return service.onTimeSpent(msg.dealKey, msg.ms);
    }
  }

  if (typeof type === 'string' && type.startsWith('ui/')) {
    if (!isExtensionPage(sender, browser.runtime.id, extensionOrigin)) return refuse('Refused: not from an extension page.');
    const parsed = v.safeParse(UiMessageSchema, message);
    if (!parsed.success) return refuse(`Refused: malformed ${type} message.`);
    const msg = parsed.output;
    switch (msg.type) {
      case 'ui/tab-deal':
        return service.tabDeal(msg.tabId);
      case 'ui/set-answer':
        return service.setAnswer(msg.dealKey, msg.itemId, msg.answer, msg.note);
      case 'ui/get-settings':
        return service.getSettings();
      case 'ui/save-settings':
        return service.saveSettings(msg.settings, msg.checklist);
    }
  }
  return refuse('Refused: unknown message.');
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender).catch((error: unknown) => refuse(`The extension failed: ${error instanceof Error ? error.message : String(error)}`)),
);

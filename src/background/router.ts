/**
 * Who may send what, and in what shape: every message is checked against its sender and
 * its schema before any handler sees it. Free of browser.* so it can be fuzzed in a unit
 * test (tests/unit/router.test.ts); index.ts wires it to runtime.onMessage.
 */
import type { Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { PageMessageSchema, UiMessageSchema, type Reply } from '../messages';
import type { DataHandlers } from './data';
import type { DiagnosticsLog } from './diagnostics';
import { isExtensionPage, isTopFrameOfTab } from './senders';
import type { Service } from './service';

export interface RouterDeps {
  service: Service;
  data: DataHandlers;
  /** Resolves once the database is seeded; messages wait for it. */
  ready: Promise<unknown>;
  extensionId: string;
  /** chrome-extension://<id>/ */
  extensionOrigin: string;
  /** The local diagnostics log (src/background/diagnostics.ts); optional for tests. */
  diagnostics?: DiagnosticsLog;
}

export const refuse = (error: string): Reply<never> => ({ ok: false, error });

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return new URL(a).origin === new URL(b ?? 'about:blank').origin;
  } catch {
    return false;
  }
}

export function createRouter({ service, data, ready, extensionId, extensionOrigin, diagnostics }: RouterDeps) {
  async function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
    await ready;
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    // The type goes back into refusals: keep it short and plain.
    const shown = typeof type === 'string' ? type.slice(0, 40).replace(/[^\w/-]/g, '?') : '';

    if (typeof type === 'string' && type.startsWith('page/')) {
      if (!isTopFrameOfTab(sender, extensionId, extensionOrigin)) return refuse('Refused: not from a page tab of this extension.');
      const parsed = v.safeParse(PageMessageSchema, message);
      if (!parsed.success) return refuse(`Refused: malformed ${shown} message.`);
      const tabId = sender.tab?.id as number;
      const msg = parsed.output;
      switch (msg.type) {
        case 'page/wake':
          return { ok: true, value: null };
        case 'page/reading':
          // A page may only speak for its own origin: a reading about another URL is forged.
          if (!sameOrigin(msg.reading.url, sender.url)) return refuse('Refused: reading does not match the sending page.');
          return service.onReading(msg.reading, msg.visitId, tabId);
        case 'page/no-deal':
          return service.onNoDeal(tabId);
        case 'page/time-spent':
          return service.onTimeSpent(msg.dealKey, msg.ms);
        case 'page/diagnostic':
          return diagnostics ? diagnostics.fromPage(msg, sender.url) : { ok: true, value: null };
      }
    }

    if (typeof type === 'string' && type.startsWith('ui/')) {
      if (!isExtensionPage(sender, extensionId, extensionOrigin)) return refuse('Refused: not from an extension page.');
      const parsed = v.safeParse(UiMessageSchema, message);
      if (!parsed.success) return refuse(`Refused: malformed ${shown} message.`);
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
        case 'ui/pipeline':
          return service.pipeline(msg.offset, msg.limit, msg.verdict);
        case 'ui/export':
          return data.exportAll();
        case 'ui/import':
          return data.importAll(msg.text);
        case 'ui/erase':
          return data.eraseAll();
        case 'ui/diagnostics':
          return diagnostics ? diagnostics.list() : { ok: true, value: [] };
        case 'ui/reveal-evidence':
          return service.revealEvidence(msg.tabId, msg.dealKey, msg.messageIndex);
      }
    }
    return refuse('Refused: unknown message.');
  }

  /** The listener body: never rejects, a failure becomes a refusal with its reason. */
  return (message: unknown, sender: Runtime.MessageSender): Promise<unknown> =>
    route(message, sender).catch(async (error: unknown) => {
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      await diagnostics?.fromWorker(error, typeof type === 'string' ? type : '');
      return refuse(`The extension failed: ${error instanceof Error ? error.message : String(error)}`);
    });
}

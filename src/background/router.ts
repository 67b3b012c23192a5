/**
 * Who may send what, and in what shape: every message is checked against its sender and
 * its schema before any handler sees it. Free of browser.* so it can be fuzzed in a unit
 * test (tests/unit/router.test.ts); index.ts wires it to runtime.onMessage.
 */
import type { Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { PageMessageSchema, UiMessageSchema, type PageMessage, type Reply, type UiMessage } from '../protocol/messages';
import type { DiagnosticsLog } from './diagnostics';
import { isExtensionPage, isTopFrameOfTab } from './senders';
import type { PageHandlers, PageSender, UiHandlers } from './service';

export interface RouterDeps {
  /** One handler per message type (service.ts, handlersFor). */
  handlers: { page: PageHandlers; ui: UiHandlers };
  /** Resolves once the database is seeded; messages wait for it. */
  ready: Promise<unknown>;
  extensionId: string;
  /** chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Where a handler's failure is logged (src/background/diagnostics.ts); optional for tests. */
  diagnostics?: Pick<DiagnosticsLog, 'fromWorker'>;
}

export const refuse = (error: string): Reply<never> => ({ ok: false, error });

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return new URL(a).origin === new URL(b ?? 'about:blank').origin;
  } catch {
    return false;
  }
}

/** The handler of a message's type, called with it. Indexing the table by a union type loses the pairing, hence the casts. */
function dispatchPage(handlers: PageHandlers, message: PageMessage, sender: PageSender): Promise<unknown> {
  const handler = handlers[message.type] as (message: PageMessage, sender: PageSender) => Promise<unknown>;
  return handler(message, sender);
}

function dispatchUi(handlers: UiHandlers, message: UiMessage): Promise<unknown> {
  const handler = handlers[message.type] as (message: UiMessage) => Promise<unknown>;
  return handler(message);
}

export function createRouter({ handlers, ready, extensionId, extensionOrigin, diagnostics }: RouterDeps) {
  async function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
    await ready;
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    // The type goes back into refusals: keep it short and plain.
    const shown = typeof type === 'string' ? type.slice(0, 40).replace(/[^\w/-]/g, '?') : '';

    if (typeof type === 'string' && type.startsWith('page/')) {
      if (!isTopFrameOfTab(sender, extensionId, extensionOrigin)) return refuse('Refused: not from a page tab of this extension.');
      const parsed = v.safeParse(PageMessageSchema, message);
      if (!parsed.success) return refuse(`Refused: malformed ${shown} message.`);
      const msg = parsed.output;
      // A page may only speak for its own origin: a reading about another URL is forged.
      if (msg.type === 'page/reading' && !sameOrigin(msg.reading.url, sender.url)) return refuse('Refused: reading does not match the sending page.');
      return dispatchPage(handlers.page, msg, { tabId: sender.tab?.id as number, url: sender.url });
    }

    if (typeof type === 'string' && type.startsWith('ui/')) {
      if (!isExtensionPage(sender, extensionId, extensionOrigin)) return refuse('Refused: not from an extension page.');
      const parsed = v.safeParse(UiMessageSchema, message);
      if (!parsed.success) return refuse(`Refused: malformed ${shown} message.`);
      return dispatchUi(handlers.ui, parsed.output);
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

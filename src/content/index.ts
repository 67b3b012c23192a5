/**
 * Content script: picks the adapter for the URL, reads the page when its fields arrive
 * and whenever they change, follows in-app navigation, and keeps the badge current.
 * Raw text only goes to the worker, which parses, scores and stores. Nothing here may
 * throw into the host page: every entry point is guarded.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { adapterFor } from '../adapters/registry';
import type { RawReading } from '../adapters/types';
import { BadgeMessageSchema, type BadgeState, type PageMessage, type Reply } from '../messages';
import { Badge } from './badge';
import { watchNavigation, watchMutations } from './watch';

const badge = new Badge();
let view: AbortController | null = null;

function send(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // Never let our failure surface in the host page.
    }
  };
}

/** Time the deal's page is visible, flushed to the worker on hide, navigation and each reading. */
function visibleTimer(dealKey: () => string | null) {
  let since = document.visibilityState === 'visible' ? performance.now() : null;
  return {
    flush(): void {
      const key = dealKey();
      if (since !== null) {
        const ms = Math.round(performance.now() - since);
        since = document.visibilityState === 'visible' ? performance.now() : null;
        if (key && ms > 0) void send({ type: 'page/time-spent', dealKey: key, ms: Math.min(ms, 86_400_000) }).catch(() => undefined);
      } else if (document.visibilityState === 'visible') {
        since = performance.now();
      }
    },
  };
}

/** One page view: from a URL until navigation away. Aborting the signal ends all its work. */
function startView(): void {
  view?.abort();
  const controller = new AbortController();
  view = controller;
  const { signal } = controller;
  const url = new URL(location.href);
  const adapter = adapterFor(url);
  if (!adapter) {
    badge.remove();
    void send({ type: 'page/no-deal', url: url.href, reason: 'not a deal page' }).catch(() => undefined);
    return;
  }

  const visitId = crypto.randomUUID();
  let dealKey: string | null = null;
  let lastSent = '';
  const timer = visibleTimer(() => dealKey);

  const show = (state: BadgeState | null) => {
    if (signal.aborted) return;
    if (state) badge.render(state);
    else badge.remove();
  };

  const read = guard(async () => {
    if (signal.aborted) return;
    const reading: RawReading | null = adapter.read(document, url);
    if (!reading) return; // fields not rendered yet: the mutation watcher calls again
    const fingerprint = JSON.stringify(reading);
    if (fingerprint === lastSent) return;
    lastSent = fingerprint;
    if (dealKey !== reading.dealKey) {
      timer.flush();
      dealKey = reading.dealKey;
    } else {
      timer.flush();
    }
    const reply = (await send({ type: 'page/reading', visitId, reading })) as Reply<BadgeState | null> | undefined;
    if (reply?.ok) show(reply.value);
  });

  watchMutations(read, signal, badge.host);
  const onVisibility = guard(() => timer.flush());
  document.addEventListener('visibilitychange', onVisibility, { signal });
  window.addEventListener('pagehide', onVisibility, { signal });
  signal.addEventListener('abort', () => timer.flush(), { once: true });
  read();
}

browser.runtime.onMessage.addListener(
  guard((message: unknown) => {
    const parsed = v.safeParse(BadgeMessageSchema, message);
    if (!parsed.success) return;
    const { state } = parsed.output;
    // Only the deal this page shows: a late update for the previous record is dropped.
    if (badge.host.dataset['deal'] === state.dealKey) badge.render(state);
  }),
);

guard(() => {
  watchNavigation(guard(startView));
  startView();
})();

/**
 * Content script: picks the adapter for the URL, reads the page when its fields arrive
 * and whenever they change, follows in-app navigation, and keeps the badge current.
 * Raw text only goes to the worker, which parses, scores and stores. Nothing here may
 * throw into the host page: every entry point is guarded.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import type { Adapter, RawReading } from '../adapters/types';
import { BadgeMessageSchema, BadgeStateSchema, ReadingReplySchema, type BadgeState, type PageMessage } from '../protocol/messages';
import { lastBadgeKey } from '../protocol/keys';
import { sendRetrying } from '../protocol/send';
import { errorName, ownFrames } from '../contract/diagnostics';
import { Badge } from './badge';
import { revealMessage } from './reveal';
import { watchNavigation, watchMutations } from './watch';

const badge = new Badge();
let view: AbortController | null = null;
/** The adapters this page's bundle carries: one site's (src/sites/<id>/content.ts), or all (./any-crm.ts). */
let adapters: readonly Adapter[] = [];
const adapterFor = (url: URL): Adapter | null => adapters.find((adapter) => adapter.matches(url)) ?? null;

function send(message: PageMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/**
 * The badge the worker last gave this deal, read from storage.local so it shows without
 * waking the worker. Validated like any message: storage is a boundary too.
 */
async function lastKnownBadge(dealKey: string): Promise<BadgeState | null> {
  const key = lastBadgeKey(dealKey);
  const stored = (await browser.storage.local.get(key))[key];
  const parsed = v.safeParse(BadgeStateSchema, stored);
  return parsed.success && parsed.output.dealKey === dealKey ? parsed.output : null;
}

/**
 * The worker's answer to a reading, validated like every message: a badge state, null (the
 * site is switched off: no badge), or undefined for anything else (an error, or a malformed
 * answer, which changes nothing on the page).
 */
function badgeFromReply(reply: unknown): BadgeState | null | undefined {
  const parsed = v.safeParse(ReadingReplySchema, reply);
  return parsed.success ? parsed.output.value : undefined;
}

/** The adapter of the current view, for diagnostics; reports are capped per page load. */
let adapterId = '';
let reportsLeft = 20;

/** Logs a caught failure in the worker's diagnostics log: class name and our own frames only. */
function report(error: unknown): void {
  if (reportsLeft <= 0) return;
  reportsLeft -= 1;
  const frames = ownFrames(error, browser.runtime.getURL(''));
  void send({ type: 'page/diagnostic', code: 'content-failed', adapter: adapterId, errorName: errorName(error), frames }).catch(() => undefined);
}

function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      // Never let our failure surface in the host page: it goes to the local log instead.
      report(error);
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
  adapterId = adapter?.site ?? '';
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
    // Benchmark builds only (VITE_WALKAWAY_BENCH=1, scripts/bench.mjs): the page's timeline
    // shows each read. Compiled out of the build users install.
    const bench = import.meta.env.VITE_WALKAWAY_BENCH === '1';
    const started = bench ? performance.now() : 0;
    const reading: RawReading | null = adapter.read(document, url);
    if (bench) performance.measure(reading ? 'walkaway:read' : 'walkaway:read-empty', { start: started });
    if (!reading) return; // fields not rendered yet: the mutation watcher calls again
    const fingerprint = JSON.stringify(reading);
    if (fingerprint === lastSent) return;
    lastSent = fingerprint;
    timer.flush();
    let answered = false;
    if (dealKey !== reading.dealKey) {
      dealKey = reading.dealKey;
      // The last known badge shows at once; the worker's fresh answer replaces it.
      void lastKnownBadge(reading.dealKey).then((state) => {
        if (state && !answered) show(state);
      }, report);
    }
    const state = badgeFromReply(await sendRetrying(send, { type: 'page/reading', visitId, reading }));
    answered = true;
    if (state !== undefined) show(state);
  });

  watchMutations(read, signal, badge.host, () => lastSent === '');
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
    if (parsed.output.type === 'badge/reveal') {
      const { dealKey, messageIndex } = parsed.output;
      const url = new URL(location.href);
      const adapter = adapterFor(url);
      if (adapter && badge.host.dataset['deal'] === dealKey) revealMessage(adapter, document, url, messageIndex);
      return;
    }
    const { state } = parsed.output;
    // Only the deal this page shows: a late update for the previous record is dropped.
    if (badge.host.dataset['deal'] === state.dealKey) badge.render(state);
  }),
);

/** Called after the page's load event (src/content/boot.ts), with the adapters of this bundle. */
export function start(siteAdapters: readonly Adapter[]): void {
  adapters = siteAdapters;
  guard(() => {
    watchNavigation(guard(startView));
    startView();
  })();
}

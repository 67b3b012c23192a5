/**
 * The start of every content script bundle (src/sites/<id>/content.ts: one per site, and ./any-crm.ts with
 * every adapter for the CRMs the rep allows). Chromium injects it at document_start, where
 * it only arms afterLoad (src/content/start.ts); everything else, the modules of ./index and
 * the site's adapter with their top-level work (the badge's DOM, the label tables, the
 * polyfill), is evaluated after the page's load event. Evaluated at injection, that work
 * delayed every page's load by about 5 ms (docs/PERFORMANCE.md, "Page load ratio").
 */
import type { Adapter } from '../adapters/types';
import type { PageMessage } from '../protocol/messages';
import { afterLoad } from './start';

const wake: PageMessage = { type: 'page/wake' };

/** `loadAdapters` imports the bundle's adapters dynamically, so they too wait for the load event. */
export function boot(loadAdapters: () => Promise<readonly Adapter[]>): void {
  afterLoad(() => {
    // Chromium stops an idle worker; a stopped one takes ~100 ms to start and open its database
    // (docs/PERFORMANCE.md, "Cold start"). Asked now, it starts while ./index is evaluated and
    // the page is read, instead of after. The page sends the worker a message anyway (a reading
    // or "no deal"), so this starts no worker that would not have started. chrome.* directly:
    // the polyfill is among the modules not evaluated yet.
    chrome.runtime.sendMessage(wake).catch(() => undefined);
    // A failure there has nowhere to go but the console: it must not reach the host page.
    Promise.all([import('./index'), loadAdapters()])
      .then(([content, adapters]) => content.start(adapters))
      .catch(() => undefined);
  });
}

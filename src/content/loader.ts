/**
 * The content script Chromium injects on the manifest's sites, at document_start. V8
 * compiles an injected script in full before the page may go on: the whole content script
 * there cost every page load about 2 ms to compile and 5 ms to evaluate (docs/PERFORMANCE.md,
 * "Page load ratio"). So this file only arms afterLoad (src/content/start.ts), and the rest
 * (src/content/index.ts, built as the module CONTENT_MAIN) is imported after the load event.
 *
 * CONTENT_MAIN is the one web-accessible file, only to the manifest's sites and only under
 * the per-session dynamic URL chrome.runtime.getURL gives (use_dynamic_url): a page cannot
 * probe for it under the extension's fixed id.
 */
import { afterLoad } from './start';

/** vite.config.ts emits src/content/index.ts under this name. */
const CONTENT_MAIN = 'content-main.js';

// A failure to load has nowhere to go but the console: it must not reach the host page.
afterLoad(() => void import(/* @vite-ignore */ chrome.runtime.getURL(CONTENT_MAIN)).catch(() => undefined));

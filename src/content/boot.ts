/**
 * The content script's entry. Chromium injects it at document_start, where it only arms
 * afterLoad (src/content/start.ts); everything else, the modules of ./index and their
 * top-level work (the badge's DOM, the label tables, the polyfill), is evaluated after the
 * page's load event. Evaluated at injection, that work delayed every page's load by
 * about 5 ms (docs/PERFORMANCE.md, "Page load ratio").
 */
import { afterLoad } from './start';

// A failure there has nowhere to go but the console: it must not reach the host page.
afterLoad(() => void import('./index').catch(() => undefined));

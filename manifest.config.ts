/**
 * The extension's manifest. Host access and content scripts come from the list of sites
 * (src/sites/index.ts): each site with match patterns gets them as host permissions and
 * its own content script (src/sites/<id>/content.ts). vite.config.ts builds each content
 * script and the worker as one classic file and points the built manifest at those.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import { SITES } from './src/sites/index.ts';
import { DEMO_BUILD } from './src/sites/build.ts';

/** Built by vite.config.ts as one classic `service-worker.js`, so crxjs is not given it. */
export const WORKER_ENTRY = 'src/background/index.ts';

export const contentEntry = (site: string): string => `src/sites/${site}/content.ts`;

/** The sites the manifest reads, each with its own content script. */
export const MANIFEST_SITES = SITES.filter((site) => site.matches.length > 0);

const icon = (size: number) => `icons/icon-${size}.png`;

export default defineManifest({
  manifest_version: 3,
  name: DEMO_BUILD ? 'Walk Away (demo)' : 'Walk Away',
  version: '0.1.0',
  description: 'Tells you, while you look at a deal, whether to keep pursuing it or walk away, with the evidence.',
  icons: { 16: icon(16), 32: icon(32), 48: icon(48), 128: icon(128) },
  action: {
    default_title: 'Walk Away',
    default_popup: 'src/ui/popup/index.html',
    default_icon: { 16: icon(16), 32: icon(32) },
  },
  options_ui: { page: 'src/ui/options/index.html', open_in_tab: true },
  permissions: ['storage'],
  // Asked at use, for one CRM the rep allows (src/sites/generic/origins.ts).
  optional_permissions: ['scripting'],
  optional_host_permissions: ['https://*/*'],
  host_permissions: MANIFEST_SITES.flatMap((site) => site.matches),
  // vite.config.ts builds each entry as one classic file and injects it at document_start
  // (crxjs's own loader, built from this, can't run that early).
  content_scripts: MANIFEST_SITES.map((site) => ({ matches: [...site.matches], js: [contentEntry(site.id)] })),
  content_security_policy: {
    extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'none'; form-action 'none'",
  },
  minimum_chrome_version: '116',
});

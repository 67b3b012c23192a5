/**
 * Every site Walk Away reads, in the order the options page lists them: the one list
 * that site ids, default settings, labels, the generic reader's known hosts, the manifest
 * (manifest.config.ts) and "is this a mail thread" derive from. Adding a site is its
 * folder (src/sites/<id>/: site.ts, adapter.ts, content.ts) and its line here.
 *
 * Data only, and never imported by a site's own content script: each of those carries
 * its own adapter and nothing of the other sites (tests/unit/content-size.test.ts).
 */
import { DEMO_BUILD } from './build.ts';
import { demo } from './demo/site.ts';
import { generic } from './generic/site.ts';
import { gmail } from './gmail/site.ts';
import { hubspot } from './hubspot/site.ts';
import { outlook } from './outlook/site.ts';
import { pipedrive } from './pipedrive/site.ts';
import { salesforce } from './salesforce/site.ts';
import type { SiteDescriptor } from './types';

/** The demo site only in the demo build: in the user build the constant drops it, and its code with it. */
export const SITES = [hubspot, salesforce, pipedrive, gmail, outlook, ...(DEMO_BUILD ? [demo] : []), generic] as const satisfies readonly SiteDescriptor[];

export type Site = (typeof SITES)[number];
export type SiteId = Site['id'];

export const SITE_IDS: readonly SiteId[] = /* @__PURE__ */ SITES.map((site) => site.id);

/** By id; a site this build does not have (a stored `demo` record in the user build) is undefined. */
export function siteOf(id: string): Site | undefined {
  return SITES.find((site) => site.id === id);
}

/** How the rep sees a site named; an id this build does not know is shown as it is. */
export function siteLabel(id: string): string {
  return siteOf(id)?.label ?? id;
}

/**
 * Whether the site's pages are email threads (linked to the CRM deal of the same company)
 * rather than deal records. Per site: the demo CRM's own inbox pages are records of that
 * CRM (src/sites/demo/site.ts).
 */
export function isMail(id: string): boolean {
  return siteOf(id)?.kind === 'mail';
}

/** "HubSpot, Salesforce or Pipedrive" */
function either(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]!}`;
}

/** What the rep is told on a tab Walk Away can't read: the sites with their own reader, by kind. */
export function openADealHint(): string {
  const named = (kind: Site['kind']) => SITES.filter((site) => site.kind === kind && site.matches.length > 0).map((site) => site.label);
  return `Open a deal in ${either(named('crm'))}, or an email thread in ${either(named('mail'))}.`;
}

/** Every registrable domain some site owns: the generic reader never takes a host on or under one. */
export const KNOWN_HOSTS: readonly string[] = /* @__PURE__ */ SITES.flatMap((site) => site.knownHosts);

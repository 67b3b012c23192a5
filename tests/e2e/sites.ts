/**
 * Which host names the e2e browser maps to the local fixture server, and what each
 * serves. Real site URLs (app.hubspot.com/contacts/..., mail.google.com/mail/u/0/#inbox/...)
 * reach committed fixtures, so the content script sees production URLs.
 */
import { resolve } from 'node:path';
import { DEMO_HOST } from '../../scripts/demo-origin.mjs';
import { staticSite, type SiteResolver } from '../../scripts/fixture-server.mjs';
import { ANY_CRM_SITES } from './any-crm-hosts';
import { CRM_SITES } from './crm-hosts';
import { MAIL_SITES } from './mail-hosts';

const demoSite = staticSite(resolve('demo'));
const hostileFiles = staticSite(resolve('tests/fixtures/hostile'));
const HOSTILE_DEAL = /^\/deals\/(9\d{3})\/?$/;

export const SITES: Record<string, SiteResolver> = {
  // Deal ids 9000-9999 are hostile pages (tests/fixtures/hostile/), read by the demo adapter like any deal.
  [DEMO_HOST]: async (path, url) => {
    const hostile = HOSTILE_DEAL.exec(path);
    if (hostile) return resolve(`tests/fixtures/hostile/deal-${hostile[1]}.html`);
    // The same files under /hostile/ are not deal pages: the baseline of a page we don't read.
    if (path.startsWith('/hostile/')) return hostileFiles(path.slice('/hostile'.length), url);
    return demoSite(path, url);
  },
  // HubSpot, Salesforce and Pipedrive under their real host names (crm-hosts.ts).
  ...CRM_SITES,
  // Gmail and the three Outlook hosts, threads rendered for today (mail-hosts.ts).
  ...MAIL_SITES,
  // A SuiteCRM-shaped CRM no adapter knows, read once the rep allows it (any-crm-hosts.ts).
  ...ANY_CRM_SITES,
};

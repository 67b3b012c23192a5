/**
 * Which host names the e2e browser maps to the local fixture server, and what each
 * serves. Real site URLs (app.hubspot.com/contacts/..., mail.google.com/mail/u/0/#inbox/...)
 * reach committed fixtures, so the content script sees production URLs.
 */
import { resolve } from 'node:path';
import { DEMO_HOST } from '../../scripts/demo-origin.mjs';
import { staticSite, type SiteResolver } from '../../scripts/fixture-server.mjs';

export const SITES: Record<string, SiteResolver> = {
  [DEMO_HOST]: staticSite(resolve('demo')),
};

/**
 * A CRM no adapter knows, under a host of its own: a SuiteCRM 7 opportunity detail view
 * (the committed fixture, dates filled for today). Walk Away may read it only once the
 * rep allows the host (tests/e2e/any-crm.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SiteResolver } from '../../scripts/fixture-server.mjs';
import { fillDates } from '../fixtures/template.mjs';

export const SUITE_HOST = 'crm.suite.test';
export const SUITE_DEAL_PATH = '/index.php?module=Opportunities&action=DetailView&record=6f1c2b9e';

const OUT = mkdtempSync(join(tmpdir(), 'walkaway-any-crm-'));

export const ANY_CRM_SITES: Record<string, SiteResolver> = {
  [SUITE_HOST]: async (path) => {
    if (path !== '/index.php') return null;
    const file = join(OUT, 'suitecrm-opportunity.html');
    writeFileSync(file, fillDates(readFileSync(resolve('tests/fixtures/generic/2026-11-28-suitecrm7-opportunity.html'), 'utf8'), Date.now()));
    return file;
  },
};

/**
 * Every site is one folder plus its line in the list of sites (src/sites/index.ts). These
 * rules make "add a site" complete: a site missing any of its parts fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites';
import { ADAPTERS, SITE_ADAPTERS, sitesTaking } from './site-adapters';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const SITES_DOC = read('docs/SITES.md');
const UNIT_TESTS = readdirSync(join(ROOT, 'tests/unit'));

describe('the list of sites', () => {
  it('lists every folder of src/sites/ that has a descriptor, once, and the folders hold nothing else', () => {
    const folders = readdirSync(join(ROOT, 'src/sites')).filter((name) => statSync(join(ROOT, 'src/sites', name)).isDirectory());
    expect([...folders].sort()).toEqual(SITES.map((site) => site.id).sort());
    expect(new Set(SITES.map((site) => site.id)).size).toBe(SITES.length);
  });

  it('has the generic reader last and only it without fixed hosts', () => {
    expect(SITES.at(-1)?.id).toBe('generic');
    expect(SITES.filter((site) => site.matches.length === 0).map((site) => site.id)).toEqual(['generic']);
  });
});

describe.each(SITES.map((site) => [site.id, site] as const))('site %s', (id, site) => {
  const folder = `src/sites/${id}`;

  it('has its descriptor and adapter in its folder, and the adapter reads as this site', () => {
    expect(existsSync(join(ROOT, folder, 'site.ts'))).toBe(true);
    expect(existsSync(join(ROOT, folder, 'adapter.ts'))).toBe(true);
    expect(SITE_ADAPTERS.find((entry) => entry.id === id)?.adapter?.site).toBe(id);
  });

  it('has its own content script entry when the manifest reads it', () => {
    // Generic has no fixed hosts: only the script with every adapter reads it (src/content/any-crm.ts).
    expect(existsSync(join(ROOT, folder, 'content.ts'))).toBe(site.matches.length > 0);
  });

  it('has test pages', () => {
    const fixtures = ('fixtures' in site ? site.fixtures : undefined) ?? `tests/fixtures/${id}`;
    const pages = readdirSync(join(ROOT, fixtures)).filter((name) => name.endsWith('.html'));
    expect(pages.length, fixtures).toBeGreaterThan(0);
  });

  it('has an adapter test: tests/unit/adapter-<ids>.test.ts naming this site and importing its adapter', () => {
    const files = UNIT_TESTS.filter((name) => /^adapter-[a-z-]+\.test\.tsx?$/.test(name) && name.replace(/^adapter-|\.test\.tsx?$/g, '').split('-').includes(id));
    expect(files.length, `tests/unit/adapter-${id}.test.ts`).toBeGreaterThan(0);
    for (const file of files) expect(read(`tests/unit/${file}`), file).toContain(`src/sites/${id}/adapter'`);
  });

  it('has example URLs, each taken by this site\'s adapter and no other', () => {
    expect(site.exampleUrls.length).toBeGreaterThan(0);
    for (const example of site.exampleUrls) expect(sitesTaking(new URL(example)), example).toEqual([id]);
  });

  it('keeps its known hosts from the generic reader, and its example URLs are on them', () => {
    for (const example of site.exampleUrls) {
      const host = new URL(example).hostname;
      const known = site.knownHosts.some((domain) => host === domain || host.endsWith(`.${domain}`));
      expect(known, example).toBe(id !== 'generic');
    }
  });

  it('has a row in docs/SITES.md', () => {
    expect(SITES_DOC).toContain(`| \`${id}\` | ${site.label} |`);
  });

  it('has a mail adapter that lists its messages when the site is mail', () => {
    const adapter = ADAPTERS.find((candidate) => candidate.site === id);
    if (site.kind === 'mail') expect(typeof adapter?.messages).toBe('function');
    else expect(site.kind).toBe('crm');
  });
});

describe('pages that are no deal or thread', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#label/Prospects',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/',
    'https://app.hubspot.com/contacts/2345678/objects/0-3/views/all/board',
    'https://app.hubspot.com/contacts/2345678/record/0-1/51',
    'http://app.hubspot.com/contacts/2345678/record/0-3/9876543210',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/r/Account/001Hs00001AbCdEIAV/view',
    'https://acme.pipedrive.com/pipeline/1/user/everyone',
    'https://acme.pipedrive.com/deals/list',
    'https://www.pipedrive.com/deal/12',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/calendar/view/week',
    'https://demo.walkaway.test/',
    'https://demo.walkaway.test/deals',
    'https://demo.walkaway.test/mail',
    'https://demo.walkaway.test/deals/abc',
    'http://example.com/deals/1042',
  ])('%s is taken by no adapter (a known host is never read generically)', (href) => {
    expect(sitesTaking(new URL(href))).toEqual([]);
  });

  it.each([
    'https://app.hubspot.com.evil.example/contacts/2345678/record/0-3/9876543210',
    'https://acme.lightning.force.com.evil.example/lightning/r/Opportunity/006Hs00001AbCdEIAV/view',
    'https://example.com/deals/1042',
    'https://outlook.example.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5',
  ])('%s (no known site) falls to the generic adapter, which runs only where the rep granted access', (href) => {
    expect(sitesTaking(new URL(href))).toEqual(['generic']);
  });
});

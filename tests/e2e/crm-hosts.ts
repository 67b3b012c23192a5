/**
 * The CRM hosts the e2e browser reaches (real URL patterns, mapped to the fixture
 * server) and what each path serves: a committed fixture with its date tokens filled
 * for today, so verdicts don't depend on the day the tests run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SiteResolver } from '../../scripts/fixture-server.mjs';
import { makeLarge } from '../fixtures/make-large.mjs';
import { fillDates } from '../fixtures/template.mjs';

const FIXTURES = resolve('tests/fixtures');
const OUT = mkdtempSync(join(tmpdir(), 'walkaway-crm-'));
let served = 0;

/** Writes the page for today and returns its path (the server serves files). */
function serve(html: string): string {
  const file = join(OUT, `page-${++served}.html`);
  writeFileSync(file, fillDates(html, Date.now()));
  return file;
}

const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const bodyOf = (html: string) => /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

/**
 * A Pipedrive-like single-page app: each deal's markup (the rich and sparse fixtures)
 * arrives 600 ms after navigation, and links switch deals with history.pushState.
 */
function pipedriveApp(): string {
  return `<!doctype html><html lang="en-US"><head><title>Pipedrive</title></head><body>
<nav><a href="/deal/4242" data-nav>Wayne Enterprises</a> <a href="/deal/4243" data-nav>Cyberdyne</a></nav>
<main id="app"></main>
<template id="deal-4242">${bodyOf(fixture('pipedrive/2026-11-28-deal-rich.html'))}</template>
<template id="deal-4243">${bodyOf(fixture('pipedrive/2026-11-28-deal-sparse.html'))}</template>
<script>
  const app = document.getElementById('app');
  function render() {
    app.replaceChildren();
    const id = location.pathname.split('/').pop();
    setTimeout(() => {
      const template = document.getElementById('deal-' + id);
      if (template && location.pathname.endsWith(id)) app.replaceChildren(template.content.cloneNode(true));
    }, 600);
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-nav]');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
  render();
</script></body></html>`;
}

const HUBSPOT_DEALS: Record<string, () => string> = {
  '987654': () => fixture('hubspot/2026-11-28-deal-rich.html'),
  '987655': () => fixture('hubspot/2026-11-28-deal-older-markup.html'),
  '987656': () => makeLarge('hubspot'),
};

export const CRM_SITES: Record<string, SiteResolver> = {
  'app.hubspot.com': async (path) => {
    const id = /^\/contacts\/\d+\/record\/0-3\/(\d+)/.exec(path)?.[1];
    const page = id ? HUBSPOT_DEALS[id] : undefined;
    return page ? serve(page()) : null;
  },
  'app-eu1.hubspot.com': async (path) => (/^\/contacts\/\d+\/record\/0-3\/\d+/.test(path) ? serve(fixture('hubspot/2026-11-28-deal-sparse.html')) : null),
  'acme.lightning.force.com': async (path) => {
    if (path === '/lightning/r/Opportunity/006Hs00001AbCdEIAV/view') return serve(fixture('salesforce/2026-11-28-opportunity-rich.html'));
    if (path === '/lightning/r/Opportunity/006Hs00001AbCdEIAW/view') return serve(fixture('salesforce/2026-11-28-opportunity-older-markup.html'));
    return null;
  },
  'acme.pipedrive.com': async (path) => (/^\/deal\/\d+$/.test(path) ? serve(pipedriveApp()) : null),
};

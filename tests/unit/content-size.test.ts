// The one size guard in CI (SPEC section 5: content script at most 25 KB gzipped).
// npm test builds dist/ before the unit tests; the sizes follow the built import graph.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_BUDGET_GZIP, contentScriptSizes, contentSizeFor, importGraph, matchesPattern } from '../../scripts/content-size.mjs';
import { SITES } from '../../src/sites';

const DIST = resolve(process.env['WALKAWAY_OUT_DIR'] ?? 'dist');

describe('content script size (built dist/)', () => {
  it('dist/ holds a build (npm test builds it before the unit tests)', () => {
    expect(existsSync(join(DIST, 'manifest.json')), 'run `npx vite build` first').toBe(true);
  });

  it('injects one self-contained classic script per site, which imports nothing (vite.config.ts)', () => {
    const scripts = contentScriptSizes(DIST);
    expect(scripts.length).toBe(SITES.filter((site) => site.matches.length > 0 && !('demoOnly' in site)).length);
    for (const script of scripts) {
      // A loader importing chunks would hold the page's load event and need web-accessible files.
      expect(script.files.map((file) => file.path)).toEqual([expect.stringMatching(/^content-[a-z]+\.js$/)]);
      expect(script.raw).toBeGreaterThan(10_000);
    }
  });

  it('gives each site only its own adapter: every site file is smaller than the one with all adapters', () => {
    const all = importGraph(DIST, ['content-any-crm.js']).map((path) => path.slice(DIST.length + 1));
    expect(all).toEqual(['content-any-crm.js']);
    const allSize = contentScriptSizes(DIST).length ? statSync(join(DIST, 'content-any-crm.js')).size : 0;
    for (const script of contentScriptSizes(DIST)) expect(script.raw, script.files[0]?.path).toBeLessThan(allSize * 0.8);
  });

  it("carries nothing of the list of sites: no other site's label, host pattern or known host", () => {
    for (const script of contentScriptSizes(DIST)) {
      const file = script.files[0]!.path;
      const own = /^content-([a-z]+)\.js$/.exec(file)?.[1];
      const code = readFileSync(join(DIST, file), 'utf8');
      for (const site of SITES) {
        if (site.id === own) continue;
        // Generic's label and the mail sites' are words a page may use; the label is checked as a quoted string.
        expect(code, `${file}: ${site.label}`).not.toMatch(new RegExp(`[\`'"]${site.label.replace(/[()]/g, '\\$&')}[\`'"]`));
        for (const pattern of site.matches) expect(code, `${file}: ${pattern}`).not.toContain(pattern);
        for (const host of site.knownHosts) expect(code, `${file}: ${host}`).not.toContain(host);
      }
      // Nor its own descriptor: the adapter needs none of it.
      const descriptor = SITES.find((site) => site.id === own)!;
      for (const pattern of descriptor.matches) expect(code, `${file}: ${pattern}`).not.toContain(pattern);
    }
  });

  it(`ships at most ${CONTENT_BUDGET_GZIP / 1024} KB gzipped to any page`, () => {
    for (const script of contentScriptSizes(DIST)) {
      const detail = script.files.map((f) => `${f.path} ${f.gzip} B`).join(', ');
      expect(script.gzip, `${script.matches.join(' ')}: ${detail}`).toBeLessThanOrEqual(CONTENT_BUDGET_GZIP);
    }
    // A page matched by several content scripts gets all of them.
    expect(contentSizeFor(DIST, 'https://app.hubspot.com/contacts/1/record/0-3/2').gzip).toBeLessThanOrEqual(CONTENT_BUDGET_GZIP);
  });
});

describe('import graph', () => {
  const root = mkdtempSync(join(tmpdir(), 'walkaway-size-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('follows static, dynamic and getURL imports, once each, and ignores what is not there', () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets/loader.js'), 'import(chrome.runtime.getURL(`assets/main.js`));');
    writeFileSync(join(root, 'assets/main.js'), 'import{a}from"./a.js";import"./b.js";import("./c.js");import x from"./missing.js";');
    writeFileSync(join(root, 'assets/a.js'), 'import"./b.js";export const a=1;');
    writeFileSync(join(root, 'assets/b.js'), 'import{a}from"./a.js";');
    writeFileSync(join(root, 'assets/c.js'), 'export default 3;');
    writeFileSync(join(root, 'assets/unused.js'), 'export default 4;');
    const files = importGraph(root, ['assets/loader.js']).map((path) => path.slice(root.length + 1));
    expect(files).toEqual(['assets/loader.js', 'assets/main.js', 'assets/a.js', 'assets/b.js', 'assets/c.js']);
  });

  it('matches manifest patterns the way Chromium does for our hosts', () => {
    expect(matchesPattern('https://*.hubspot.com/*', 'https://app-eu1.hubspot.com/contacts/1')).toBe(true);
    expect(matchesPattern('https://*.hubspot.com/*', 'https://hubspot.com/')).toBe(true);
    expect(matchesPattern('https://*.hubspot.com/*', 'https://app.hubspot.com.evil.example/')).toBe(false);
    expect(matchesPattern('https://mail.google.com/*', 'https://mail.google.com/mail/u/0/#inbox/x')).toBe(true);
    expect(matchesPattern('https://mail.google.com/*', 'http://mail.google.com/mail/')).toBe(false);
  });
});

/**
 * The built manifest asks for nothing beyond SPEC section 3 and storage, and the demo
 * host never reaches the build a user installs. Reads dist/ (npm test builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesInUse, importGraph, pageScripts } from '../../scripts/content-size.mjs';
import { SITES } from '../../src/sites';

/** The sites of each build with a content script of their own (the unit tests see the demo build's list). */
const DEMO_SITES = SITES.filter((site) => site.matches.length > 0);
const USER_SITES = DEMO_SITES.filter((site) => !('demoOnly' in site && site.demoOnly));
const ALLOWED_HOSTS = USER_SITES.flatMap((site) => site.matches);

const OPTIONAL_ALLOWED = ['scripting'];
const OPTIONAL_HOSTS_ALLOWED = ['https://*/*'];

// npm test checks dist/ and dist-demo/; parallel builds point these at their own folders.
const USER_DIR = process.env['WALKAWAY_OUT_DIR'] ?? 'dist';
const DEMO_DIR = process.env['WALKAWAY_EXTENSION_DIR'] ?? 'dist-demo';

interface Manifest {
  manifest_version: number;
  web_accessible_resources?: unknown;
  optional_host_permissions?: string[];
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; run_at?: string }>;
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker: string; type?: string };
  externally_connectable?: unknown;
}

const load = (dir: string): Manifest => {
  const path = `${dir}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
};

describe('built manifest (dist/, what users install)', () => {
  const manifest = load(USER_DIR);

  it('is Manifest V3 with storage as its only API permission', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    // Requested at use, for a CRM the rep names (docs/SECURITY.md): nothing else may be optional.
    for (const permission of manifest.optional_permissions ?? []) expect(OPTIONAL_ALLOWED).toContain(permission);
    for (const host of manifest.optional_host_permissions ?? []) expect(OPTIONAL_HOSTS_ALLOWED).toContain(host);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('reaches only the SPEC sites, in host permissions and content scripts', () => {
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...ALLOWED_HOSTS].sort());
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    for (const match of matches) expect(ALLOWED_HOSTS).toContain(match);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toContain('walkaway.test');
  });

  it('exposes no file to web pages (nothing a page could probe for)', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('injects each site of the list its own script, on its own hosts, at document_start', () => {
    // One self-contained file per site, with that site's adapter only (vite.config.ts).
    expect(manifest.content_scripts).toEqual(
      // Injected before parsing, so it never runs in a task ahead of the load event (src/content/start.ts).
      USER_SITES.map((site) => ({ matches: site.matches, js: [`content-${site.id}.js`], run_at: 'document_start' })),
    );
  });

  it('has a strict content security policy for its pages', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('demo build (dist-demo/, for npm start and the e2e tests)', () => {
  it('differs from the user build only by the demo site', () => {
    const demo = load(DEMO_DIR);
    expect(demo.host_permissions).toEqual(DEMO_SITES.flatMap((site) => site.matches));
    expect(demo.host_permissions).toEqual([...(load(USER_DIR).host_permissions ?? []), 'https://demo.walkaway.test/*']);
    expect(demo.content_scripts).toEqual(DEMO_SITES.map((site) => ({ matches: site.matches, js: [`content-${site.id}.js`], run_at: 'document_start' })));
    expect(demo.permissions).toEqual(['storage']);
  });
});

describe('built code (dist/)', () => {
  it('starts the worker from one self-contained classic script (faster cold starts, docs/PERFORMANCE.md)', () => {
    const { background } = load(USER_DIR);
    expect(background).toEqual({ service_worker: 'service-worker.js' });
    const graph = importGraph(USER_DIR, ['service-worker.js']);
    expect(graph).toHaveLength(1);
    const code = readFileSync(join(USER_DIR, 'service-worker.js'), 'utf8');
    expect(code).not.toMatch(/^\s*import[\s{*]|\bimport\s*\(|\bexport\s*[{*]/m);
    expect(code.length).toBeGreaterThan(100_000);
  });

  it('gives each extension page one self-contained classic script, deferred', () => {
    for (const page of ['popup', 'options', 'pipeline']) {
      const html = readFileSync(join(USER_DIR, 'src/ui', page, 'index.html'), 'utf8');
      expect(pageScripts(html), page).toEqual([`assets/${page}.js`]);
      expect(html, page).toContain(`<script defer src="/assets/${page}.js"></script>`);
      expect(html, page).not.toMatch(/type="module"|modulepreload/);
      expect(importGraph(USER_DIR, [`assets/${page}.js`]), page).toHaveLength(1);
    }
  });

  it('ships no script that nothing loads', () => {
    const files = readdirSync(USER_DIR, { recursive: true, encoding: 'utf8' });
    const used = filesInUse(USER_DIR, ['content-any-crm.js']);
    expect(files.filter((name) => name.endsWith('.js') && !used.has(name))).toEqual([]);
    expect(pageScripts('<script type="module" crossorigin src="/assets/popup-x.js"></script><link rel="modulepreload" href="/assets/a.js">')).toEqual(['assets/popup-x.js', 'assets/a.js']);
  });

  it('has no trace of the demo site in any file (its host, its label, its adapter)', () => {
    const files = readdirSync(USER_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(js|html|json|css)$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const text = readFileSync(join(USER_DIR, name), 'utf8');
      expect(text, name).not.toContain('walkaway.test');
      expect(text, name).not.toContain('Demo CRM');
      expect(text, name).not.toContain('data-record');
    }
    // The demo build has them: what the test looks for is what the constant drops.
    expect(readFileSync(join(DEMO_DIR, 'assets/options.js'), 'utf8')).toContain('Demo CRM');
    expect(readFileSync(join(DEMO_DIR, 'content-demo.js'), 'utf8')).toContain('demo.walkaway.test');
  });

  it('evaluates no strings as code and loads nothing remote', () => {
    const files = readdirSync(USER_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(js|mjs|html)$/.test(name));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const code = readFileSync(join(USER_DIR, name), 'utf8');
      expect(code, name).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bimportScripts\s*\(/);
      expect(code, name).not.toMatch(/<script[^>]+src=["']https?:|import\s*\(\s*["']https?:/);
    }
  });
});

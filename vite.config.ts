import { crx } from '@crxjs/vite-plugin';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import manifest, { contentEntry, MANIFEST_SITES, WORKER_ENTRY } from './manifest.config.ts';
import { filesInUse, importGraph, pageScripts } from './scripts/content-size.mjs';

/**
 * `vite build` makes the extension a user installs, into dist/: host access to the
 * SPEC section 3 sites only. `WALKAWAY_DEMO=1 vite build` makes the demo/test build,
 * into dist-demo/, which also reads the bundled demo site. The demo site is in the list
 * of sites of the demo build only (src/sites/build.ts): the constant below drops it, with
 * its host and label, from every file of the user build (tests/unit/manifest.test.ts).
 */
const demo = process.env['WALKAWAY_DEMO'] === '1';
const DEFINE = { __WALKAWAY_DEMO__: JSON.stringify(demo) };

const OXC = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;
const TARGET = 'chrome116';

/**
 * The content scripts, each one self-contained classic IIFE file: one per site the manifest
 * reads, with that site's adapter only (src/sites/<site>/content.ts), and ANY_CRM_SCRIPT with
 * every adapter for the CRMs the rep allows at run time (src/background/any-crm.ts registers it).
 * crxjs's own content script is a loader that dynamically imports its chunks from the
 * extension: Chromium holds the page's load event for that request (docs/PERFORMANCE.md,
 * "Page load ratio"), and the chunks must be web accessible, which lets any page of those
 * sites probe for the extension. So the built manifest is rewritten to inject these files
 * at document_start, and the loader and its web_accessible_resources entry are dropped.
 * Each entry imports the rest dynamically (src/content/boot.ts): the bundler inlines that
 * import as modules evaluated on first use, so at injection V8 only compiles the file, and
 * a file with one site's adapter is 30 to 45 % smaller to compile than one with all of them.
 */
export const ANY_CRM_SCRIPT = 'content-any-crm.js';
export const siteScript = (site: string): string => `content-${site}.js`;

/** The site of a built content script entry: the one whose match patterns it has (manifest.config.ts). */
function siteOf(matches: readonly string[]): string {
  const site = MANIFEST_SITES.find((candidate) => candidate.matches.join(' ') === matches.join(' '));
  if (!site) throw new Error(`vite.config.ts: no site has the match patterns ${matches.join(' ')}`);
  return site.id;
}

/** After crxjs's build: every script the browser runs becomes one self-contained classic file. */
function classicScripts(outDir: string): Plugin {
  return {
    name: 'walkaway-classic-scripts',
    apply: 'build',
    async closeBundle() {
      const iife = (entry: string, fileName: string) =>
        build({
          configFile: false,
          logLevel: 'warn',
          oxc: OXC,
          define: DEFINE,
          build: {
            outDir,
            emptyOutDir: false,
            target: TARGET,
            sourcemap: false,
            copyPublicDir: false,
            lib: { entry, formats: ['iife'], name: 'walkaway', fileName: () => fileName },
          },
        });
      const sites = useClassicContentScripts(outDir);
      for (const site of sites) await iife(contentEntry(site), siteScript(site));
      await iife('src/content/any-crm.ts', ANY_CRM_SCRIPT);
      await iife(WORKER_ENTRY, WORKER_SCRIPT);
      useClassicWorker(outDir);
      for (const page of EXTENSION_PAGES) {
        await iife(join(resolve(outDir), pageEntry(outDir, page)), pageScript(page));
        useClassicPageScript(outDir, page);
      }
      dropUnusedChunks(outDir);
    },
  };
}

/**
 * The service worker, built here as one self-contained classic script rather than by crxjs
 * (a module loader importing the worker's chunk and the chunks it shares with the extension
 * pages). Chromium stops an idle worker, so most page views start it again, and the classic
 * file started faster: from the worker's start to the badge, 64 to 78 ms against 89 to 101
 * in an A/B of cold starts (docs/PERFORMANCE.md).
 */
export const WORKER_SCRIPT = 'service-worker.js';

/**
 * The extension pages (popup, options, pipeline), each with its scripts in one classic file
 * loaded with `defer`, instead of the entry module and the chunks it shares with the other
 * pages: the popup's scripts had run 15 to 20 ms sooner in an A/B (DOMContentLoaded 55 to 60
 * against 74 to 77 ms; docs/PERFORMANCE.md). The file is bundled from crxjs's built entry,
 * so it is the same code; the page keeps crxjs's stylesheets.
 */
const EXTENSION_PAGES = ['popup', 'options', 'pipeline'] as const;
const pageHtml = (outDir: string, page: string) => join(resolve(outDir), 'src/ui', page, 'index.html');
export const pageScript = (page: string): string => `assets/${page}.js`;

/** The page's entry chunk as crxjs built it (assets/<page>-<hash>.js). */
function pageEntry(outDir: string, page: string): string {
  const entry = pageScripts(readFileSync(pageHtml(outDir, page), 'utf8')).find((file) => new RegExp(`^assets/${page}-[\\w-]+\\.js$`).test(file));
  if (!entry) throw new Error(`vite.config.ts: no entry script found in ${pageHtml(outDir, page)}`);
  return entry;
}

function useClassicPageScript(outDir: string, page: string): void {
  const path = pageHtml(outDir, page);
  const html = readFileSync(path, 'utf8')
    .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
  writeFileSync(path, html.replace('</head>', `  <script defer src="/${pageScript(page)}"></script>\n  </head>`));
}

/**
 * What crxjs built for its content script loader and is now loaded by nothing: the classic
 * files above are self-contained. Files the extension pages load (and what those import) stay.
 */
function dropUnusedChunks(outDir: string): void {
  const root = resolve(outDir);
  const used = filesInUse(root, [ANY_CRM_SCRIPT]);
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.js') && !used.has(file)) rmSync(join(root, file));
}

function useClassicWorker(outDir: string): void {
  const path = join(resolve(outDir), 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
  manifest.background = { service_worker: WORKER_SCRIPT };
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

interface BuiltManifest {
  background?: { service_worker: string; type?: string };
  content_scripts?: Array<{ js?: string[]; run_at?: string; matches?: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[] }>;
}

/**
 * Points each built content script (one per site, manifest.config.ts) at that site's
 * classic bundle instead of crxjs's loader, and removes what only the loader needed.
 * Returns the sites.
 */
function useClassicContentScripts(outDir: string): string[] {
  const root = resolve(outDir);
  const path = join(root, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
  const loaders = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  // Every file the loaders pull in; chunks the extension pages share stay, only exposure goes.
  const loaded = new Set(importGraph(root, loaders).map((file) => file.slice(root.length + 1)));
  const sites: string[] = [];
  // Injected before the page is parsed, each script only sets listeners and starts its work
  // after the load event (src/content/start.ts): at document_idle an injection alone delays
  // that event. Set here, with the classic files (crxjs's loader can't run that early).
  manifest.content_scripts = (manifest.content_scripts ?? []).map((script) => {
    const site = siteOf(script.matches ?? []);
    sites.push(site);
    return { ...script, js: [siteScript(site)], run_at: 'document_start' };
  });
  // crxjs exposes each loader's chunks to that script's pages (matched by its patterns); the
  // classic files need none of it.
  const key = (matches: readonly string[] = []) => [...matches].sort().join(' ');
  const replaced = new Set((manifest.content_scripts ?? []).map((script) => key(script.matches)));
  const exposed = (manifest.web_accessible_resources ?? []).filter((entry) => !replaced.has(key(entry.matches)) && !entry.resources.every((file) => loaded.has(file)));
  if (exposed.length) manifest.web_accessible_resources = exposed;
  else delete manifest.web_accessible_resources;
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const loader of loaders) rmSync(join(root, loader), { force: true });
  return sites;
}

// WALKAWAY_OUT_DIR lets parallel work build side by side without clobbering dist/.
const OUT_DIR = process.env['WALKAWAY_OUT_DIR'] ?? (demo ? 'dist-demo' : 'dist');

export default defineConfig({
  oxc: OXC,
  define: DEFINE,
  plugins: [crx({ manifest }), classicScripts(OUT_DIR)],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: TARGET,
    // Readable stack traces in the diagnostics; the code is small.
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: 'src/ui/popup/index.html',
        options: 'src/ui/options/index.html',
        pipeline: 'src/ui/pipeline/index.html',
      },
    },
  },
  // No dev server is used; the extension is always built.
  server: { hmr: false },
});

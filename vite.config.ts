import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { importGraph } from './scripts/content-size.mjs';
import { DEMO_ORIGIN_PATTERN } from './scripts/demo-origin.mjs';

/**
 * `vite build` makes the extension a user installs, into dist/: host access to the
 * SPEC section 3 sites only. `WALKAWAY_DEMO=1 vite build` makes the demo/test build,
 * into dist-demo/, which may also read the bundled demo site. The demo host never
 * reaches the build a user installs (tests/unit/manifest.test.ts checks).
 */
const demo = process.env['WALKAWAY_DEMO'] === '1';

function manifestFor(withDemo: boolean): ManifestV3Export {
  const manifest = structuredClone(baseManifest);
  if (withDemo) {
    manifest.name = 'Walk Away (demo)';
    manifest.host_permissions.push(DEMO_ORIGIN_PATTERN);
    manifest.content_scripts[0]?.matches.push(DEMO_ORIGIN_PATTERN);
  }
  return manifest;
}

const OXC = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;
const TARGET = 'chrome116';

/**
 * The content scripts. crxjs's own content script is a loader that imports its chunks from
 * the extension at document_idle: Chromium holds the page's load event for that request
 * (docs/PERFORMANCE.md, "Page load ratio"), and the chunks must be web accessible under the
 * extension's fixed id, which lets any page of those sites probe for the extension. So the
 * built manifest is rewritten:
 * - the manifest's sites get CONTENT_LOADER at document_start, a few hundred bytes that
 *   import CONTENT_MAIN (src/content/index.ts as one ES module) after the load event,
 *   under the per-session dynamic URL (use_dynamic_url);
 * - CRMs the rep allows at run time (src/background/any-crm.ts registers it) get
 *   ANY_CRM_SCRIPT, the same code as one self-contained classic file, since a web-accessible
 *   file can only be offered to origins known when the extension is built.
 */
export const ANY_CRM_SCRIPT = 'content-any-crm.js';
export const CONTENT_LOADER = 'content-loader.js';
export const CONTENT_MAIN = 'content-main.js';

function anyCrmContentScript(outDir: string): Plugin {
  return {
    name: 'walkaway-any-crm-content-script',
    apply: 'build',
    async closeBundle() {
      const single = (entry: string, format: 'iife' | 'es', fileName: string) => ({
        configFile: false as const,
        logLevel: 'warn' as const,
        oxc: OXC,
        build: {
          outDir,
          emptyOutDir: false,
          target: TARGET,
          sourcemap: false,
          copyPublicDir: false,
          // Library mode makes one classic file; it would leave an ES module unminified.
          ...(format === 'iife'
            ? { lib: { entry, formats: [format], name: 'walkaway', fileName: () => fileName } }
            : { minify: true, rollupOptions: { input: entry, output: { format, entryFileNames: fileName } }, modulePreload: false }),
        },
      });
      await build(single('src/content/boot.ts', 'iife', ANY_CRM_SCRIPT));
      await build(single('src/content/loader.ts', 'iife', CONTENT_LOADER));
      await build(single('src/content/index.ts', 'es', CONTENT_MAIN));
      useClassicContentScript(outDir);
    },
  };
}

interface BuiltManifest {
  content_scripts?: Array<{ js?: string[]; run_at?: string; matches?: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; use_dynamic_url?: boolean }>;
}

/** Points the built manifest's content scripts at our loader and removes what only crxjs's loader needed. */
function useClassicContentScript(outDir: string): void {
  const root = resolve(outDir);
  const path = join(root, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
  const loaders = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  // Every file the loaders pull in; chunks the extension pages share stay, only exposure goes.
  const loaded = new Set(importGraph(root, loaders).map((file) => file.slice(root.length + 1)));
  for (const script of manifest.content_scripts ?? []) {
    script.js = [CONTENT_LOADER];
    // Injected before the page is parsed, the loader only sets listeners and imports the
    // rest after the load event (src/content/start.ts): at document_idle an injection alone
    // delays that event. Set here (crxjs's loader can't run that early).
    script.run_at = 'document_start';
  }
  const sites = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
  const exposed = (manifest.web_accessible_resources ?? []).filter((entry) => !entry.resources.every((file) => loaded.has(file)));
  manifest.web_accessible_resources = [...exposed, { resources: [CONTENT_MAIN], matches: sites, use_dynamic_url: true }];
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const loader of loaders) rmSync(join(root, loader), { force: true });
}

// WALKAWAY_OUT_DIR lets parallel work build side by side without clobbering dist/.
const OUT_DIR = process.env['WALKAWAY_OUT_DIR'] ?? (demo ? 'dist-demo' : 'dist');

export default defineConfig({
  oxc: OXC,
  plugins: [crx({ manifest: manifestFor(demo) }), anyCrmContentScript(OUT_DIR)],
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

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
 * The content script, as one self-contained classic IIFE file: the manifest's sites and
 * the CRMs the rep allows at run time (src/background/any-crm.ts registers it) all load it.
 * crxjs's own content script is a loader that dynamically imports its chunks from the
 * extension: Chromium holds the page's load event for that request (docs/PERFORMANCE.md,
 * "Page load ratio"), and the chunks must be web accessible, which lets any page of those
 * sites probe for the extension. So the built manifest is rewritten to inject this file
 * at document_start, and the loader and its web_accessible_resources entry are dropped.
 * Its entry, src/content/boot.ts, imports the rest dynamically: the bundler inlines that
 * import as modules evaluated on first use, so at injection V8 only compiles the file and
 * the modules' top-level work waits for the load event.
 */
export const ANY_CRM_SCRIPT = 'content-any-crm.js';

function anyCrmContentScript(outDir: string): Plugin {
  return {
    name: 'walkaway-any-crm-content-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        oxc: OXC,
        build: {
          outDir,
          emptyOutDir: false,
          target: TARGET,
          sourcemap: false,
          copyPublicDir: false,
          lib: { entry: 'src/content/boot.ts', formats: ['iife'], name: 'walkawayAnyCrm', fileName: () => ANY_CRM_SCRIPT },
        },
      });
      useClassicContentScript(outDir);
    },
  };
}

interface BuiltManifest {
  content_scripts?: Array<{ js?: string[]; run_at?: string }>;
  web_accessible_resources?: Array<{ resources: string[] }>;
}

/** Points the built manifest's content scripts at the IIFE and removes what only the loader needed. */
function useClassicContentScript(outDir: string): void {
  const root = resolve(outDir);
  const path = join(root, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
  const loaders = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  // Every file the loaders pull in; chunks the extension pages share stay, only exposure goes.
  const loaded = new Set(importGraph(root, loaders).map((file) => file.slice(root.length + 1)));
  for (const script of manifest.content_scripts ?? []) {
    script.js = [ANY_CRM_SCRIPT];
    // Injected before the page is parsed, the script only sets listeners and starts its work
    // after the load event (src/content/start.ts): at document_idle its injection alone
    // delays that event. Set here, with the classic file (crxjs's loader can't run that early).
    script.run_at = 'document_start';
  }
  const exposed = (manifest.web_accessible_resources ?? []).filter((entry) => !entry.resources.every((file) => loaded.has(file)));
  if (exposed.length) manifest.web_accessible_resources = exposed;
  else delete manifest.web_accessible_resources;
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

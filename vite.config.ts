import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
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

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [crx({ manifest: manifestFor(demo) })],
  build: {
    // WALKAWAY_OUT_DIR lets parallel work build side by side without clobbering dist/.
    outDir: process.env['WALKAWAY_OUT_DIR'] ?? (demo ? 'dist-demo' : 'dist'),
    emptyOutDir: true,
    target: 'chrome116',
    // Readable stack traces in the diagnostics; the code is small.
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: 'src/ui/popup/index.html',
        options: 'src/ui/options/index.html',
      },
    },
  },
  // No dev server is used; the extension is always built.
  server: { hmr: false },
});

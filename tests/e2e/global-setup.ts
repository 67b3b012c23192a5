/**
 * One Chromium with the built demo extension and one HTTPS demo server for every e2e
 * file: files connect over CDP (tests/e2e/harness.ts) instead of each launching a browser.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnChromium } from '../../scripts/chromium.mjs';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { SITES } from './sites';

declare module 'vitest' {
  export interface ProvidedContext {
    cdpEndpoint: string;
    fixturePort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // WALKAWAY_EXTENSION_DIR lets several builds be tested side by side (default: the demo build).
  const extensionPath = resolve(process.env['WALKAWAY_EXTENSION_DIR'] ?? 'dist-demo');
  if (!existsSync(resolve(extensionPath, 'manifest.json'))) {
    throw new Error(`${extensionPath} has no build: the e2e tests need \`WALKAWAY_DEMO=1 vite build\` first (npm test does it).`);
  }
  const server = await startFixtureServer({ sites: SITES });
  const hostMap = Object.fromEntries(Object.keys(SITES).map((host) => [host, server.port]));
  const chromium = await spawnChromium({ extensionPath, hostMap });
  project.provide('cdpEndpoint', chromium.wsEndpoint);
  project.provide('fixturePort', server.port);
  return async () => {
    await chromium.close();
    await server.close();
  };
}

/**
 * One Chromium with the built demo extension and one HTTPS demo server for every e2e
 * file: files connect over CDP (tests/e2e/harness.ts) instead of each launching a browser.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnChromium } from '../../scripts/chromium.mjs';
import { DEMO_HOST } from '../../scripts/demo-origin.mjs';
import { startStaticServer } from '../../scripts/fixture-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    cdpEndpoint: string;
    demoPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const extensionPath = resolve('dist-demo');
  if (!existsSync(resolve(extensionPath, 'manifest.json'))) {
    throw new Error('dist-demo/ is missing: the e2e tests need `WALKAWAY_DEMO=1 vite build` first (npm test does it).');
  }
  const demo = await startStaticServer({ root: resolve('demo') });
  const chromium = await spawnChromium({ extensionPath, hostMap: { [DEMO_HOST]: demo.port } });
  project.provide('cdpEndpoint', chromium.wsEndpoint);
  project.provide('demoPort', demo.port);
  return async () => {
    await chromium.close();
    await demo.close();
  };
}

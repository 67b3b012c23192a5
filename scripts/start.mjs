// `npm start`: installs dependencies if needed, builds the demo extension, serves the
// bundled demo CRM over HTTPS and opens Chromium with the extension on the demo deals.
// With no display (no $DISPLAY) it runs headless, writes screenshots to screenshots/
// and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

function sh(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync('node_modules/.package-lock.json')) sh('npm', ['ci', '--no-audit', '--no-fund']);

const { chromiumPath } = await import('./chromium.mjs');
if (!chromiumPath()) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's chromium package.");
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.error('Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
}

sh('npx', ['vite', 'build', '--logLevel', 'warn'], { WALKAWAY_DEMO: '1' });

const { spawnChromium } = await import('./chromium.mjs');
const { startFixtureServer, staticSite } = await import('./fixture-server.mjs');
const { DEMO_HOST, DEMO_ORIGIN } = await import('./demo-origin.mjs');
const { chromium } = await import('playwright-core');

const headless = !process.env.DISPLAY;
const server = await startFixtureServer({ sites: { [DEMO_HOST]: staticSite(resolve('demo')) } });
const browserProcess = await spawnChromium({ extensionPath: resolve('dist-demo'), hostMap: { [DEMO_HOST]: server.port }, headless });
const browser = await chromium.connectOverCDP(browserProcess.wsEndpoint);
const context = browser.contexts()[0];
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

const DEALS = ['/deals/1042', '/deals/1077', '/deals/1103', '/mail/thread-7781'];

async function openDeal(path) {
  const page = await context.newPage();
  await page.goto(`${DEMO_ORIGIN}${path}`);
  await page.waitForSelector('walkaway-badge[data-verdict]', { timeout: 15_000 });
  return page;
}

if (headless) {
  mkdirSync('screenshots', { recursive: true });
  for (const path of DEALS) {
    const page = await openDeal(path);
    const badge = await page.evaluate(() => {
      const el = document.querySelector('walkaway-badge');
      return { deal: el?.dataset.deal, verdict: el?.dataset.verdict, flags: el?.dataset.flags };
    });
    // Slide the sidebar out for the picture.
    await page.locator('walkaway-badge').click({ position: { x: 10, y: 20 } });
    const name = path.split('/').pop();
    await page.screenshot({ path: `screenshots/${name}.png` });
    const tabId = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id, page.url());
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="verdict"]');
    await popup.screenshot({ path: `screenshots/${name}-popup.png`, fullPage: true });
    console.log(`${path}: ${badge.verdict}${badge.flags ? ` (${badge.flags})` : ''}  ->  screenshots/${name}.png, screenshots/${name}-popup.png`);
    await popup.close();
    await page.close();
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.waitForSelector('[data-testid="save"]');
  await options.screenshot({ path: 'screenshots/options.png', fullPage: true });
  console.log('options page -> screenshots/options.png');
  await browser.close();
  await browserProcess.close();
  await server.close();
} else {
  const first = await context.newPage();
  await first.goto(`${DEMO_ORIGIN}/deals`);
  for (const path of DEALS) await openDeal(path);
  await first.bringToFront();
  console.log(`Chromium is open on the demo CRM (${DEMO_ORIGIN}, served locally). Close the browser window to stop.`);
  browserProcess.process.once('exit', () => {
    void server.close().then(() => process.exit(0));
  });
}

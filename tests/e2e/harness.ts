/** Shared helpers for the e2e files: the one browser, the demo site, the extension's pages. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_ORIGIN } from '../../scripts/demo-origin.mjs';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

let session: Session | null = null;

export async function connect(): Promise<Session> {
  if (session) return session;
  const browser = await chromium.connectOverCDP(inject('cdpEndpoint'));
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  session = { browser, context, worker, extensionId };
  return session;
}

export async function disconnect(): Promise<void> {
  if (!session) return;
  for (const page of session.context.pages()) await page.close().catch(() => undefined);
  // Closing a CDP connection leaves the shared browser running for the next file.
  await session.browser.close();
  session = null;
}

export const demoUrl = (path: string): string => `${DEMO_ORIGIN}${path}`;

export interface BadgeAttributes {
  verdict: string | null;
  flags: string | null;
  deal: string | null;
}

export async function badgeOf(page: Page): Promise<BadgeAttributes> {
  return page.evaluate(() => {
    const badge = document.querySelector('walkaway-badge');
    return {
      verdict: badge?.getAttribute('data-verdict') ?? null,
      flags: badge?.getAttribute('data-flags') ?? null,
      deal: badge?.getAttribute('data-deal') ?? null,
    };
  });
}

/** Waits until the badge shows the given deal (and, if given, verdict and flags). */
export async function waitForBadge(page: Page, expected: Partial<BadgeAttributes>, timeout = 10_000): Promise<BadgeAttributes> {
  await page.waitForFunction(
    (want) => {
      const badge = document.querySelector('walkaway-badge');
      if (!badge) return false;
      return (
        (want.deal === undefined || badge.getAttribute('data-deal') === want.deal) &&
        (want.verdict === undefined || badge.getAttribute('data-verdict') === want.verdict) &&
        (want.flags === undefined || badge.getAttribute('data-flags') === want.flags)
      );
    },
    expected,
    { timeout },
  ).catch(async (error: unknown) => {
    throw new Error(`Badge never became ${JSON.stringify(expected)}; it is ${JSON.stringify(await badgeOf(page))}. ${String(error)}`);
  });
  return badgeOf(page);
}

export async function openPage(path: string): Promise<Page> {
  const { context } = await connect();
  const page = await context.newPage();
  await page.goto(demoUrl(path));
  return page;
}

/** The tab id Chromium gave a page, asked of the extension's own worker. */
export async function tabIdOf(page: Page): Promise<number> {
  const worker = await currentWorker();
  const url = page.url();
  const id = await worker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === href)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab with ${url}`);
  return id;
}

/** Opens the popup as a page for a given tab (a real popup can't be driven headless). */
export async function openPopupFor(page: Page): Promise<Page> {
  const { context, extensionId } = await connect();
  const tabId = await tabIdOf(page);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
  return popup;
}

export async function openOptions(): Promise<Page> {
  const { context, extensionId } = await connect();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  return options;
}

/** Screenshots for the README, written by the e2e run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/**
 * The badge's shadow root is closed, so neither the page nor Playwright's locators can
 * reach into it. DevTools can: these helpers find nodes inside it over CDP.
 */
async function badgeNode(page: Page, selector: string): Promise<{ session: CDPSession; objectId: string } | null> {
  const session = await page.context().newCDPSession(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = findNode(root, (node) => node.localName === 'walkaway-badge');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) {
    await session.detach();
    return null;
  }
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  if (!nodeId) {
    await session.detach();
    return null;
  }
  const { object } = (await session.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
  return { session, objectId: object.objectId };
}

interface CdpNode {
  nodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

/** Text, visibility and the HTML of an element inside the badge's shadow root. */
export async function inBadge(page: Page, selector: string): Promise<{ text: string; visible: boolean; html: string } | null> {
  const node = await badgeNode(page, selector);
  if (!node) return null;
  const { result } = (await node.session.send('Runtime.callFunctionOn', {
    objectId: node.objectId,
    functionDeclaration: `function () {
      const box = this.getBoundingClientRect();
      return { text: this.textContent, visible: !this.closest('[hidden]') && box.width > 0 && box.height > 0, html: this.outerHTML };
    }`,
    returnByValue: true,
  })) as { result: { value: { text: string; visible: boolean; html: string } } };
  await node.session.detach();
  return result.value;
}

/** Clicks an element inside the badge's shadow root, as a user would (real mouse events). */
export async function clickInBadge(page: Page, selector: string): Promise<void> {
  const node = await badgeNode(page, selector);
  if (!node) throw new Error(`Nothing matches ${selector} in the badge`);
  const { result } = (await node.session.send('Runtime.callFunctionOn', {
    objectId: node.objectId,
    functionDeclaration: `function () { const b = this.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }`,
    returnByValue: true,
  })) as { result: { value: { x: number; y: number } } };
  await node.session.detach();
  await page.mouse.click(result.value.x, result.value.y);
}

/**
 * Stops the extension's service worker the way Chromium does when it is idle: closing its
 * DevTools target terminates it (in-flight messages get no reply). Resolves once it is gone.
 */
export async function stopWorker(): Promise<void> {
  const { browser, context, extensionId } = await connect();
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const targets = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (targets.length === 0) throw new Error('The extension has no running service worker to stop');
    const closed = Promise.all(
      context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)).map((w) => new Promise((ok) => w.once('close', ok))),
    );
    for (const target of targets) await cdp.send('Target.closeTarget', { targetId: target.targetId });
    await Promise.race([closed, new Promise((ok) => setTimeout(ok, 5_000))]);
  } finally {
    await cdp.detach();
  }
}

/**
 * The extension's running service worker. connect() caches the one it first found, which
 * is stale once the worker was stopped: this finds the current one (waking a stopped
 * worker with a message from an extension page) and updates the session.
 */
export async function currentWorker(timeout = 15_000): Promise<Worker> {
  const current = await connect();
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${current.extensionId}/`);
  const deadline = Date.now() + timeout;
  let waker: Page | null = null;
  try {
    while (Date.now() < deadline) {
      for (const worker of current.context.serviceWorkers().filter(ours).reverse()) {
        const alive = await Promise.race([
          worker.evaluate(() => true).catch(() => false),
          new Promise<boolean>((ok) => setTimeout(() => ok(false), 1_000)),
        ]);
        if (alive) {
          current.worker = worker;
          return worker;
        }
      }
      // Stopped: the options page asks the worker for settings, which starts it again.
      if (!waker) {
        waker = await current.context.newPage();
        await waker.goto(`chrome-extension://${current.extensionId}/src/ui/options/index.html`);
      }
      await current.context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => undefined);
    }
  } finally {
    await waker?.close();
  }
  throw new Error('The extension service worker did not come back');
}

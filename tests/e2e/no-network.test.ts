/**
 * The built extension makes no request: every request in the browser is watched while
 * the extension reads every demo and hostile page and its popup and options are used.
 * Ours = issued by the service worker or an extension page to a non-extension URL, or
 * issued in a web page with a chrome-extension:// initiator (a content script). The demo
 * pages' own loads from their fixture server are the page's, not ours.
 */
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, disconnect, openOptions, openPopupFor } from './harness';

afterAll(disconnect);

const LOCAL = /^(chrome-extension|data|blob):/;
const PAGES = ['/deals', '/deals/1042', '/deals/1077', '/deals/1103', '/deals/1150', '/mail', '/mail/thread-7781', '/deals/9001', '/deals/9002?depth=0', '/deals/9003'];

describe('no network', () => {
  it('nothing the extension runs makes a request, while a planted control request is caught', async () => {
    const { context } = await connect();
    const ours: string[] = [];
    const pageInitiated: string[] = [];
    const onRequest = (request: Request) => {
      const url = request.url();
      if (LOCAL.test(url)) return;
      const worker = request.serviceWorker();
      const frameUrl = worker ? worker.url() : (() => { try { return request.frame().url(); } catch { return ''; } })();
      if (frameUrl.startsWith('chrome-extension://')) ours.push(`${frameUrl} -> ${url}`);
    };
    context.on('request', onRequest);
    const sessions: CDPSession[] = [];
    const watchPage = async (page: Page) => {
      const session = await context.newCDPSession(page);
      session.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: { url?: string; stack?: { callFrames: Array<{ url: string }> } } }) => {
        if (LOCAL.test(event.request.url)) return; // our own files, read from the extension package
        const frames = [event.initiator.url ?? '', ...(event.initiator.stack?.callFrames ?? []).map((f) => f.url)];
        if (frames.some((u) => u.startsWith('chrome-extension://'))) ours.push(`content script -> ${event.request.url}`);
        else pageInitiated.push(event.request.url);
      });
      await session.send('Network.enable');
      sessions.push(session);
    };

    for (const path of PAGES) {
      const page = await context.newPage();
      await watchPage(page);
      await page.goto(`https://demo.walkaway.test${path}`);
      await page.waitForTimeout(800);
      if (path === '/deals/1077') {
        const popup = await openPopupFor(page);
        await popup.getByTestId('verdict').waitFor();
        await popup.locator('input[name="answer-crowded-field"][value="no"]').check();
        await popup.waitForTimeout(300);
        await popup.locator('input[name="answer-crowded-field"][value="auto"]').check();
        await popup.close();
      }
      await page.close();
    }
    const options = await openOptions();
    await options.getByTestId('save').waitFor();
    await options.getByTestId('export').click();
    await options.getByTestId('data-status').filter({ hasText: 'Exported' }).waitFor();
    expect(ours).toEqual([]);
    // The pages did load their own files: the watcher sees requests at all.
    expect(pageInitiated.some((url) => url.endsWith('/app.js'))).toBe(true);

    // Control: a request from an extension page is caught (images are not blocked by connect-src).
    await options.evaluate(() => {
      const img = new Image();
      img.src = 'https://demo.walkaway.test/control.png';
      document.body.append(img);
    });
    await expect.poll(() => ours.length).toBeGreaterThan(0);
    expect(ours[0]).toContain('control.png');
    context.off('request', onRequest);
    for (const session of sessions) await session.detach().catch(() => undefined);
    await options.close();
  });
});

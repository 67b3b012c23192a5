/**
 * The background service worker: owns the database, checks who sends each message,
 * validates it, and hands it to the service. Chromium may stop this worker whenever it
 * is idle, so nothing lives only in memory (tab -> deal is in session storage).
 */
import './bench-start';
import browser, { type Runtime } from 'webextension-polyfill';
import { openDb } from '../storage/db';
import { Repository } from '../storage/repository';
import { browserPlatform } from './platform';
import { createService, handlersFor } from './service';
import { createDataHandlers } from './data';
import { createRouter } from './router';
import { createDiagnosticsLog } from './diagnostics';
import { startAnyCrmSync } from './any-crm';
import { mark } from './bench-marks';

const repo = new Repository(openDb());
// Opening the database and reading the settings start now, while Chromium delivers the message
// that woke the worker; its first reading then finds the settings read (docs/PERFORMANCE.md).
const seeded = repo.ensureSeeded();
const diagnostics = createDiagnosticsLog(repo, { now: () => Date.now(), extensionOrigin: browser.runtime.getURL('') });
const service = createService(repo, browserPlatform, seeded, (error, what) => {
  diagnostics.fromWorker(error, what).catch(() => undefined);
});

// CRMs the rep allowed from the options page get the self-contained content script.
startAnyCrmSync();

browser.runtime.onInstalled.addListener(() => {
  void seeded;
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browserPlatform.setTabDeal(tabId, null);
});

const data = createDataHandlers(repo, {
  now: () => Date.now(),
  afterChange: async () => {
    service.forgetCache();
    // Tab -> deal links point at deals that may be gone now, and last badges at old verdicts.
    await browser.storage.session.clear();
    await browser.storage.local.clear();
  },
});

const route = createRouter({
  handlers: handlersFor(service, data, diagnostics),
  ready: seeded,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  diagnostics,
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
mark('worker-ready');

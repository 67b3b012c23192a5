// `npm run bench`: the SPEC section 5 budgets, measured in real Chromium with the built
// extension, each figure the median of repeated runs, all in one run. Writes
// bench-results/latest.json and bench-results/latest.md and prints the table.
//
// Two builds in their own folders: dist-bench (what users install: sizes) and
// dist-demo-bench (demo host + VITE_WALKAWAY_BENCH=1, whose content script adds a
// performance.measure('walkaway:read') entry per read, visible to the page's timeline).
// Two browsers: one with the extension, one without (the page-load baseline).
//
// BENCH_RUNS (default 7) sets the repetitions; BENCH_SKIP_BUILD=1 reuses the builds.
// BENCH_FIGURES=size,badge,load,mutation,memory,storage picks groups (default: all);
// BENCH_PAGES=<regex> keeps only the pages whose name matches; BENCH_BUILD_SUFFIX=x
// builds into dist-x and dist-demo-x instead (parallel work, and partial runs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { spawnChromium, chromiumPath } from './chromium.mjs';
import { CONTENT_BUDGET_GZIP, contentSizeFor } from './content-size.mjs';
import { DEMO_HOST, DEMO_ORIGIN } from './demo-origin.mjs';
import { startFixtureServer, staticSite } from './fixture-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// A page load takes ~40 ms and the machine's noise is several ms: the load ratio needs more runs.
const LOAD_RUNS = Math.max(21, RUNS * 3);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 150);
const INJECTION_LOADS = 9;
const BLANK_PAGE = 'bench-blank.html';
const SCRIPT_PAGE = 'bench-script.html';
const OUT = resolve('bench-results');
const SUFFIX = process.env.BENCH_BUILD_SUFFIX || 'bench';
const USER_BUILD = `dist-${SUFFIX}`;
const BENCH_BUILD = `dist-demo-${SUFFIX}`;
const GROUPS = new Set((process.env.BENCH_FIGURES || 'size,badge,load,mutation,memory,storage').split(',').map((g) => g.trim()));
const want = (group) => GROUPS.has(group);
const PAGE_FILTER = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
const PARTIAL = GROUPS.size < 6 || PAGE_FILTER !== null;
const started = Date.now();
// Other work on the machine inflates every timing: the load average is recorded at the start and the end.
const loadAtStart = loadavg()[0];
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);

/** One deal-view URL per site (an example URL its adapter matches); the server answers it with a fixture. */
const SITE_URLS = {
  hubspot: 'https://app.hubspot.com/contacts/2345678/record/0-3/9876543210',
  salesforce: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view',
  pipedrive: 'https://acme.pipedrive.com/deal/1234',
  gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM',
  outlook: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D',
};

// ---------------------------------------------------------------------------------------
// Statistics and output

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

const figures = [];
/** One row of the table. `budget` is { max, text } or null (reported, no budget). */
function figure(name, value, unit, budget = null, extra = {}) {
  const row = { name, median: round(value), unit, budget: budget?.text ?? '', meets: budget ? (Number.isFinite(value) ? value <= budget.max : false) : null, ...extra };
  figures.push(row);
  log(`${name}: ${row.median ?? 'n/a'} ${unit}${budget ? ` (budget ${budget.text}: ${row.meets ? 'meets' : 'MISSES'})` : ''}`);
  return row;
}
const notes = [];

// ---------------------------------------------------------------------------------------
// Builds

function build(outDir, env) {
  log(`building ${outDir}`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, ...env, WALKAWAY_OUT_DIR: outDir } });
  if (result.status !== 0) throw new Error(`vite build into ${outDir} failed`);
}

// ---------------------------------------------------------------------------------------
// Pages: the fixtures of every site, the demo deals, and generated stress pages

/** A HubSpot-shaped deal record grown to about `nodes` elements with a long activity timeline. */
function stressRecord(nodes) {
  const base = readFixture(largestFixture('hubspot') ?? resolve('tests/fixtures/hubspot/2026-11-28-deal-record.html'));
  const cards = [];
  // Each card is 6 elements.
  for (let i = 0; i < Math.ceil(nodes / 6); i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    cards.push(
      `<div class="TimelineCard-sc-${i % 7}" data-idx="${i}"><div class="hdr"><span class="kind">${i % 3 ? 'Email' : 'Call'}</span><time>10/${day}/2026 9:${String(i % 60).padStart(2, '0')} AM</time></div><p>Follow-up ${i}: shared the deck and the security questionnaire, waiting on legal.</p><a href="#a${i}">Open</a></div>`,
    );
  }
  return base.replace('</body>', `<section class="Timeline-sc-1" aria-label="Activity">${cards.join('')}</section></body>`);
}

/** A Gmail-shaped thread of `count` messages, alternating buyer and seller. */
function stressThread(count) {
  const base = readFixture(largestFixture('gmail') ?? resolve('tests/fixtures/gmail/2026-11-28-thread.html'));
  const messages = [];
  for (let i = 0; i < count; i += 1) {
    const buyer = i % 2 === 0;
    const from = buyer ? 'jordan@acme.example' : 'dana@seller.example';
    const to = buyer ? 'dana@seller.example' : 'jordan@acme.example';
    const date = new Date(Date.UTC(2026, 5, 1) + i * 86_400_000 * 1.5).toUTCString();
    messages.push(
      `<div class="adn ads" data-message-id="#msg-f:18123456789${String(10000 + i)}" data-legacy-message-id="1927${i.toString(16).padStart(12, '0')}"><div class="gs">` +
        `<h3 class="iw"><span class="gD" email="${from}" name="${buyer ? 'Jordan Buyer' : 'Dana Rep'}">${buyer ? 'Jordan Buyer' : 'Dana Rep'}</span></h3>` +
        `<div class="hb">to <span class="g2" email="${to}" name="x">x</span></div><span class="g3" title="${date}">${date}</span>` +
        `<div class="ii gt"><div class="a3s aiL"><div dir="ltr">Message ${i}. ${buyer ? 'We are still comparing options and need to check the budget with finance before we commit.' : 'Thanks, happy to walk you through pricing and the rollout plan next week.'}<br />Regards</div>` +
        `<div class="gmail_quote"><blockquote class="gmail_quote">Earlier message quoted here.</blockquote></div></div></div></div></div>`,
    );
  }
  const start = base.indexOf('<div class="adn ads"');
  const end = base.lastIndexOf('</div>\n      </div>\n    </div>\n  </body>');
  if (start < 0 || end < 0) return base.replace('</body>', `<div role="list">${messages.join('')}</div></body>`);
  return base.slice(0, start) + messages.join('') + base.slice(end);
}

/** A deal record whose own script changes `perSecond` nodes a second (the mutation-cost page). */
function mutatingRecord(perSecond, seconds) {
  const base = readFixture(largestFixture('hubspot') ?? resolve('tests/fixtures/hubspot/2026-11-28-deal-record.html'));
  const rows = Array.from({ length: 200 }, (_, i) => `<li data-i="${i}">row ${i}</li>`).join('');
  const script = `<script>
    // Started by the bench once the badge is up, so the profile holds only the mutation phase.
    window.__startMutating = () => new Promise((done) => {
      const items = document.querySelectorAll('#live li');
      const tick = 20, batch = ${perSecond} * tick / 1000, end = performance.now() + ${seconds * 1000};
      let n = 0;
      const id = setInterval(() => {
        // The page's own work: text changes and a re-ordered row, as a live feed would.
        for (let k = 0; k < batch; k += 1) { const li = items[(n + k) % items.length]; li.textContent = 'row ' + (n + k) + ' ' + Math.random().toString(36).slice(2); }
        const list = document.getElementById('live'); list.appendChild(list.firstElementChild);
        n += batch;
        if (performance.now() > end) { clearInterval(id); done(n); }
      }, tick);
    });
  </script>`;
  return base.replace('</body>', `<ul id="live">${rows}</ul>${script}</body>`);
}

/** Fixtures may hold date tokens ({{date:-3:en-US}}) filled relative to today by tests/fixtures/template.mjs. */
let fillDates = (html) => html;
async function loadTemplating() {
  const helper = resolve('tests/fixtures/template.mjs');
  if (existsSync(helper)) {
    const module = await import(pathToFileURL(helper).href);
    if (typeof module.fillDates === 'function') fillDates = (html) => module.fillDates(html, Date.now());
  }
}
const readFixture = (file) => fillDates(readFileSync(file, 'utf8'));

function fixturesOf(site) {
  const dir = resolve('tests/fixtures', site);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}
function largestFixture(site) {
  return fixturesOf(site).sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? null;
}

function planPages() {
  const dir = join(OUT, 'pages');
  mkdirSync(dir, { recursive: true });
  const pages = [];
  const write = (name, html) => {
    const file = join(dir, name);
    writeFileSync(file, html);
    return file;
  };
  for (const site of Object.keys(SITE_URLS)) {
    const file = largestFixture(site);
    if (file) pages.push({ name: `${site}: ${basename(file)}`, site, url: SITE_URLS[site], file: write(`${site}-${basename(file)}`, readFixture(file)), bytes: statSync(file).size });
  }
  const other = readdirSync(resolve('tests/fixtures'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !(entry.name in SITE_URLS))
    .map((entry) => entry.name);
  if (other.length) notes.push(`Fixture folders without a bench URL (not measured): ${other.join(', ')}.`);
  // The demo app renders its record after a deliberate delay: the page is ready when it has.
  const demoReady = '#view:not([aria-busy]) > :not(.loading)';
  pages.push({ name: 'demo: deal 1042', site: 'demo', url: `${DEMO_ORIGIN}/deals/1042`, readySelector: demoReady });
  pages.push({ name: 'demo: thread-7781', site: 'demo', url: `${DEMO_ORIGIN}/mail/thread-7781`, readySelector: demoReady });
  pages.push({ name: 'stress: 5,000-node CRM record', site: 'hubspot', url: SITE_URLS.hubspot, file: write('record-5000.html', stressRecord(5000)), stress: true });
  pages.push({ name: 'stress: 100-message thread', site: 'gmail', url: SITE_URLS.gmail, file: write('thread-100.html', stressThread(100)), stress: true });
  const mutating = { name: 'mutating record', site: 'hubspot', url: SITE_URLS.hubspot, file: write('mutating.html', mutatingRecord(1000, 5)) };
  return { pages, mutating };
}

// ---------------------------------------------------------------------------------------
// Browser helpers

/**
 * Page-world observer: when the badge first carries a verdict (the page can see the host
 * element), and, for a single-page app, when the app has rendered its record (`readySelector`).
 */
function watchBadge(readySelector) {
  const mark = () => {
    if (readySelector && !window.__walkawayReadyAt && document.querySelector(readySelector)) window.__walkawayReadyAt = performance.now();
    if (!window.__walkawayBadgeAt && document.querySelector('walkaway-badge[data-verdict]')) window.__walkawayBadgeAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-verdict', 'aria-busy'] });
}

async function connect(endpoint) {
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no browser context');
  return { browser, context };
}

async function extensionWorker(context) {
  const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (live) return live;
  return context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/** Stops every service worker (the extension's included) through the DevTools protocol. */
/** Clears every deal's last badge (storage.local) from an extension page. */
async function forgetLastBadges(context) {
  const worker = await extensionWorker(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/options/index.html`);
  await page.evaluate(() => chrome.storage.local.clear());
  await page.close();
}

async function stopWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Wait until the worker target is gone, so the next page really starts it cold.
  const browserCdp = await context.browser().newBrowserCDPSession();
  for (let i = 0; i < 50; i += 1) {
    const { targetInfos } = await browserCdp.send('Target.getTargets');
    if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))) break;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  await browserCdp.detach();
}

/** Sends one CDP command to a target by id (used for the worker, which Playwright gives no session for). */
async function sendToTarget(browser, match, method, params = {}) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(match);
    if (!target) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise((ok) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message);
        if (message.id === 1) ok(message.result ?? null);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method, params }) });
    const result = await Promise.race([reply, new Promise((ok) => setTimeout(() => ok(null), 5_000))]);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return result;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------
// Measurements

/** The page-world observer's badge time (watchBadge). */
async function badgeShownAt(tab, timeout = 15_000) {
  return pollPage(tab, () => window.__walkawayBadgeAt ?? null, 'badge', timeout);
}

/**
 * Polls a page-world value with plain evaluations until it is set. Not Playwright's
 * `waitForFunction`: it first injects its own 300 KB script, which the page's main thread
 * compiles inside the time being measured.
 */
async function pollPage(tab, read, what, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const at = await tab.evaluate(read);
    if (at !== null) return at;
    await new Promise((ok) => setTimeout(ok, 10));
  }
  throw new Error(`no ${what} within ${timeout} ms on ${tab.url()}`);
}

/** The stages of a cold start, in the page's time: where the never-seen-deal figure goes. */
const COLD_STAGES = [
  ['page ready → read starts (content script after the load event)', 'ready', 'readStart'],
  ['read', 'readStart', 'readEnd'],
  ['read sent → worker started (Chromium starts the worker)', 'readEnd', 'workerStart'],
  ['worker started → its modules evaluate (script load and compile)', 'workerStart', 'worker-eval'],
  ['modules evaluate → listeners ready', 'worker-eval', 'worker-ready'],
  ['listeners ready → reading handled (database open, message delivered)', 'worker-ready', 'reading-in'],
  ['settings loaded', 'reading-in', 'config'],
  ['facts, phrases and scoring', 'config', 'assessed'],
  ['snapshot stored', 'assessed', 'stored'],
  ['reply → badge shown', 'stored', 'badge'],
];

/** The worker's benchmark marks (src/background/bench-marks.ts), in the page's time origin. */
async function workerMarks(context, pageOrigin) {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return {};
  const { origin, marks } = await worker.evaluate(() => {
    const found = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('walkaway:'));
    performance.clearMarks();
    return { origin: performance.timeOrigin, marks: found.map((m) => [m.name.slice('walkaway:'.length), m.startTime]) };
  });
  const inPage = (t) => origin + t - pageOrigin;
  return { workerStart: inPage(0), ...Object.fromEntries(marks.map(([name, t]) => [name, inPage(t)])) };
}

/** Reads, badge timing, cold and warm: one page, RUNS pairs (cold, then warm). */
async function measureBadge(ext, page) {
  const tab = await ext.context.newPage();
  await tab.addInitScript(watchBadge, page.readySelector ?? null);
  const results = { read: [], reread: [], first: [], cold: [], warm: [], stages: [], nodes: 0 };
  for (let run = 0; run < RUNS; run += 1) {
    // first: cold worker and no last badge for the deal (a deal never seen before);
    // cold: cold worker on a deal seen before (its last badge can show); warm: worker running.
    for (const mode of ['first', 'cold', 'warm']) {
      // about:blank between runs: a URL with a #fragment would otherwise be a same-document navigation.
      await tab.goto('about:blank');
      if (mode === 'first') await forgetLastBadges(ext.context);
      if (mode !== 'warm') await stopWorkers(ext.context, tab);
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      await badgeShownAt(tab);
      const sample = await tab.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const read = performance.getEntriesByName('walkaway:read')[0];
        // Page ready: its DOM is parsed and, for the demo app, its record is rendered.
        const ready = Math.max(nav.domContentLoadedEventEnd, window.__walkawayReadyAt ?? 0);
        return {
          badge: window.__walkawayBadgeAt - ready,
          read: read ? read.duration : NaN,
          nodes: document.getElementsByTagName('*').length,
          times: { origin: performance.timeOrigin, ready, readStart: read?.startTime, readEnd: read ? read.startTime + read.duration : undefined, badge: window.__walkawayBadgeAt },
        };
      });
      results[mode].push(sample.badge);
      results.read.push(sample.read);
      results.nodes = sample.nodes;
      const marks = await workerMarks(ext.context, sample.times.origin);
      if (mode === 'first') results.stages.push({ ...sample.times, ...marks });
      results.reread.push(await rereadTime(tab));
    }
  }
  await tab.close();
  return results;
}

/**
 * A later read of the same page: the content script is running and the page changes (what a
 * single-page CRM or mail app does all day). One element added to the body sets off the
 * debounced mutation watcher; the figure is that read's `walkaway:read` measure.
 */
async function rereadTime(tab) {
  const reads = await tab.evaluate(() => {
    document.body.append(document.createElement('span'));
    return performance.getEntriesByName('walkaway:read').length;
  });
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const duration = await tab.evaluate((before) => performance.getEntriesByName('walkaway:read')[before]?.duration ?? null, reads);
    if (duration !== null) return duration;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return NaN;
}

/** Median duration of each cold-start stage over the runs (ms), null when a mark is missing. */
function coldStages(samples) {
  return COLD_STAGES.map(([label, from, to]) => ({ label, ms: round(median(samples.map((s) => (s[to] ?? NaN) - (s[from] ?? NaN)))) }));
}

/**
 * Page load (navigation start to load event end) in three browsers, in turn: with the
 * extension, without it, and with the same extension whose content script is empty (the
 * floor any content script costs: Chromium's isolated world and injection).
 */
async function measureLoad(browsers, page) {
  const tabs = await Promise.all(browsers.map((side) => side.context.newPage()));
  const times = tabs.map(() => []);
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    // Rotate who goes first, so no browser always loads right after another one's.
    const order = tabs.map((_, i) => (i + run) % tabs.length);
    for (const which of order) {
      await tabs[which].goto('about:blank');
      await tabs[which].goto(page.url, { waitUntil: 'load' });
      times[which].push(await tabs[which].evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
      // Each browser settles before the next load: the extension reads the page and its worker
      // scores it just after the load event, and that work must not land in the next load
      // measured (another browser's or its own).
      await new Promise((ok) => setTimeout(ok, SETTLE_MS));
    }
  }
  for (const tab of tabs) await tab.close();
  return { ext: median(times[0]), base: median(times[1]), floor: median(times[2]) };
}

/**
 * The content script's own main-thread time before the load event, from a trace rather than a
 * clock: Chromium's `ScriptInjection::InjectJs` (isolated world, compile, top level) at
 * document_start, once per load; the rest of its work starts after the load event
 * (src/content/start.ts). Page loads of 30 to 40 ms swing by several ms between runs on this
 * kind of machine, which this figure does not.
 */
async function injectionTime(side, page, loads = INJECTION_LOADS) {
  const tab = await side.context.newPage();
  await tab.goto(page.url, { waitUntil: 'load' });
  await side.browser.startTracing(tab, { categories: ['extensions'] });
  for (let i = 0; i < loads; i += 1) {
    await tab.goto('about:blank');
    await tab.goto(page.url, { waitUntil: 'load' });
    await new Promise((ok) => setTimeout(ok, SETTLE_MS));
  }
  const { traceEvents } = JSON.parse((await side.browser.stopTracing()).toString());
  await tab.close();
  const durations = traceEvents.filter((e) => e.ph === 'X' && e.name === 'ScriptInjection::InjectJs').map((e) => e.dur / 1000);
  return { median: durations.length ? median(durations) : NaN, max: durations.length ? Math.max(...durations) : NaN, count: durations.length };
}

/** A copy of a build whose content script does nothing: the page-load floor of any content script. */
function emptyContentScriptBuild(build) {
  const copy = resolve(`${build}-empty-content-script`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(resolve(build), copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  for (const script of manifest.content_scripts ?? []) for (const file of script.js ?? []) writeFileSync(join(copy, file), 'void 0;\n');
  return copy;
}

/** CPU profile of a page that mutates heavily: samples split by whose code is on the stack. */
async function measureMutationCost(ext, page, runs) {
  const shares = [];
  const extMs = [];
  for (let run = 0; run < runs; run += 1) {
    const tab = await ext.context.newPage();
    await tab.addInitScript(watchBadge, null);
    const cdp = await ext.context.newCDPSession(tab);
    await tab.goto(page.url, { waitUntil: 'load' });
    await badgeShownAt(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.evaluate(() => window.__startMutating());
    const { profile } = await cdp.send('Profiler.stop');
    const split = attribute(profile);
    shares.push(split.extension / split.page);
    extMs.push(split.extension / 1000);
    await cdp.detach();
    await tab.close();
  }
  return { share: median(shares), extensionMs: median(extMs) };
}

/** Microseconds of samples whose stack holds extension code vs the page's own code (no extension frame). */
function attribute(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const node = byId.get(id);
    const url = node?.callFrame.url ?? '';
    let who = url.startsWith('chrome-extension://') ? 'extension' : null;
    if (!who) {
      const up = parent.has(id) ? ownerOf(parent.get(id)) : null;
      who = up === 'extension' ? 'extension' : up === 'page' || /^https?:/.test(url) ? 'page' : up;
    }
    owner.set(id, who);
    return who;
  };
  const totals = { extension: 0, page: 0, other: 0 };
  profile.samples.forEach((id, i) => {
    const who = ownerOf(id) ?? 'other';
    totals[who] += profile.timeDeltas[i + 1] ?? 0;
  });
  return totals;
}

/** Fills the extension's database in its own worker: `deals` deals cloned from a real one, `perDeal` snapshots each. */
async function seedDatabase(worker, dealKey, deals, perDeal) {
  return worker.evaluate(
    async ({ dealKey, deals, perDeal }) => {
      const db = await new Promise((ok, fail) => {
        const request = indexedDB.open('walk-away');
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const get = (store, key) =>
        new Promise((ok, fail) => {
          const request = db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
      const template = await get('deals', dealKey);
      const snapshotTemplate = template?.lastSnapshotId == null ? null : await get('snapshots', template.lastSnapshotId);
      if (!template || !snapshotTemplate) throw new Error(`no stored deal ${dealKey} to clone`);
      const chunk = 1000;
      const day = 86_400_000;
      for (let start = 0; start < deals; start += chunk) {
        await new Promise((ok, fail) => {
          const tx = db.transaction(['deals', 'snapshots'], 'readwrite');
          const dealStore = tx.objectStore('deals');
          const snapStore = tx.objectStore('snapshots');
          for (let i = start; i < Math.min(deals, start + chunk); i += 1) {
            const key = `${template.site}:bench-${i}`;
            // Each clone gets a company domain of its own, as real deals have (links between
            // deals and threads go by domain: 10,000 deals of one company is another test).
            const at = template.lastSeen - (i % 365) * day;
            dealStore.put({ ...template, key, title: `${template.title} #${i}`, facts: { ...template.facts, dealKey: key, ...(template.facts.domains ? { domains: [`bench-${i}.example`] } : {}) }, firstSeen: at - perDeal * day, lastSeen: at, lastSnapshotId: null, lastVisitId: `bench-${i}` });
            for (let s = 0; s < perDeal; s += 1) {
              const { id: _id, ...snapshot } = snapshotTemplate;
              snapStore.add({ ...snapshot, dealKey: key, at: at - s * day });
            }
          }
          tx.oncomplete = () => ok(undefined);
          tx.onerror = () => fail(tx.error);
        });
      }
      const count = (store) =>
        new Promise((ok) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => ok(request.result);
        });
      const result = { deals: await count('deals'), snapshots: await count('snapshots') };
      db.close();
      return result;
    },
    { dealKey, deals, perDeal },
  );
}

/** Time from navigation start until `selector` is in an extension page, observed in that page. */
async function timeToSelector(context, url, selector) {
  const { tab, ms } = await timeToSelectors(context, url, [selector]);
  return { tab, ms: ms[0] };
}

/** Navigation to the first match of each selector, in the page's clock (one load, several moments). */
async function timeToSelectors(context, url, selectors) {
  const tab = await context.newPage();
  await tab.addInitScript((wanted) => {
    const at = (window.__walkawayShownAt = wanted.map(() => null));
    new MutationObserver(() => {
      wanted.forEach((selector, i) => {
        if (at[i] === null && document.querySelector(selector)) at[i] = performance.now();
      });
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, selectors);
  await tab.goto(url);
  const last = await pollPage(tab, () => (window.__walkawayShownAt?.every((t) => t !== null) ? window.__walkawayShownAt : null), selectors.join(' and '), 20_000);
  return { tab, ms: last };
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (!chromiumPath()) throw new Error('Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).');
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    build(USER_BUILD, {});
    build(BENCH_BUILD, { WALKAWAY_DEMO: '1', VITE_WALKAWAY_BENCH: '1' });
  }
  mkdirSync(OUT, { recursive: true });

  // 1. Size: what the user build sends to a page of each site.
  const sizes = {};
  if (want('size')) for (const [site, url] of Object.entries(SITE_URLS)) sizes[site] = contentSizeFor(resolve(USER_BUILD), url);
  const distinct = new Set(Object.values(sizes).map((s) => s.files.map((f) => f.path).join()));
  const worst = Math.max(...Object.values(sizes).map((s) => s.gzip));
  if (want('size')) figure('Content script shipped to a page, gzipped (largest site)', worst / 1024, 'KB', { max: CONTENT_BUDGET_GZIP / 1024, text: '≤ 25 KB' });
  if (want('size')) figure('Content script shipped to a page, raw', Math.max(...Object.values(sizes).map((s) => s.raw)) / 1024, 'KB');
  if (want('size') && distinct.size === 1) notes.push(`All ${Object.keys(sizes).length} sites load the same content script: ${Object.values(sizes)[0].files.map((f) => `${f.path} (${f.raw} B, ${f.gzip} B gz)`).join(', ')}.`);

  await loadTemplating();
  const planned = planPages();
  const { mutating } = planned;
  const pages = planned.pages.filter((page) => !PAGE_FILTER || PAGE_FILTER.test(page.name));
  let current = {};
  const resolver = (site) => async () => current[site] ?? null;
  const hosts = Object.fromEntries(Object.entries(SITE_URLS).map(([site, url]) => [new URL(url).hostname, resolver(site)]));
  const server = await startFixtureServer({ sites: { ...hosts, [DEMO_HOST]: staticSite(resolve('demo')) } });
  const hostMap = Object.fromEntries([...Object.keys(hosts), DEMO_HOST].map((host) => [host, server.port]));
  const extChrome = await spawnChromium({ extensionPath: resolve(BENCH_BUILD), hostMap });
  const baseChrome = await spawnChromium({ extensionPath: null, hostMap });
  const floorChrome = want('load') ? await spawnChromium({ extensionPath: emptyContentScriptBuild(BENCH_BUILD), hostMap }) : null;
  const results = { pages: [] };
  try {
    const ext = await connect(extChrome.wsEndpoint);
    const base = await connect(baseChrome.wsEndpoint);
    const floor = floorChrome ? await connect(floorChrome.wsEndpoint) : null;
    await extensionWorker(ext.context);
    const serve = (page) => {
      if (page.file) current = { ...current, [page.site]: page.file };
    };

    // 2-4. Read time, badge time (cold and warm), load ratio, per page.
    for (const page of want('badge') || want('load') ? pages : []) {
      serve(page);
      log(`page ${page.name}`);
      const badge = want('badge') ? await measureBadge(ext, page) : { read: [], reread: [], first: [], cold: [], warm: [], stages: [], nodes: NaN };
      const load = want('load') && floor ? await measureLoad([ext, base, floor], page) : { ext: NaN, base: NaN, floor: NaN };
      const injection = want('load') && floor ? await injectionTime(ext, page) : { median: NaN, max: NaN, count: 0 };
      const floorInjection = want('load') && floor ? await injectionTime(floor, page) : { median: NaN, max: NaN, count: 0 };
      results.pages.push({
        name: page.name,
        url: page.url,
        nodes: badge.nodes,
        readMs: round(median(badge.read), 3),
        rereadMs: round(median(badge.reread), 3),
        badgeFirstMs: round(median(badge.first)),
        badgeColdMs: round(median(badge.cold)),
        badgeWarmMs: round(median(badge.warm)),
        loadMs: round(load.ext),
        loadBaseMs: round(load.base),
        loadFloorMs: round(load.floor),
        loadRatio: round(load.ext / load.base, 3),
        loadFloorRatio: round(load.floor / load.base, 3),
        injectMs: round(injection.median, 3),
        injectMaxMs: round(injection.max, 3),
        injectFloorMs: round(floorInjection.median, 3),
        injectFloorMaxMs: round(floorInjection.max, 3),
        injectLoads: injection.count,
        coldStages: coldStages(badge.stages),
      });
    }
    const largest = [...results.pages].sort((a, b) => b.nodes - a.nodes)[0];
    const fixturesOnly = results.pages.filter((p) => !p.name.startsWith('stress'));
    const largestFixturePage = [...fixturesOnly].sort((a, b) => b.nodes - a.nodes)[0];
    // Two kinds of read: the first after a page loads (the content script's code runs for the
    // first time in a new isolated world) and every later one (the page changed, or the app
    // navigated to another record): both under the same budget.
    if (want('badge') && largestFixturePage) figure(`Adapter read, largest fixture (${largestFixturePage.name}), first read after the page loads`, largestFixturePage.readMs, 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && largestFixturePage) figure(`Adapter read, largest fixture (${largestFixturePage.name}), later reads (content script running, the page changed)`, largestFixturePage.rereadMs, 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && largest) figure(`Adapter read, ${largest.name} (${largest.nodes} elements), first read`, largest.readMs, 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && largest) figure(`Adapter read, ${largest.name} (${largest.nodes} elements), later reads`, largest.rereadMs, 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && results.pages.length) figure('Adapter read, slowest page, first read', Math.max(...results.pages.map((p) => p.readMs)), 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && results.pages.length) figure('Adapter read, slowest page, later reads', Math.max(...results.pages.map((p) => p.rereadMs)), 'ms', { max: 2, text: '< 2 ms' });
    if (want('badge') && results.pages.length) figure('Page ready to badge, worker cold, deal never seen (slowest page median)', Math.max(...results.pages.map((p) => p.badgeFirstMs)), 'ms', { max: 150, text: '< 150 ms' });
    if (want('badge') && results.pages.length) figure('Page ready to badge, worker cold, deal seen before (slowest page median)', Math.max(...results.pages.map((p) => p.badgeColdMs)), 'ms', { max: 150, text: '< 150 ms' });
    if (want('badge') && results.pages.length) figure('Page ready to badge, worker warm (slowest page median)', Math.max(...results.pages.map((p) => p.badgeWarmMs)), 'ms', { max: 150, text: '< 150 ms' });
    if (want('load') && results.pages.length) figure('Page load with / without the extension (worst page)', Math.max(...results.pages.map((p) => p.loadRatio)), '×', { max: 1.05, text: '≤ 1.05' });
    if (want('load') && results.pages.length) figure('Page load with / without the extension (median over pages)', median(results.pages.map((p) => p.loadRatio)), '×', { max: 1.05, text: '≤ 1.05' });
    if (want('load') && results.pages.length) figure('Page load: time the extension adds (median over pages)', median(results.pages.map((p) => p.loadMs - p.loadBaseMs)), 'ms');
    if (want('load') && results.pages.length) figure('Page load with an empty content script / without the extension, for reference: what any content script costs (median over pages)', median(results.pages.map((p) => p.loadFloorRatio)), '×');
    if (want('load') && results.pages.length) figure('Page load with the extension / with an empty content script (median over pages)', median(results.pages.map((p) => p.loadMs / p.loadFloorMs)), '×');
    if (want('load') && results.pages.length) figure(`Content script main-thread time before the load event, traced (ScriptInjection::InjectJs, median of ${INJECTION_LOADS} loads; slowest page)`, Math.max(...results.pages.map((p) => p.injectMs)), 'ms');
    if (want('load') && results.pages.length) figure('Same, an empty content script (slowest page): what Chromium itself spends per injection', Math.max(...results.pages.map((p) => p.injectFloorMs)), 'ms');
    if (want('load') && results.pages.length) figure('Same, ours: slowest single load (a page in a new renderer process: Chromium sets up the isolated world and V8 compiles the script)', Math.max(...results.pages.map((p) => p.injectMaxMs)), 'ms');
    if (want('load') && results.pages.length) figure('Same, an empty content script: slowest single load', Math.max(...results.pages.map((p) => p.injectFloorMaxMs)), 'ms');
    if (want('load') && results.pages.length) figure('Page load ratio from the traced injection: (load without + injection) / load without (worst page)', Math.max(...results.pages.map((p) => (p.loadBaseMs + p.injectMs) / p.loadBaseMs)), '×');

    // 5. Mutation cost.
    if (want('mutation')) {
      serve(mutating);
      log('mutating page (1,000 changed nodes a second for 5 s)');
      const mutation = await measureMutationCost(ext, mutating, Math.max(3, Math.ceil(RUNS / 2)));
      results.mutation = mutation;
      figure('Content script CPU while the page mutates 1,000 nodes/s, share of the page’s own scripting', mutation.share * 100, '%');
      figure('Content script CPU while the page mutates, per second', mutation.extensionMs / 5, 'ms');
    }

    // 7 (before the big database, so the heap is about the pages). Memory after reading the largest pages.
    for (const page of want('memory') ? pages.filter((p) => p.stress) : []) {
      serve(page);
      const heaps = {};
      for (const [which, side] of [
        ['ext', ext],
        ['base', base],
      ]) {
        const tab = await side.context.newPage();
        if (which === 'ext') await tab.addInitScript(watchBadge, null);
        await tab.goto(page.url, { waitUntil: 'load' });
        if (which === 'ext') await badgeShownAt(tab);
        const cdp = await side.context.newCDPSession(tab);
        await cdp.send('HeapProfiler.collectGarbage');
        heaps[which] = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        await cdp.detach();
        if (which === 'base') await tab.close();
        else heaps.tab = tab;
      }
      const workerHeap = await sendToTarget(ext.browser, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'), 'Runtime.getHeapUsage');
      await heaps.tab.close();
      figure(`Page heap with the extension, ${page.name} (upper bound for the content script)`, heaps.ext / 1048576, 'MB');
      figure(`Page heap with minus without the extension, ${page.name}`, (heaps.ext - heaps.base) / 1048576, 'MB');
      if (workerHeap) figure(`Service worker heap after reading ${page.name}`, workerHeap.usedSize / 1048576, 'MB');
    }
    notes.push('The content script runs in an isolated world of the page’s V8 isolate: its heap cannot be read apart from the page’s. The page heap with the extension is its upper bound; the difference to the same page without the extension (after a forced GC in both) estimates it.');

    // 6. Storage at 10,000 deals and 100,000 snapshots.
    if (want('storage')) {
      log('seeding 10,000 deals and 100,000 snapshots');
      const demo = planned.pages.find((p) => p.site === 'demo' && p.url.includes('/deals/'));
      const dealTab = await ext.context.newPage();
      await dealTab.addInitScript(watchBadge, null);
      await dealTab.goto(demo.url);
      await badgeShownAt(dealTab);
      const dealKey = await dealTab.evaluate(() => document.querySelector('walkaway-badge').getAttribute('data-deal'));
      let worker = await extensionWorker(ext.context);
      const seeded = await seedDatabase(worker, dealKey, 10_000, 10);
      log(`database: ${seeded.deals} deals, ${seeded.snapshots} snapshots`);
      results.database = seeded;
      worker = await extensionWorker(ext.context);
      const extensionId = new URL(worker.url()).host;
      const tabId = await worker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id, dealTab.url());
      const origin = `chrome-extension://${extensionId}`;
      // The popup shows the view the worker saved for the tab (session storage) first, and the
      // worker's fresh view in its place when that comes: both are timed, with the worker
      // running and with it stopped (a rep often opens the popup after Chromium stopped it).
      const popupTimes = [];
      const popupFreshTimes = [];
      const popupColdTimes = [];
      const popupColdFreshTimes = [];
      const POPUP_SHOWN = ['[data-testid=verdict]', '[data-testid=verdict][data-source=worker]'];
      const optionsTimes = [];
      const pipelineTimes = [];
      // The floor any extension page pays before its own code runs: a blank page written into
      // the benchmark build (Chromium reads an unpacked extension's files when asked for them).
      writeFileSync(resolve(BENCH_BUILD, BLANK_PAGE), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p data-testid="blank">blank</p></body></html>\n');
      // The floor of a page with any script: its one line runs after Chromium has set up the
      // page's V8 context and the extension API bindings, which a page without script skips.
      writeFileSync(resolve(BENCH_BUILD, SCRIPT_PAGE), '<!doctype html><html><head><meta charset="utf-8"><title>script</title><script defer src="bench-script.js"></script></head><body><p>script</p></body></html>\n');
      writeFileSync(resolve(BENCH_BUILD, 'bench-script.js'), "document.body.insertAdjacentHTML('beforeend', '<p data-testid=\"script-ran\">ran</p>');\n");
      const blankTimes = [];
      const blankColdTimes = [];
      const scriptTimes = [];
      const hasPipeline = existsSync(resolve(BENCH_BUILD, 'src/ui/pipeline/index.html'));
      const popupUrl = `${origin}/src/ui/popup/index.html?tab=${tabId}`;
      for (let run = 0; run < RUNS; run += 1) {
        // Worker running (and its database open): each page in turn.
        const popup = await timeToSelectors(ext.context, popupUrl, POPUP_SHOWN);
        popupTimes.push(popup.ms[0]);
        popupFreshTimes.push(popup.ms[1]);
        await popup.tab.close();
        const blank = await timeToSelector(ext.context, `${origin}/${BLANK_PAGE}`, '[data-testid=blank]');
        blankTimes.push(blank.ms);
        await blank.tab.close();
        const script = await timeToSelector(ext.context, `${origin}/${SCRIPT_PAGE}`, '[data-testid=script-ran]');
        scriptTimes.push(script.ms);
        await script.tab.close();
        const options = await timeToSelector(ext.context, `${origin}/src/ui/options/index.html`, '[data-testid=save]');
        optionsTimes.push(options.ms);
        await options.tab.close();
        if (hasPipeline) {
          const pipeline = await timeToSelector(ext.context, `${origin}/src/ui/pipeline/index.html`, '[data-testid=pipeline-row], [data-testid=pipeline-empty]');
          pipelineTimes.push(pipeline.ms);
          await pipeline.tab.close();
        }
        // Worker stopped first: the popup, and the blank page as its floor (Chromium starts the
        // extension's worker for any navigation to one of its pages: they are in its scope).
        await stopWorkers(ext.context, dealTab);
        const coldPopup = await timeToSelectors(ext.context, popupUrl, POPUP_SHOWN);
        popupColdTimes.push(coldPopup.ms[0]);
        popupColdFreshTimes.push(coldPopup.ms[1]);
        await coldPopup.tab.close();
        await stopWorkers(ext.context, dealTab);
        const coldBlank = await timeToSelector(ext.context, `${origin}/${BLANK_PAGE}`, '[data-testid=blank]');
        blankColdTimes.push(coldBlank.ms);
        await coldBlank.tab.close();
        // Untimed: the worker up again with its database open before the next round's warm pages.
        const settle = await timeToSelectors(ext.context, popupUrl, POPUP_SHOWN);
        await settle.tab.close();
        await new Promise((ok) => setTimeout(ok, 200));
      }
      // The popup's one query on its own (the worker's storage work, without the page's boot).
      const query = await ext.context.newPage();
      await query.goto(`${origin}/src/ui/popup/index.html?tab=${tabId}`);
      const queryTimes = await query.evaluate(
        async ({ tabId, runs }) => {
          const times = [];
          for (let i = 0; i < runs; i += 1) {
            const t0 = performance.now();
            await chrome.runtime.sendMessage({ type: 'ui/tab-deal', tabId });
            times.push(performance.now() - t0);
          }
          return times;
        },
        { tabId, runs: RUNS * 3 },
      );
      await query.close();
      figure('Popup: navigation to verdict shown (the saved view), 10,000 deals / 100,000 snapshots', median(popupTimes), 'ms', { max: 50, text: '< 50 ms' });
      figure('Popup: the same, worker stopped before the popup opens', median(popupColdTimes), 'ms', { max: 50, text: '< 50 ms' });
      figure("Popup: navigation to the worker's fresh view in its place, same database", median(popupFreshTimes), 'ms');
      figure("Popup: the same, worker stopped before the popup opens (Chromium starts it, it opens the database)", median(popupColdFreshTimes), 'ms');
      figure('Popup: its deal query (ui/tab-deal round trip), same database', median(queryTimes), 'ms', { max: 50, text: '< 50 ms' });
      figure('Options page: navigation to settings form, same database', median(optionsTimes), 'ms');
      figure('Extension page floor, for reference: a blank page of the same extension, navigation to its text', median(blankTimes), 'ms');
      figure('Extension page floor with the worker stopped, for reference: the same blank page', median(blankColdTimes), 'ms');
      figure('Extension page floor with a script, for reference: a page whose one deferred script adds a line, navigation to that line', median(scriptTimes), 'ms');
      if (hasPipeline) figure('Pipeline: navigation to first screen of rows, same database', median(pipelineTimes), 'ms', { max: 300, text: '< 300 ms' });
      else notes.push('No pipeline page in this build: its first-screen budget was not measured.');

      // Export, if the options page has one.
      const options = await ext.context.newPage();
      await options.goto(`${origin}/src/ui/options/index.html`);
      await options.waitForSelector('[data-testid=save]');
      if (await options.$('[data-testid=export]')) {
        const exportTimes = [];
        for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
          exportTimes.push(
            await options.evaluate(
              () =>
                new Promise((ok) => {
                  const button = document.querySelector('[data-testid=export]');
                  let busy = false;
                  const t0 = performance.now();
                  const observer = new MutationObserver(() => {
                    if (button.disabled) busy = true;
                    else if (busy) {
                      observer.disconnect();
                      ok(performance.now() - t0);
                    }
                  });
                  observer.observe(document.body, { attributes: true, subtree: true, childList: true });
                  button.click();
                }),
            ),
          );
        }
        figure('Full export (click to file handed to the browser), same database', median(exportTimes), 'ms');
      } else notes.push('No export in this build: not measured.');
      await options.close();
      await dealTab.close();
    }
  } finally {
    // A profile folder still being written as Chromium exits may refuse removal: not a bench failure.
    await extChrome.close().catch(() => undefined);
    await baseChrome.close().catch(() => undefined);
    await floorChrome?.close().catch(() => undefined);
    await server.close();
  }

  // Output.
  const version = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', chromium: version, node: process.version, load: [round(loadAtStart), round(loadavg()[0])], runs: RUNS, seconds: Math.round((Date.now() - started) / 1000) };
  const json = { date: new Date().toISOString(), machine, figures, sizes, pages: results.pages, mutation: results.mutation, database: results.database, notes };
  // A partial run (BENCH_FIGURES or BENCH_PAGES) never overwrites the full run's results.
  const stem = PARTIAL ? 'partial' : 'latest';
  writeFileSync(join(OUT, `${stem}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const table = [
    '| figure | median | budget | meets |',
    '| --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.name} | ${f.median ?? 'n/a'} ${f.unit} | ${f.budget || '–'} | ${f.meets === null ? '–' : f.meets ? 'yes' : 'no'} |`),
  ].join('\n');
  const perPage = [
    '| page | elements | read ms: first / later | badge cold, never seen ms | badge cold, seen before ms | badge warm ms | load with / without / empty content script ms | ratio | empty content script ratio | injection traced, ours / empty ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.pages.map((p) => `| ${p.name} | ${p.nodes} | ${p.readMs} / ${p.rereadMs} | ${p.badgeFirstMs} | ${p.badgeColdMs} | ${p.badgeWarmMs} | ${p.loadMs} / ${p.loadBaseMs} / ${p.loadFloorMs} | ${p.loadRatio} | ${p.loadFloorRatio} | ${p.injectMs} / ${p.injectFloorMs} |`),
  ].join('\n');
  // Where a never-seen deal's cold-start time goes, stage by stage, for each page.
  const staged = results.pages.filter((p) => p.coldStages.some((stage) => stage.ms !== null));
  const coldTable = staged.length
    ? [
        `| stage (median ms) | ${staged.map((p) => p.name.replace(/: .*-(\w+)\.html$/, ': $1')).join(' | ')} |`,
        `| --- | ${staged.map(() => '---').join(' | ')} |`,
        ...COLD_STAGES.map(([label], i) => `| ${label} | ${staged.map((p) => p.coldStages[i]?.ms ?? '–').join(' | ')} |`),
        `| **page ready → badge** | ${staged.map((p) => p.badgeFirstMs).join(' | ')} |`,
      ].join('\n')
    : '';
  const perSite = ['| site | files | raw | gzipped |', '| --- | --- | --- | --- |', ...Object.entries(sizes).map(([site, s]) => `| ${site} | ${s.files.length} | ${(s.raw / 1024).toFixed(1)} KB | ${(s.gzip / 1024).toFixed(1)} KB |`)].join('\n');
  const md = `# Benchmark ${json.date}\n\nMachine: ${machine.cpus} × ${machine.model}, ${machine.chromium}, Node ${machine.node}, load average ${machine.load.join(' → ')}; medians of ${RUNS} runs; took ${machine.seconds} s.\n\n${table}\n\n## Per page\n\n${perPage}\n\n${coldTable ? `## Cold start, deal never seen: where the time goes\n\nFrom the worker's benchmark marks (src/background/bench-marks.ts) and the page's read measure, all in the page's time; stages are medians of their own, so they need not add up exactly.\n\n${coldTable}\n\n` : ''}## Content script per site\n\n${perSite}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
  writeFileSync(join(OUT, `${stem}.md`), md);
  console.log(`\n${table}\n\n${perPage}\n\n${coldTable}\n\n${perSite}\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
  const missed = figures.filter((f) => f.meets === false);
  console.log(missed.length ? `\n${missed.length} figure(s) miss their budget.` : '\nEvery figure with a budget meets it.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

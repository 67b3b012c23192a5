// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adapter as demoAdapter, parseActivityTitle } from '../../src/sites/demo/adapter';
import { adapter as gmailAdapter } from '../../src/sites/gmail/adapter';
import { adapter as hubspotAdapter } from '../../src/sites/hubspot/adapter';
import { adapter as outlookAdapter } from '../../src/sites/outlook/adapter';
import { adapter as pipedriveAdapter } from '../../src/sites/pipedrive/adapter';
import { adapter as salesforceAdapter } from '../../src/sites/salesforce/adapter';
import type { RawReading } from '../../src/adapters/types';
import { sitesTaking } from './site-adapters';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function load(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** A committed fixture as its own Document (adapters take the document they read). */
function fixture(path: string): Document {
  return new DOMParser().parseFromString(load(`tests/fixtures/${path}`), 'text/html');
}

describe('parseActivityTitle', () => {
  it.each([
    ['Email sent', { kind: 'email', direction: 'ours', outcome: '' }],
    ['Email received', { kind: 'email', direction: 'theirs', outcome: '' }],
    ['Call — No answer', { kind: 'call', direction: 'ours', outcome: 'No answer' }],
    ['Call - Left voicemail', { kind: 'call', direction: 'ours', outcome: 'Left voicemail' }],
    ['Inbound call — Connected', { kind: 'call', direction: 'theirs', outcome: 'Connected' }],
    ['Meeting — Held', { kind: 'meeting', direction: 'ours', outcome: 'Held' }],
    ['Note', { kind: 'note', direction: 'unknown', outcome: '' }],
  ])('%s', (title, expected) => {
    expect(parseActivityTitle(title)).toEqual(expected);
  });

  it('ignores entries that are not touches', () => {
    expect(parseActivityTitle('Stage changed')).toBeNull();
  });
});

describe('demo site, read by the demo adapter', () => {
  const ORIGIN = 'https://demo.walkaway.test';
  const ACCOUNT = 'alex@seller.example';
  // The demo computes its dates from today; the test fixes today to Sat Nov 28, 2026.
  const TODAY = new Date(2026, 10, 28, 10, 0);

  function readHere(): RawReading | null {
    const url = new URL(location.href);
    expect(sitesTaking(url)).toEqual(['demo']);
    return demoAdapter.read(document, url);
  }

  function settle(): void {
    vi.advanceTimersByTime(300);
  }

  function click(selector: string, text?: string): void {
    const links = [...document.querySelectorAll<HTMLAnchorElement>(selector)].filter((a) => text === undefined || a.textContent === text);
    expect(links, `${selector} ${text ?? ''}`).toHaveLength(1);
    links[0]!.click();
  }

  function deal(id: string, rest: Omit<RawReading, 'site' | 'dealKey' | 'url' | 'locale' | 'missing' | 'messages' | 'accountEmail'>): RawReading {
    return {
      site: 'demo',
      dealKey: `demo:deal-${id}`,
      url: `${ORIGIN}/deals/${id}`,
      locale: 'en-US',
      missing: [],
      messages: [],
      accountEmail: ACCOUNT,
      ...rest,
    };
  }

  const email = (direction: 'ours' | 'theirs', date: string) => ({ kind: 'email' as const, direction, date, outcome: '' });
  const call = (date: string, outcome: string) => ({ kind: 'call' as const, direction: 'ours' as const, date, outcome });
  const meeting = (date: string) => ({ kind: 'meeting' as const, direction: 'ours' as const, date, outcome: 'Held' });

  const NORTHWIND = deal('1042', {
    title: 'Northwind Traders — Fleet telematics renewal',
    fields: {
      amount: '$118,500',
      stage: 'Proposal',
      pipeline: 'Renewals',
      closeDate: 'Dec 28, 2026',
      daysInStage: '6',
      lastActivityDate: 'Nov 26, 2026',
      nextStep: 'Send the order form for signature',
      owner: 'Alex Rivera',
      createDate: 'Sep 5, 2026',
      budget: '$120,000 approved',
      competitors: 'Contoso',
      segment: 'Mid-market',
      companySize: '1,000–5,000 employees',
    },
    contacts: [
      { name: 'Dana Whitfield', role: 'Decision maker', email: 'dana.whitfield@northwind.example' },
      { name: 'Sam Ortiz', role: 'Champion', email: 'sam.ortiz@northwind.example' },
    ],
    activities: [
      email('theirs', 'Nov 26, 2026'),
      email('ours', 'Nov 25, 2026'),
      call('Nov 23, 2026', 'Connected'),
      email('theirs', 'Nov 20, 2026'),
      email('ours', 'Nov 19, 2026'),
      meeting('Nov 7, 2026'),
    ],
  });

  const GLOBEX = deal('1077', {
    title: 'Globex — Warehouse analytics expansion',
    fields: {
      amount: '$64,000',
      stage: 'Evaluation',
      pipeline: 'New business',
      closeDate: 'Jan 12, 2027',
      daysInStage: '12',
      lastActivityDate: 'Nov 27, 2026',
      nextStep: 'Security review with the IT team',
      owner: 'Alex Rivera',
      createDate: 'Oct 7, 2026',
      budget: '$70,000 confirmed',
      competitors: 'Contoso, Fabrikam, Litware',
      segment: 'Enterprise',
      companySize: '5,000+ employees',
    },
    contacts: [
      { name: 'Marcus Chen', role: 'Decision maker', email: 'marcus.chen@globex.example' },
      { name: 'Priya Nair', role: 'Technical evaluator', email: 'priya.nair@globex.example' },
    ],
    activities: [
      email('theirs', 'Nov 27, 2026'),
      email('ours', 'Nov 24, 2026'),
      call('Nov 17, 2026', 'Connected'),
      email('theirs', 'Nov 12, 2026'),
      email('ours', 'Nov 10, 2026'),
      meeting('Nov 3, 2026'),
    ],
  });

  const INITECH = deal('1103', {
    title: 'Initech — Payroll pilot',
    fields: {
      amount: '$24,000',
      stage: 'Negotiation',
      pipeline: 'New business',
      closeDate: 'Aug 25, 2027',
      daysInStage: '45',
      lastActivityDate: 'Nov 26, 2026',
      nextStep: 'Confirm the pilot start date',
      owner: 'Alex Rivera',
      createDate: 'Jul 31, 2026',
      budget: '-',
      competitors: 'Fabrikam',
      segment: 'SMB',
      companySize: '200–500 employees',
    },
    contacts: [
      { name: 'Renee Park', role: 'Economic buyer', email: 'renee.park@initech.example' },
      { name: 'Tom Alvarez', role: 'Champion', email: 'tom.alvarez@initech.example' },
    ],
    activities: [
      call('Nov 26, 2026', 'Left voicemail'),
      email('ours', 'Nov 19, 2026'),
      call('Nov 13, 2026', 'No answer'),
      email('theirs', 'Nov 8, 2026'),
      email('ours', 'Oct 29, 2026'),
      meeting('Sep 29, 2026'),
    ],
  });

  const HOSTILE_NAME = '<img src=x onerror="window.__walkawayXss=1">';
  const VANDELAY = deal('1150', {
    title: HOSTILE_NAME,
    fields: {
      amount: '$9,800',
      stage: 'Proposal',
      pipeline: 'New business',
      closeDate: 'Nov 18, 2026',
      daysInStage: '5',
      lastActivityDate: 'Nov 25, 2026',
      nextStep: 'Confirm the PO number',
      owner: 'Alex Rivera',
      createDate: 'Oct 19, 2026',
      budget: '$10,000 approved',
      competitors: 'Contoso',
      segment: 'SMB',
      companySize: '50–200 employees',
    },
    contacts: [{ name: 'Lee Morgan', role: 'Decision maker', email: 'lee.morgan@vandelay.example' }],
    activities: [email('theirs', 'Nov 25, 2026'), email('ours', 'Nov 24, 2026'), meeting('Nov 16, 2026'), email('theirs', 'Nov 9, 2026'), email('ours', 'Nov 8, 2026')],
  });

  beforeAll(async () => {
    vi.useFakeTimers({ now: TODAY, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Opened directly on a deal: the server answers every non-file path with index.html.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ORIGIN}/deals/1103`);
    const html = load('demo/index.html');
    // Parsed in an inert template so happy-dom doesn't try to fetch app.css / app.js.
    const template = document.createElement('template');
    template.innerHTML = html;
    document.documentElement.lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? '';
    const app = template.content.querySelector('.app');
    expect(app?.querySelector('#view')).not.toBeNull();
    document.body.replaceChildren(app!);
    // The real app, run in this window (a plain script: importing it runs it once).
    await import(/* @vite-ignore */ pathToFileURL(join(ROOT, 'demo/app.js')).href);
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  it('reads nothing until the record has rendered, then the whole deal', () => {
    expect(location.pathname).toBe('/deals/1103');
    expect(readHere()).toBeNull();
    settle();
    expect(readHere()).toEqual(INITECH);
  });

  it('follows in-app links to the deal list and each deal', () => {
    click('nav a', 'Deals');
    expect(location.pathname).toBe('/deals');
    settle();
    expect(sitesTaking(new URL(location.href))).toEqual([]);
    const listed = [...document.querySelectorAll('a.deal-link')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(listed).toEqual([
      ['/deals/1042', NORTHWIND.title],
      ['/deals/1077', GLOBEX.title],
      ['/deals/1103', INITECH.title],
      ['/deals/1150', HOSTILE_NAME],
    ]);

    for (const expected of [NORTHWIND, GLOBEX, VANDELAY]) {
      click('a.deal-link', expected.title);
      expect(location.href).toBe(expected.url);
      // Right after navigation the record is not there yet: no stale read of the previous page.
      expect(readHere()).toBeNull();
      settle();
      expect(readHere()).toEqual(expected);
      click('.crumbs a', 'Deals');
      settle();
    }
  });

  it('renders the hostile deal name as text', () => {
    click('a.deal-link', HOSTILE_NAME);
    settle();
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_NAME);
    expect(document.querySelector('#view img')).toBeNull();
    expect((window as unknown as { __walkawayXss?: number }).__walkawayXss).toBeUndefined();
    expect(document.title).toBe(`${HOSTILE_NAME} · Demo CRM`);
  });

  it('goes back with the browser history (popstate)', async () => {
    history.back();
    await vi.waitFor(() => expect(location.pathname).toBe('/deals'));
    settle();
    expect(document.querySelectorAll('a.deal-link')).toHaveLength(4);
  });

  it('reads the mail thread with every message, and the signed-in account', () => {
    click('nav a', 'Inbox');
    settle();
    expect(sitesTaking(new URL(location.href))).toEqual([]);
    click('a.inbox-subject', 'Re: Data platform evaluation');
    expect(readHere()).toBeNull();
    settle();
    const alex = { fromEmail: ACCOUNT, fromName: 'Alex Rivera', toEmails: ['jordan@hooli.example'], direction: 'unknown' as const };
    const jordan = { fromEmail: 'jordan@hooli.example', fromName: 'Jordan Lee', toEmails: [ACCOUNT], direction: 'unknown' as const };
    expect(readHere()).toEqual({
      site: 'demo',
      dealKey: 'demo:thread-7781',
      url: `${ORIGIN}/mail/thread-7781`,
      locale: 'en-US',
      title: 'Re: Data platform evaluation',
      fields: {},
      missing: [],
      contacts: [],
      activities: [],
      accountEmail: ACCOUNT,
      messages: [
        {
          ...alex,
          date: 'Nov 16, 2026, 9:14 AM',
          body: 'Hi Jordan,\n\nGood to meet you at the data summit. As promised, here is a short overview of how analytics teams use our platform to bring their reporting into one place.\n\nWould a 30-minute walkthrough be useful?\n\nBest,\nAlex',
        },
        { ...jordan, date: 'Nov 18, 2026, 4:02 PM', body: "Thanks Alex. Honestly, we're evaluating five vendors for this." },
        {
          ...alex,
          date: 'Nov 22, 2026, 10:30 AM',
          body: "Hi Jordan,\n\nUnderstood, thanks for being open about it. To make your comparison easier, I've attached a one-page summary of our integrations and security documentation.\n\nBest,\nAlex",
        },
        { ...jordan, date: 'Nov 23, 2026, 11:47 AM', body: "Looks interesting, but I'll have to run it by my boss before we go any further." },
        {
          ...alex,
          date: 'Nov 25, 2026, 9:05 AM',
          body: 'Hi Jordan,\n\nThanks for the update. If it helps, I can put together a short summary for your manager, or join a call with both of you.\n\nBest,\nAlex',
        },
        { ...alex, date: 'Nov 27, 2026, 2:20 PM', body: 'Hi Jordan,\n\nJust checking whether a joint call with your manager would work this week.\n\nBest,\nAlex' },
      ],
    });
  });

  it('shows "not found" for an unknown deal, and the adapter reads nothing there', () => {
    history.pushState(null, '', '/deals/9999');
    window.dispatchEvent(new PopStateEvent('popstate'));
    settle();
    expect(document.querySelector('h1')?.textContent).toBe('Page not found');
    expect(readHere()).toBeNull();
  });
});

describe('CRM adapters on fixtures (first versions: hooks, then labels)', () => {
  it('HubSpot: highlight test ids, the close date input and the sidebar labels', () => {
    const url = new URL('https://app.hubspot.com/contacts/2345678/record/0-3/9876543210');
    const reading = hubspotAdapter.read(fixture('hubspot/2026-11-28-deal-record.html'), url);
    expect(reading).toEqual({
      site: 'hubspot',
      dealKey: 'hubspot:2345678:9876543210',
      url: url.href,
      locale: 'en-US',
      title: 'Acme Corp – Fleet expansion',
      fields: {
        dealName: 'Acme Corp – Fleet expansion',
        amount: '$48,000.00',
        stage: 'Contract sent (Sales Pipeline)',
        owner: 'Dana Rep',
        closeDate: '12/15/2026',
        lastActivityDate: '11/20/2026 3:04 PM EST',
        createDate: '09/02/2026 10:12 AM EDT',
        pipeline: 'Sales Pipeline',
        competitors: 'Contoso; Fabrikam',
        budget: '--',
      },
      missing: ['nextStep'],
      contacts: [],
      activities: [],
      messages: [],
    });
  });

  it('HubSpot: nothing rendered yet reads as null', () => {
    const empty = new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html');
    expect(hubspotAdapter.read(empty, new URL('https://app.hubspot.com/contacts/2345678/record/0-3/9876543210'))).toBeNull();
  });

  it('Salesforce: layout items, highlights, the stage path, a checkbox and a value in a shadow root', () => {
    const doc = fixture('salesforce/2026-11-28-opportunity.html');
    doc.querySelector('#last-activity')!.attachShadow({ mode: 'open' }).textContent = '11/20/2026';
    const url = new URL('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view');
    expect(salesforceAdapter.read(doc, url)).toEqual({
      site: 'salesforce',
      dealKey: 'salesforce:006Hs00001AbCdEIAV',
      url: url.href,
      locale: 'en-US',
      title: 'Acme - 200 Widgets',
      fields: {
        closeDate: '12/15/2026',
        amount: '$48,000.00',
        stage: 'Proposal/Price Quote',
        owner: 'Dana Rep',
        nextStep: 'Send the revised quote',
        competitors: 'Contoso; Fabrikam; Litware',
        lastActivityDate: '11/20/2026',
        budget: 'No',
      },
      missing: [],
      contacts: [],
      activities: [],
      messages: [],
    });
  });

  it('Pipedrive: German labels, an empty competitors field, and a labelled stage bar that is not a value', () => {
    const url = new URL('https://acme.pipedrive.com/deal/1234');
    expect(pipedriveAdapter.read(fixture('pipedrive/2026-11-28-deal.html'), url)).toEqual({
      site: 'pipedrive',
      dealKey: 'pipedrive:acme:1234',
      url: url.href,
      locale: 'de-DE',
      title: 'Northwind Flotte',
      fields: {
        amount: '12.500 €',
        stage: 'Angebot erstellt',
        closeDate: '15.12.2026',
        owner: 'Dana Rep',
        competitors: '',
        nextStep: 'Angebot nachfassen',
      },
      missing: ['lastActivityDate', 'budget'],
      contacts: [],
      activities: [],
      messages: [],
    });
  });
});

describe('mail adapters on fixtures', () => {
  it('Gmail: subject, collapsed and expanded messages without quoted text, and the account', () => {
    const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM');
    expect(gmailAdapter.read(fixture('gmail/2026-11-28-thread.html'), url)).toEqual({
      site: 'gmail',
      dealKey: 'gmail:FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM',
      url: url.href,
      locale: 'en',
      title: 'Pilot plan',
      fields: {},
      missing: [],
      contacts: [],
      activities: [],
      accountEmail: 'dana@seller.example',
      messages: [
        { fromEmail: 'jordan@acme.example', fromName: 'Jordan Buyer', toEmails: [], date: 'Sep 8, 2026, 9:02 AM', body: '', direction: 'unknown' },
        {
          fromEmail: 'dana@seller.example',
          fromName: 'Dana Rep',
          toEmails: ['jordan@acme.example', 'kim@acme.example'],
          date: 'Sep 10, 2026, 1:19 PM',
          body: 'Hi Jordan,\n\nHere is the pilot plan we discussed.\nBest, Dana',
          direction: 'unknown',
        },
        {
          fromEmail: 'jordan@acme.example',
          fromName: 'Jordan Buyer',
          toEmails: ['dana@seller.example'],
          date: 'Sep 11, 2026, 8:45 AM',
          body: "Looks good.\nI'll share it with the team.",
          direction: 'unknown',
        },
      ],
    });
  });

  it('Gmail: the inbox list is not a thread, and a thread still loading reads as null', () => {
    expect(gmailAdapter.matches(new URL('https://mail.google.com/mail/u/0/#inbox'))).toBe(false);
    const loading = new DOMParser().parseFromString('<html><body><div role="main"></div></body></html>', 'text/html');
    expect(gmailAdapter.read(loading, new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM'))).toBeNull();
  });

  it('Outlook: messages from the reading pane, quoted text skipped, the conversation id decoded', () => {
    const url = new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y%2B2kRBkNh1P8R%2FvlE%3D');
    expect(outlookAdapter.read(fixture('outlook/2026-11-28-conversation.html'), url)).toEqual({
      site: 'outlook',
      dealKey: 'outlook:AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAKjxQ8Y+2kRBkNh1P8R/vlE=',
      url: url.href,
      locale: 'en-US',
      title: 'Pilot plan',
      fields: {},
      missing: [],
      contacts: [],
      activities: [],
      messages: [
        {
          fromEmail: 'jordan@acme.example',
          fromName: 'Jordan Buyer',
          toEmails: ['dana@seller.example'],
          date: '9/17/2026 2:52 PM',
          body: 'Thanks Dana,\nWe can start the pilot in October.',
          direction: 'unknown',
        },
        { fromEmail: 'dana@seller.example', fromName: 'Dana Rep', toEmails: [], date: '9/18/2026 9:10 AM', body: 'Great, I will send the order form.', direction: 'unknown' },
      ],
    });
  });
});

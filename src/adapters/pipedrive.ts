/**
 * Pipedrive deals: https://<company>.pipedrive.com/deal/<id>
 * No public markup hooks are known (see the fixtures' HOOKS notes), so this first
 * version reads the deal title and the visible label/value pairs.
 */
import { readLabelledFields, readText } from './label-reader';
import { EXPECTED_FIELDS, type Adapter, type RawReading } from './types';

/** The company's own subdomain; www is the marketing site. */
const HOST = /^(?!www\.)([a-z0-9][a-z0-9-]*)\.pipedrive\.com$/;
const DEAL_PATH = /^\/deal\/(\d+)\/?$/;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** The deal title heading at the top of the deal view (our reading of the page; no public hook). */
  title_2026_11_28: 'h1',
} as const;

function parse(url: URL): { company: string; dealId: string } | null {
  if (url.protocol !== 'https:') return null;
  const host = HOST.exec(url.hostname);
  const deal = DEAL_PATH.exec(url.pathname);
  return host && deal ? { company: host[1]!, dealId: deal[1]! } : null;
}

export const pipedriveAdapter: Adapter = {
  site: 'pipedrive',
  exampleUrls: ['https://acme.pipedrive.com/deal/1234', 'https://northwind-sales.pipedrive.com/deal/98/'],
  matches: (url) => parse(url) !== null,
  read(doc, url): RawReading | null {
    const ids = parse(url);
    if (!ids) return null;
    const fields = readLabelledFields(doc.body ?? doc).fields;
    const heading = doc.querySelector(SELECTORS.title_2026_11_28);
    const title = ((heading ? readText(heading) : '') || fields.dealName || '').slice(0, 500);
    // Nothing read at all: the deal has not rendered yet.
    if (!title && Object.keys(fields).length === 0) return null;
    return {
      site: 'pipedrive',
      dealKey: `pipedrive:${ids.company}:${ids.dealId}`,
      url: url.href,
      locale: doc.documentElement.lang,
      title,
      fields,
      missing: EXPECTED_FIELDS.filter((name) => fields[name] === undefined),
      contacts: [],
      activities: [],
      messages: [],
    };
  },
};

/**
 * HubSpot deal records: https://app.hubspot.com/contacts/<portal>/record/0-3/<dealId>
 * (also app-eu1.hubspot.com and the other app-*.hubspot.com data centres).
 * First version: the test ids seen in public automation code, then visible labels.
 */
import { mergeFields, readLabelledFields, readValue } from './label-reader';
import { EXPECTED_FIELDS, type Adapter, type FieldName, type RawReading } from './types';

const HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/;
/** 0-3 is HubSpot's object type id for deals. */
const DEAL_PATH = /^\/contacts\/(\d+)\/record\/0-3\/(\d+)(?:\/|$)/;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** Deal name in the record's highlight card (value only). */
  dealName_2025: '[data-test-id="highlight-property-display-dealname"]',
  /** Amount in the highlight card (value only). */
  amount_2025: '[data-test-id="highlight-property-display-amount"]',
  /** Stage in the highlight card: label and value together. */
  stageItem_2025: '[data-test-id="highlight-property-item-dealstage"]',
  /** Edit controls in the left property sidebar. */
  stageInput_2025: '[data-selenium-test="property-input-dealstage"]',
  closeDateInput_2025: '[data-selenium-test="property-input-closedate"]',
} as const;

function parse(url: URL): { portal: string; dealId: string } | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const match = DEAL_PATH.exec(url.pathname);
  return match ? { portal: match[1]!, dealId: match[2]! } : null;
}

/** A hook's value: the control's value when the hook is (or wraps) an edit input, else its text. */
function valueAt(doc: Document, selector: string): string | undefined {
  const el = doc.querySelector(selector);
  if (!el) return undefined;
  const control = el.matches('input, select, textarea') ? el : el.querySelector('input:not([type="hidden"]), select, textarea');
  const value = readValue(control ?? el);
  return value === '' ? undefined : value;
}

/** The hooks, strongest first; the label reader fills whatever they miss. */
function readHooks(doc: Document): Partial<Record<FieldName, string>> {
  const fields: Partial<Record<FieldName, string>> = {};
  const set = (name: FieldName, value: string | undefined) => {
    if (value !== undefined && fields[name] === undefined) fields[name] = value;
  };
  set('dealName', valueAt(doc, SELECTORS.dealName_2025));
  set('amount', valueAt(doc, SELECTORS.amount_2025));
  const stageItem = doc.querySelector(SELECTORS.stageItem_2025);
  if (stageItem) set('stage', readLabelledFields(stageItem).fields.stage || undefined);
  set('stage', valueAt(doc, SELECTORS.stageInput_2025));
  set('closeDate', valueAt(doc, SELECTORS.closeDateInput_2025));
  return fields;
}

export const hubspotAdapter: Adapter = {
  site: 'hubspot',
  exampleUrls: [
    'https://app.hubspot.com/contacts/2345678/record/0-3/9876543210',
    'https://app-eu1.hubspot.com/contacts/143236975/record/0-3/31415926535/',
    'https://app-na2.hubspot.com/contacts/44556677/record/0-3/1234/view/1',
  ],
  matches: (url) => parse(url) !== null,
  read(doc, url): RawReading | null {
    const ids = parse(url);
    if (!ids) return null;
    const fields = mergeFields(readLabelledFields(doc.body ?? doc).fields, readHooks(doc));
    const title = (fields.dealName ?? '').slice(0, 500);
    // Nothing read at all: the record has not rendered yet.
    if (!title && Object.keys(fields).length === 0) return null;
    return {
      site: 'hubspot',
      dealKey: `hubspot:${ids.portal}:${ids.dealId}`,
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

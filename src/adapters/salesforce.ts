/**
 * Salesforce Lightning Opportunity records:
 * https://<domain>.lightning.force.com/lightning/r/Opportunity/<id>/view (also *.my.salesforce.com).
 * First version: the Lightning record-layout and SLDS hooks, then visible labels.
 */
import { fieldForLabel, mergeFields, readLabelledFields, readText, readValue } from './label-reader';
import { EXPECTED_FIELDS, type Adapter, type FieldName, type RawReading } from './types';

const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:lightning\.force\.com|my\.salesforce\.com)$/;
/** 006 is the key prefix of Opportunity ids; ids are 15 (case-sensitive) or 18 characters. */
const RECORD_PATH = /^\/lightning\/r\/(?:Opportunity\/)?(006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\/view\/?$/;

/** Dated hooks: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** Record page field block; its field-label attribute names the field. */
  layoutItem_2025: 'records-record-layout-item[field-label]',
  /** The value inside a layout item or form element. */
  fieldValue_2025:
    '.test-id__field-value, lightning-formatted-date-time, lightning-formatted-text, lightning-formatted-number, lightning-formatted-rich-text, force-lookup',
  /** Value components that may hold their text in an open shadow root. */
  shadowHost_2025: 'lightning-formatted-date-time, lightning-formatted-text, lightning-formatted-number, lightning-formatted-rich-text, force-lookup',
  /** Label span of the classic record form, and the form element around label + value. */
  fieldLabel_2025: 'span.test-id__field-label',
  formElement_2025: '.slds-form-element',
  /** Highlights panel at the top: a titled label paragraph followed by the value. */
  highlightLabel_2025: 'records-highlights-details-item p.slds-text-title[title]',
  /** SLDS read-only form. */
  readonlyElement_2025: '.slds-form-element_readonly',
  readonlyLabel_2025: '.slds-form-element__label',
  readonlyValue_2025: '.slds-form-element__static',
  /** The current step of the stage path. */
  currentStage_2025: '.slds-path__item.slds-is-current .slds-path__title',
  /** Record name in the highlights header (the Opportunity Name field is the fallback). */
  recordName_2025: 'h1 lightning-formatted-text, h1 .slds-page-header__title',
} as const;

function recordId(url: URL): string | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  return RECORD_PATH.exec(url.pathname)?.[1] ?? null;
}

/**
 * Lightning Web Security may render a value inside an open shadow root, leaving the
 * host (or the value wrapper around it) empty in the light DOM.
 */
function deepText(el: Element): string {
  const text = readValue(el);
  if (text !== '') return text;
  for (const host of [el, ...el.querySelectorAll(SELECTORS.shadowHost_2025)]) {
    const shadow = host.shadowRoot;
    if (!shadow) continue;
    const control = shadow.querySelector('input:not([type="hidden"]), select, textarea');
    const inner = readText(shadow) || (control ? readValue(control) : '');
    if (inner !== '') return inner;
  }
  return '';
}

function valueIn(container: Element | null): string | undefined {
  if (!container) return undefined;
  const value = container.querySelector(SELECTORS.fieldValue_2025);
  return value ? deepText(value) : undefined;
}

function readHooks(doc: Document): Partial<Record<FieldName, string>> {
  const fields: Partial<Record<FieldName, string>> = {};
  const set = (label: string | null | undefined, value: string | undefined) => {
    const name = label ? fieldForLabel(label) : undefined;
    if (name && value !== undefined && (fields[name] === undefined || fields[name] === '')) fields[name] = value;
  };
  for (const item of doc.querySelectorAll(SELECTORS.layoutItem_2025)) {
    set(item.getAttribute('field-label'), valueIn(item));
  }
  for (const label of doc.querySelectorAll(SELECTORS.fieldLabel_2025)) {
    set(label.textContent, valueIn(label.closest(SELECTORS.formElement_2025)));
  }
  for (const label of doc.querySelectorAll(SELECTORS.highlightLabel_2025)) {
    const value = label.nextElementSibling;
    set(label.getAttribute('title'), value ? deepText(value) : undefined);
  }
  for (const element of doc.querySelectorAll(SELECTORS.readonlyElement_2025)) {
    const value = element.querySelector(SELECTORS.readonlyValue_2025);
    set(element.querySelector(SELECTORS.readonlyLabel_2025)?.textContent, value ? deepText(value) : undefined);
  }
  const stage = doc.querySelector(SELECTORS.currentStage_2025);
  if (stage) set('Stage', deepText(stage) || undefined);
  return fields;
}

export const salesforceAdapter: Adapter = {
  site: 'salesforce',
  exampleUrls: [
    'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdE/view',
    'https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000XyZabAAB/view',
  ],
  matches: (url) => recordId(url) !== null,
  read(doc, url): RawReading | null {
    const id = recordId(url);
    if (!id) return null;
    const fields = mergeFields(readLabelledFields(doc.body ?? doc).fields, readHooks(doc));
    const nameEl = doc.querySelector(SELECTORS.recordName_2025);
    const title = ((nameEl ? deepText(nameEl) : '') || fields.dealName || '').slice(0, 500);
    // Nothing read at all: the record has not rendered yet.
    if (!title && Object.keys(fields).length === 0) return null;
    return {
      site: 'salesforce',
      dealKey: `salesforce:${id}`,
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

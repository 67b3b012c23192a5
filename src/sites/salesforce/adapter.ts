/**
 * Salesforce Lightning Opportunity records:
 * https://<domain>.lightning.force.com/lightning/r/Opportunity/<id>/view (also *.my.salesforce.com).
 * Hooks: the Lightning record layout and SLDS markup, the field API names in the edit
 * ids, the related lists (Contact Roles, Competitors, field and stage history) and the
 * SLDS activity timeline; then the visible labels (the generic reader).
 */
import { FALLBACK_TIMELINE, assembleReading, column, readTable, readTimeline, setByLabel, setField, tableUnder, type Timeline } from '../../adapters/crm-parts';
import { readText, readValue } from '../../adapters/label-reader';
import type { Adapter, FieldName, RawContact, RawReading } from '../../adapters/types';

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
  /** Inline-edit wrappers named by the field's API name. */
  apiField_2025: '[data-target-selection-name^="sfdc:RecordField.Opportunity."]',
  /** Related list cards: the heading names the list, the table holds the rows. */
  relatedList_2025: 'lst-related-list-single-container, article.slds-card, article',
  /** SLDS activity timeline: one item per task, call, email or event. */
  timelineItem_2025: '.slds-timeline__item_expandable, .slds-timeline__item',
  timelineDate_2025: '.slds-timeline__date',
} as const;

/** Standard Opportunity API names -> our fields; custom fields (…__c) go by their words. */
const API_NAMES: Readonly<Record<string, FieldName>> = {
  Name: 'dealName',
  Amount: 'amount',
  StageName: 'stage',
  CloseDate: 'closeDate',
  CreatedDate: 'createDate',
  LastActivityDate: 'lastActivityDate',
  LastStageChangeDate: 'stageEnteredDate',
  NextStep: 'nextStep',
  OwnerId: 'owner',
};

function fieldOfApiName(api: string): FieldName | undefined {
  const standard = API_NAMES[api];
  if (standard || !api.endsWith('__c')) return standard;
  if (/competitor/i.test(api)) return 'competitors';
  if (/budget/i.test(api)) return 'budget';
  if (/discount/i.test(api)) return 'discount';
  if (/days_?in_?stage/i.test(api)) return 'daysInStage';
  return undefined;
}

/** SLDS timeline item classes carry the kind the visible sentence may not name. */
function timelineHint(entry: Element): string {
  const kinds = ['call', 'email', 'event', 'task'].filter((kind) => entry.classList.contains(`slds-timeline__item_${kind}`));
  return kinds.map((kind) => (kind === 'event' ? 'meeting' : kind)).join(' ');
}

/** "Contact Roles" related list: name and role columns. */
function readContactRoles(doc: Document): RawContact[] {
  const table = tableUnder(doc, SELECTORS.relatedList_2025, /^contact roles|^kontaktrollen/i);
  if (!table) return [];
  return readTable(table)
    .map((row) => ({ name: column(row, ['contact name', 'name', 'kontaktname']), role: column(row, ['role', 'rolle']) }))
    .filter((contact) => contact.name !== '');
}

/** "Competitors" related list -> one comma-separated value, as the field would show it. */
function readCompetitorList(doc: Document): string | undefined {
  const table = tableUnder(doc, SELECTORS.relatedList_2025, /^competitors|^wettbewerber/i);
  if (!table) return undefined;
  return readTable(table)
    .map((row) => column(row, ['competitor name', 'name', 'wettbewerbername']))
    .filter(Boolean)
    .join(', ');
}

/**
 * Close-date moves in the record's history: "Opportunity Field History" rows for Close
 * Date (original -> new value), else consecutive "Stage History" rows (newest first).
 */
function readHistory(doc: Document): Array<{ from: string; to: string }> {
  const changes: Array<{ from: string; to: string }> = [];
  const fieldHistory = tableUnder(doc, SELECTORS.relatedList_2025, /field history|feldverlauf/i);
  for (const row of fieldHistory ? readTable(fieldHistory) : []) {
    if (!/^(?:close date|abschlussdatum)$/i.test(column(row, ['field', 'feld']))) continue;
    const from = column(row, ['original value', 'ursprünglicher wert']);
    const to = column(row, ['new value', 'neuer wert']);
    if (from && to) changes.push({ from, to });
  }
  if (changes.length > 0) return changes;
  const stageHistory = tableUnder(doc, SELECTORS.relatedList_2025, /^stage history|^phasenverlauf/i);
  const dates = stageHistory ? readTable(stageHistory).map((row) => column(row, ['close date', 'abschlussdatum'])).filter(Boolean) : [];
  for (let i = dates.length - 1; i > 0; i--) {
    if (dates[i] !== dates[i - 1]) changes.push({ from: dates[i]!, to: dates[i - 1]! });
  }
  return changes;
}

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
  for (const item of doc.querySelectorAll(SELECTORS.layoutItem_2025)) {
    setByLabel(fields, item.getAttribute('field-label'), valueIn(item));
  }
  for (const el of doc.querySelectorAll(SELECTORS.apiField_2025)) {
    const api = (el.getAttribute('data-target-selection-name') ?? '').slice('sfdc:RecordField.Opportunity.'.length);
    setField(fields, fieldOfApiName(api), valueIn(el) ?? (deepText(el) || undefined));
  }
  for (const label of doc.querySelectorAll(SELECTORS.fieldLabel_2025)) {
    setByLabel(fields, label.textContent, valueIn(label.closest(SELECTORS.formElement_2025)));
  }
  for (const label of doc.querySelectorAll(SELECTORS.highlightLabel_2025)) {
    const value = label.nextElementSibling;
    setByLabel(fields, label.getAttribute('title'), value ? deepText(value) : undefined);
  }
  for (const element of doc.querySelectorAll(SELECTORS.readonlyElement_2025)) {
    const value = element.querySelector(SELECTORS.readonlyValue_2025);
    setByLabel(fields, element.querySelector(SELECTORS.readonlyLabel_2025)?.textContent, value ? deepText(value) : undefined);
  }
  const stage = doc.querySelector(SELECTORS.currentStage_2025);
  if (stage) setField(fields, 'stage', deepText(stage) || undefined);
  setField(fields, 'competitors', readCompetitorList(doc));
  return fields;
}

export const adapter: Adapter = {
  site: 'salesforce',
  matches: (url) => recordId(url) !== null,
  read(doc, url): RawReading | null {
    const id = recordId(url);
    if (!id) return null;
    const root = doc.body ?? doc;
    const nameEl = doc.querySelector(SELECTORS.recordName_2025);
    let timeline: Timeline = readTimeline(root, { entry: SELECTORS.timelineItem_2025, date: SELECTORS.timelineDate_2025, hint: timelineHint });
    if (timeline.activities.length === 0) timeline = { ...readTimeline(root, FALLBACK_TIMELINE), closeDateChanges: timeline.closeDateChanges };
    const history = readHistory(doc);
    if (history.length > 0) timeline = { ...timeline, closeDateChanges: [...history, ...timeline.closeDateChanges] };
    return assembleReading({
      site: 'salesforce',
      dealKey: `salesforce:${id}`,
      url,
      doc,
      root,
      labelSkip: SELECTORS.timelineItem_2025,
      hooks: readHooks(doc),
      title: nameEl ? deepText(nameEl) : '',
      contacts: readContactRoles(doc),
      timeline,
    });
  },
};

/**
 * HubSpot deal records: https://app.hubspot.com/contacts/<portal>/record/0-3/<dealId>
 * (also app-eu1.hubspot.com and the other app-*.hubspot.com data centres).
 * Hooks: the test ids seen in public automation code, which carry HubSpot's internal
 * property names; then the visible labels (the generic reader) for everything else.
 */
import { FALLBACK_TIMELINE, assembleReading, readContactCards, readTimeline, setField, timelineUnderHeading } from '../../adapters/crm-parts';
import { readLabelledFields, readValue } from '../../adapters/label-reader';
import type { Adapter, FieldName, RawReading } from '../../adapters/types';

const HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/;
/** 0-3 is HubSpot's object type id for deals. */
const DEAL_PATH = /^\/contacts\/(\d+)\/record\/0-3\/(\d+)(?:\/|$)/;

/** Dated hooks, newest first: a redesign adds a newer line above the old one instead of replacing it. */
const SELECTORS = {
  /** Highlight card items: `highlight-property-item-<property>`, the value in `...-display-<property>`. */
  highlightItem_2025: '[data-test-id^="highlight-property-item-"]',
  highlightDisplay_2025: '[data-test-id^="highlight-property-display-"]',
  /** Edit controls in the left property sidebar: `property-input-<property>`. */
  propertyInput_2025: '[data-selenium-test^="property-input-"]',
  /** Associated contacts card (our reading of the 2026 layout: association labels as tags). */
  contactCard_2026_11: '[data-test-id="association-card-contact"]',
  contactName_2026_11: '[data-test-id="association-card-title"]',
  contactLabel_2026_11: '[data-test-id="association-label"]',
  /** Activity timeline entries and their timestamps (our reading of the 2026 layout). */
  timelineEntry_2026_11: '[data-test-id="timeline-engagement"]',
  timelineDate_2026_11: '[data-test-id="timeline-timestamp"]',
  /** Older timeline: a list under the "Activity" heading. */
  timelineHeading_2025: /^(?:activity|activities|aktivitäten)$/i,
  contactsHeading_2025: /^contacts(?: \(\d+\))?$/i,
} as const;

/** HubSpot's internal property names (they appear in the test ids) -> our fields. */
const PROPERTIES: Readonly<Record<string, FieldName>> = {
  dealname: 'dealName',
  amount: 'amount',
  dealstage: 'stage',
  pipeline: 'pipeline',
  closedate: 'closeDate',
  createdate: 'createDate',
  hs_v2_date_entered_current_stage: 'stageEnteredDate',
  hs_v2_time_in_current_stage: 'daysInStage',
  notes_last_updated: 'lastActivityDate',
  notes_last_contacted: 'lastActivityDate',
  hs_next_step: 'nextStep',
  hubspot_owner_id: 'owner',
};

function parse(url: URL): { portal: string; dealId: string } | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const match = DEAL_PATH.exec(url.pathname);
  return match ? { portal: match[1]!, dealId: match[2]! } : null;
}

/** A hook's value: the control's value when the hook is (or wraps) an edit input, else its text. */
function valueOf(el: Element): string {
  const control = el.matches('input, select, textarea') ? el : el.querySelector('input:not([type="hidden"]), select, textarea');
  return readValue(control ?? el);
}

function suffix(el: Element, attribute: string, prefix: string): string {
  return (el.getAttribute(attribute) ?? '').slice(prefix.length);
}

/** The hooks, strongest first; the label reader fills whatever they miss. */
function readHooks(doc: Document): Partial<Record<FieldName, string>> {
  const fields: Partial<Record<FieldName, string>> = {};
  for (const el of doc.querySelectorAll(SELECTORS.highlightDisplay_2025)) {
    setField(fields, PROPERTIES[suffix(el, 'data-test-id', 'highlight-property-display-')], valueOf(el) || undefined);
  }
  for (const item of doc.querySelectorAll(SELECTORS.highlightItem_2025)) {
    const name = PROPERTIES[suffix(item, 'data-test-id', 'highlight-property-item-')];
    // Label and value together in one item: the label reader splits them.
    if (name) setField(fields, name, readLabelledFields(item).fields[name] || undefined);
  }
  for (const input of doc.querySelectorAll(SELECTORS.propertyInput_2025)) {
    setField(fields, PROPERTIES[suffix(input, 'data-selenium-test', 'property-input-')], valueOf(input) || undefined);
  }
  return fields;
}

export const adapter: Adapter = {
  site: 'hubspot',
  matches: (url) => parse(url) !== null,
  read(doc, url): RawReading | null {
    const ids = parse(url);
    if (!ids) return null;
    const root = doc.body ?? doc;
    let contacts = readContactCards(root.querySelectorAll(SELECTORS.contactCard_2026_11), {
      name: SELECTORS.contactName_2026_11,
      role: SELECTORS.contactLabel_2026_11,
    });
    // Older card: one list item per contact, the name a link, the association label in a tag.
    if (contacts.length === 0) contacts = readContactCards(timelineUnderHeading(root, SELECTORS.contactsHeading_2025), { name: 'a', role: 'small' });
    let timeline = readTimeline(root, { entry: SELECTORS.timelineEntry_2026_11, date: SELECTORS.timelineDate_2026_11 });
    if (timeline.activities.length === 0 && timeline.closeDateChanges.length === 0) {
      const older = timelineUnderHeading(root, SELECTORS.timelineHeading_2025);
      timeline = readTimeline(root, FALLBACK_TIMELINE, older.length > 0 ? older : undefined);
    }
    const hooks = readHooks(doc);
    return assembleReading({
      site: 'hubspot',
      dealKey: `hubspot:${ids.portal}:${ids.dealId}`,
      url,
      doc,
      root,
      labelSkip: SELECTORS.timelineEntry_2026_11,
      hooks,
      title: hooks.dealName ?? '',
      contacts,
      timeline,
    });
  },
};

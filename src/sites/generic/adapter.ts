/**
 * Any other CRM the rep allowed (an optional host permission granted from the options
 * page): the content script only runs on such origins, besides the known sites, so
 * this adapter takes every https page that is not a known site's. It reads labelled
 * fields (the generic reader) plus the field-name attributes of the open-source CRMs
 * whose templates are public (SuiteCRM 7, EspoCRM, Odoo), and only calls a page a
 * deal when it shows at least two deal fields with values.
 */
import { FALLBACK_TIMELINE, assembleReading, fieldsByName, readTimeline, setField, timelineUnderHeading } from '../../adapters/crm-parts';
import { mergeFields, readText, readValue } from '../../adapters/label-reader';
import type { Adapter, FieldName, RawReading } from '../../adapters/types';
import { genericKeyOf as keyOf } from './urls';

/** Dated hooks, newest first. */
const SELECTORS = {
  /** SuiteCRM 7 detail view: `div.detail-view-field[field="sales_stage"]`. */
  suiteField_2025: '[field]',
  /** EspoCRM record view: `div.field[data-name="stage"]`. */
  espoField_2025: '.field[data-name]',
  /** Odoo form view: `div.o_field_widget[name="expected_revenue"]`, current stage in the status bar. */
  odooField_2025: '.o_field_widget[name]',
  odooStage_2025: '.o_statusbar_status button[aria-checked="true"]',
  /** The record's name heading. */
  title_2025: '.oe_title h1, h2.record-title, .moduleTitle h2, h1',
} as const;

/** Internal field names of the three CRMs' opportunity / lead records. */
const NAMES: Readonly<Record<string, FieldName>> = {
  // SuiteCRM 7
  name: 'dealName',
  amount: 'amount',
  sales_stage: 'stage',
  date_closed: 'closeDate',
  date_entered: 'createDate',
  next_step: 'nextStep',
  assigned_user_name: 'owner',
  // EspoCRM
  stage: 'stage',
  closeDate: 'closeDate',
  createdAt: 'createDate',
  assignedUser: 'owner',
  // Odoo
  expected_revenue: 'amount',
  stage_id: 'stage',
  date_deadline: 'closeDate',
  create_date: 'createDate',
  date_last_stage_update: 'stageEnteredDate',
  user_id: 'owner',
};

const DEAL_FIELDS: readonly FieldName[] = ['stage', 'closeDate', 'amount', 'pipeline', 'nextStep', 'daysInStage'];
const HISTORY_HEADING = /^(?:history|activities|activity|activity stream|stream|chatter|verlauf|aktivitäten)$/i;

function readHooks(doc: Document): Partial<Record<FieldName, string>> {
  const fields = mergeFields(
    fieldsByName(doc, SELECTORS.odooField_2025, 'name', NAMES, readValue),
    mergeFields(fieldsByName(doc, SELECTORS.espoField_2025, 'data-name', NAMES, readValue), fieldsByName(doc, SELECTORS.suiteField_2025, 'field', NAMES, readValue)),
  );
  const odooStage = doc.querySelector(SELECTORS.odooStage_2025);
  if (odooStage) setField(fields, 'stage', readText(odooStage, { max: 200 }) || undefined);
  return fields;
}

export const adapter: Adapter = {
  site: 'generic',
  matches: (url) => keyOf(url) !== null,
  read(doc, url): RawReading | null {
    const dealKey = keyOf(url);
    if (!dealKey) return null;
    const root = doc.body ?? doc;
    const heading = doc.querySelector(SELECTORS.title_2025);
    const history = timelineUnderHeading(root, HISTORY_HEADING);
    const reading = assembleReading({
      site: 'generic',
      dealKey,
      url,
      doc,
      root,
      hooks: readHooks(doc),
      title: heading ? readText(heading, { max: 500 }) : '',
      timeline: readTimeline(root, { ...FALLBACK_TIMELINE, date: 'time, .date, [title]' }, history.length > 0 ? history : undefined),
    });
    // A list view, a dashboard, a login page: not a deal record.
    if (!reading || DEAL_FIELDS.filter((name) => (reading.fields[name] ?? '').trim() !== '').length < 2) return null;
    return reading;
  },
};

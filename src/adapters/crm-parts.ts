/**
 * Pieces every CRM adapter shares: timeline entries -> activities, close-date changes in
 * a history, related-list tables read by their column headers, and the reading itself.
 * Only text and light classification here: dates and amounts are parsed in the worker.
 */
import { fieldForLabel, readLabelledFields, readText, cleanValue, mergeFields } from './label-reader';
import { EXPECTED_FIELDS, type ActivityKind, type Direction, type FieldName, type RawActivity, type RawContact, type RawReading } from './types';
import type { SiteId } from '../checklist/settings';

/** A page can hold thousands of timeline entries: the newest few hundred are plenty. */
export const MAX_ACTIVITIES = 400;
const MAX_ENTRY_CHARS = 600;

const KINDS: ReadonlyArray<readonly [RegExp, ActivityKind]> = [
  [/\b(?:call|called|phone call|anruf|telefonat)\b/i, 'call'],
  [/\b(?:meeting|event|besprechung|termin)\b/i, 'meeting'],
  [/\b(?:e-?mail|email)\b/i, 'email'],
  [/\b(?:note|task|notiz|aufgabe)\b/i, 'note'],
];

const THEIRS = /\b(?:received|inbound|incoming|replied|reply from|sent you|eingehend|empfangen)\b/i;
const OURS = /\b(?:sent|outbound|outgoing|logged|ausgehend|gesendet)\b/i;

/** Outcomes as CRMs word them, normalised to the four the checklist cares about (kept as shown). */
const OUTCOMES: readonly RegExp[] = [
  /\bno answer\b|\bkeine antwort\b|\bnicht erreicht\b|\bbusy\b|\bbesetzt\b/i,
  /\bleft (?:a )?(?:voicemail|voice mail|live message)\b|\bmailbox\b|\bvoicemail\b/i,
  /\bconnected\b|\bverbunden\b|\berreicht\b/i,
  /\breplied\b|\bgeantwortet\b/i,
  /\bheld\b|\bcompleted\b|\bno[- ]show\b|\bcancel(?:l)?ed\b|\bbounced\b|\bopened\b/i,
];

/**
 * "Logged call · Outcome: No answer", "Email received from Pat", "Meeting held" ->
 * kind, direction, outcome. Null for entries that are no touch (stage changes, notes about files).
 */
export function classifyActivity(text: string): { kind: ActivityKind; direction: Direction; outcome: string } | null {
  const kind = KINDS.find(([pattern]) => pattern.test(text))?.[1];
  if (!kind) return null;
  let direction: Direction;
  if (kind === 'note') direction = 'unknown';
  else if (THEIRS.test(text)) direction = 'theirs';
  else direction = OURS.test(text) || kind === 'call' || kind === 'meeting' ? 'ours' : 'unknown';
  let outcome = '';
  for (const pattern of OUTCOMES) {
    const match = pattern.exec(text);
    if (match) {
      outcome = match[0];
      break;
    }
  }
  // An inbound reply is the outcome "replied" even when the entry doesn't say so.
  if (!outcome && kind === 'email' && direction === 'theirs') outcome = 'replied';
  return { kind, direction, outcome };
}

/** A date as CRMs print it: 9/17/2026, 17.09.2026, 2026-09-17, Sep 17, 2026, 17 Sep 2026. */
const DATE_TEXT = String.raw`(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2}\.? \p{L}{3,9}\.? \d{4})`;
const CLOSE_DATE_CHANGE = new RegExp(
  String.raw`(?:close date|closing date|expected close date|abschlussdatum)\D{0,40}?(?:from|von)\s+${DATE_TEXT}\s+(?:to|auf|zu|nach|→|->)\s+${DATE_TEXT}`,
  'iu',
);

/** "Close date changed from Sep 17, 2026 to Oct 30, 2026" -> the two dates as shown. */
export function closeDateChangeIn(text: string): { from: string; to: string } | null {
  const match = CLOSE_DATE_CHANGE.exec(text.replace(/\s+/g, ' '));
  return match ? { from: match[1]!.trim(), to: match[2]!.trim() } : null;
}

export interface TimelineHooks {
  /** One element per timeline entry. */
  entry: string;
  /** The entry's date: a <time datetime> is preferred, else this element's title or text. */
  date: string;
  /** Words the markup says about the entry and its text doesn't (an icon class: "call"). */
  hint?: (entry: Element) => string;
}

export interface Timeline {
  activities: RawActivity[];
  closeDateChanges: Array<{ from: string; to: string }>;
}

function entryDate(entry: Element, dateSelector: string): string {
  const time = entry.querySelector('time[datetime]');
  const iso = time?.getAttribute('datetime');
  if (iso) return cleanValue(iso).slice(0, 200);
  const el = entry.querySelector(dateSelector);
  return el ? cleanValue(el.getAttribute('title') || readText(el, { max: 200 })).slice(0, 200) : '';
}

/**
 * Reads a timeline: touches with their dates, and close-date changes the history shows.
 * `entries` replaces the entry selector when given (entries found another way).
 */
export function readTimeline(root: ParentNode, hooks: TimelineHooks, entries?: Iterable<Element>): Timeline {
  const activities: RawActivity[] = [];
  const closeDateChanges: Array<{ from: string; to: string }> = [];
  for (const entry of entries ?? root.querySelectorAll(hooks.entry)) {
    // Nested entries (a thread inside an entry) are read once, as their own entries.
    if (!entries && entry.parentElement?.closest(hooks.entry)) continue;
    const text = readText(entry, { max: MAX_ENTRY_CHARS });
    const change = closeDateChangeIn(text);
    if (change) {
      if (closeDateChanges.length < 500) closeDateChanges.push(change);
      continue;
    }
    if (activities.length >= MAX_ACTIVITIES) continue;
    const kind = classifyActivity(hooks.hint ? `${hooks.hint(entry)} ${text}` : text);
    const date = entryDate(entry, hooks.date);
    if (kind && date) activities.push({ ...kind, date, outcome: kind.outcome.slice(0, 200) });
  }
  return { activities, closeDateChanges };
}

/** A table's rows keyed by lower-cased column header ("name", "role"). */
export function readTable(table: Element): Array<Record<string, string>> {
  const headers = [...table.querySelectorAll('thead th, thead td, tr:first-child th')].map((th) => cleanValue(th.textContent ?? '').toLowerCase());
  const rows: Array<Record<string, string>> = [];
  for (const tr of table.querySelectorAll('tbody tr')) {
    const cells = [...tr.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
    if (cells.length === 0 || tr.querySelector('th[scope="col"]')) continue;
    const row: Record<string, string> = {};
    cells.forEach((cell, index) => {
      const header = headers[index];
      if (header) row[header] = readText(cell, { max: 300 });
    });
    rows.push(row);
  }
  return rows.slice(0, 500);
}

/** First value among the given column names (headers vary: "Name", "Contact Name"). */
export function column(row: Record<string, string>, names: readonly string[]): string {
  for (const name of names) {
    const value = row[name];
    if (value !== undefined) return value;
  }
  return '';
}

/** The table of a related list / card whose heading matches, e.g. /^contact roles/i. */
export function tableUnder(root: ParentNode, containers: string, heading: RegExp): Element | null {
  for (const container of root.querySelectorAll(containers)) {
    const title = container.querySelector('h1, h2, h3, h4, [role="heading"]');
    if (title && heading.test(cleanValue(title.textContent ?? ''))) return container.querySelector('table');
  }
  return null;
}

/**
 * Entries of a list under a heading ("Activity", "History"): the fallback when a site's
 * own timeline hooks are gone. Also reads an ARIA feed, the standard markup for timelines.
 */
export const FALLBACK_TIMELINE: TimelineHooks = {
  entry: '[role="feed"] [role="article"]',
  date: 'time, [title]',
};

/** List items under a heading matching `heading`, for readTimeline's `entries`. */
export function timelineUnderHeading(root: ParentNode, heading: RegExp): Element[] {
  for (const title of root.querySelectorAll('h2, h3, h4, [role="heading"]')) {
    if (!heading.test(cleanValue(title.textContent ?? ''))) continue;
    const section = title.closest('section, article, aside') ?? title.parentElement;
    if (section) return [...section.querySelectorAll('li')];
  }
  return [];
}

/** Contacts as shown in cards (or list items): a name element and role elements in each. */
export function readContactCards(cards: Iterable<Element>, hooks: { name: string; role: string }): RawContact[] {
  const contacts: RawContact[] = [];
  for (const card of cards) {
    const name = cleanValue(card.querySelector(hooks.name)?.textContent ?? '').slice(0, 300);
    if (!name || contacts.length >= 500) continue;
    const role = [...card.querySelectorAll(hooks.role)].map((el) => cleanValue(el.textContent ?? '')).filter(Boolean).join(', ').slice(0, 300);
    contacts.push({ name, role });
  }
  return contacts;
}

/** Fields named by an attribute that holds the CRM's internal field name (SuiteCRM field=, EspoCRM data-name=...). */
export function fieldsByName(
  root: ParentNode,
  selector: string,
  attribute: string,
  names: Readonly<Record<string, FieldName>>,
  valueOf: (el: Element) => string,
): Partial<Record<FieldName, string>> {
  const fields: Partial<Record<FieldName, string>> = {};
  for (const el of root.querySelectorAll(selector)) {
    const name = names[el.getAttribute(attribute) ?? ''];
    if (name && !fields[name]) fields[name] = valueOf(el);
  }
  return fields;
}

/** Adds a hook value unless a stronger (earlier) hook already gave one. */
export function setField(fields: Partial<Record<FieldName, string>>, name: FieldName | undefined, value: string | null | undefined): void {
  if (name && value != null && (fields[name] === undefined || fields[name] === '')) fields[name] = value;
}

/** setField by a visible label ("Close Date") rather than a field name. */
export function setByLabel(fields: Partial<Record<FieldName, string>>, label: string | null | undefined, value: string | null | undefined): void {
  setField(fields, label ? fieldForLabel(label) : undefined, value);
}

export interface ReadingParts {
  site: SiteId;
  dealKey: string;
  url: URL;
  doc: Document;
  /** Where the record is (the labels are read only there). */
  root: ParentNode;
  /** The site's timeline entries (a selector): history, left out of the label walk. */
  labelSkip?: string;
  hooks: Partial<Record<FieldName, string>>;
  title?: string;
  contacts?: RawContact[];
  timeline?: Timeline;
}

/**
 * The site's hooks over the generic label reader (the last fallback), and the reading.
 * Null when nothing at all was read: the record has not rendered yet.
 */
export function assembleReading(parts: ReadingParts): RawReading | null {
  const fields = mergeFields(readLabelledFields(parts.root, parts.labelSkip ? { skip: parts.labelSkip } : {}).fields, parts.hooks);
  const title = (parts.title || fields.dealName || '').slice(0, 500);
  if (!title && Object.keys(fields).length === 0) return null;
  const reading: RawReading = {
    site: parts.site,
    dealKey: parts.dealKey,
    url: parts.url.href,
    locale: parts.doc.documentElement.lang,
    title,
    fields,
    missing: EXPECTED_FIELDS.filter((name) => fields[name] === undefined),
    contacts: parts.contacts ?? [],
    activities: parts.timeline?.activities ?? [],
    messages: [],
  };
  if (parts.timeline && parts.timeline.closeDateChanges.length > 0) reading.closeDateChanges = parts.timeline.closeDateChanges;
  return reading;
}

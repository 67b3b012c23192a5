/**
 * What an adapter reads off a page: raw visible text only. Parsing (dates, money,
 * roles) happens in the background worker so the content script stays small.
 */
import type { SiteId } from '../sites';

/** The deal fields every adapter looks for, by their usual visible labels. */
export const FIELD_NAMES = [
  'dealName',
  'amount',
  'stage',
  'pipeline',
  'closeDate',
  'createDate',
  'daysInStage',
  'stageEnteredDate',
  'lastActivityDate',
  'nextStep',
  'owner',
  'competitors',
  'budget',
  'discount',
  'segment',
  'companySize',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Fields without which the checklist can't be judged well: reported as "couldn't read X" when absent. */
export const EXPECTED_FIELDS: readonly FieldName[] = ['stage', 'closeDate', 'amount', 'lastActivityDate', 'competitors', 'budget', 'nextStep'];

export interface RawContact {
  name: string;
  /** Role text as shown ("Decision maker", "Economic buyer", "Champion"...). Empty when none. */
  role: string;
  email?: string;
}

export type ActivityKind = 'email' | 'call' | 'meeting' | 'note';
export type Direction = 'ours' | 'theirs' | 'unknown';

export interface RawActivity {
  kind: ActivityKind;
  direction: Direction;
  /** Date as shown on the page (any locale); parsed in the background. */
  date: string;
  /** Outcome as shown ("No answer", "Left voicemail", "Connected", "Replied"). */
  outcome: string;
}

export interface RawMessage {
  fromEmail: string;
  fromName: string;
  toEmails: string[];
  /** Full date as shown (title attribute / heading), not the relative text. */
  date: string;
  /** Body text of the new part only; empty for collapsed messages. Never stored. */
  body: string;
  /** Some sites tell the direction themselves; otherwise the worker decides from ownEmails. */
  direction: Direction;
}

export interface RawReading {
  site: SiteId;
  /** `<site>:<id...>` (SPEC section 2). */
  dealKey: string;
  url: string;
  /** document.documentElement.lang, to read dates and amounts in the page's locale. */
  locale: string;
  title: string;
  fields: Partial<Record<FieldName, string>>;
  /** Fields the adapter looked for and could not find. */
  missing: FieldName[];
  contacts: RawContact[];
  activities: RawActivity[];
  messages: RawMessage[];
  /** The signed-in account's address when the page shows it (mail sites). */
  accountEmail?: string;
  /**
   * Close-date changes the CRM's own history shows ("Close date changed from X to Y"),
   * dates as shown; parsed in the worker and counted toward `stalled`.
   */
  closeDateChanges?: Array<{ from: string; to: string }>;
}

export interface Adapter {
  site: SiteId;
  /** Pure URL predicate. */
  matches(url: URL): boolean;
  /**
   * Reads the page. Returns null when the page is not (yet) a deal record.
   * Must never throw into the host page: the caller guards, but adapters should not rely on it.
   */
  read(doc: Document, url: URL): RawReading | null;
  /**
   * Pages with messages: the one list both `read` (its `messages`) and reveal (the element
   * to scroll to) take, so evidence's messageIndex always points at the message it quotes.
   */
  messages?(doc: Document, url: URL): MessageList;
}

/** A page's messages, one for one with the elements they were read from, in page order. */
export interface MessageList {
  elements: Element[];
  messages: RawMessage[];
}

/** The containers that read as a message (`read` returns null for the others), with their readings. */
export function messageList(containers: Iterable<Element>, read: (container: Element) => RawMessage | null): MessageList {
  const list: MessageList = { elements: [], messages: [] };
  for (const container of containers) {
    const message = read(container);
    if (!message) continue;
    list.elements.push(container);
    list.messages.push(message);
  }
  return list;
}

/** How each field is named to the rep ("couldn't read Close date"). */
export const FIELD_LABELS: Record<FieldName, string> = {
  dealName: 'Deal name',
  amount: 'Amount',
  stage: 'Stage',
  pipeline: 'Pipeline',
  closeDate: 'Close date',
  createDate: 'Create date',
  daysInStage: 'Days in stage',
  stageEnteredDate: 'Stage entered date',
  lastActivityDate: 'Last activity date',
  nextStep: 'Next step',
  owner: 'Owner',
  competitors: 'Competitors',
  budget: 'Budget',
  discount: 'Discount',
  segment: 'Segment',
  companySize: 'Company size',
};

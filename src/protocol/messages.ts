/**
 * The one protocol between the content script, the background worker and the extension
 * pages. Every message is a member of a discriminated union on `type`, named by direction
 * (`page/*` content -> worker, `ui/*` popup/options/pipeline -> worker, `badge/*` worker ->
 * content), and every request type maps to its reply type (PageReplies, UiReplies): the
 * worker's handler table and the one UI client are typed by these maps. Each side validates
 * what arrives with these schemas before acting on it: a page can't post into runtime
 * messaging, but a compromised or confused sender must still only ever get a refusal.
 */
import * as v from 'valibot';
import { FIELD_NAMES } from '../adapters/types';
import { SITE_IDS } from '../checklist/settings';
import type { FieldErrors } from '../checklist/validate';
import { DealKeySchema, EvidenceSchema, EvidenceSourceSchema, ItemIdSchema, MessageIndexSchema, VerdictSchema } from '../contract/assessment';
import { PageDiagnosticSchema, type DiagnosticRecord } from '../contract/diagnostics';
import type { ExportFile, ImportSummary, PipelinePage, SettingsView, TabDealView } from './views';

export { lastBadgeKey } from './keys';

const MAX_TEXT = 20_000;
/** The largest import file accepted (characters of JSON). */
export const IMPORT_MAX_CHARS = 50_000_000;
const text = (max = 2_000) => v.pipe(v.string(), v.maxLength(max));
const DIRECTION = v.picklist(['ours', 'theirs', 'unknown']);
const TAB_ID = v.pipe(v.number(), v.integer(), v.minValue(0));

export const RawReadingSchema = v.object({
  site: v.picklist(SITE_IDS),
  dealKey: DealKeySchema,
  url: text(4_000),
  locale: text(40),
  title: text(500),
  fields: v.record(v.picklist(FIELD_NAMES), text()),
  missing: v.pipe(v.array(v.picklist(FIELD_NAMES)), v.maxLength(FIELD_NAMES.length)),
  contacts: v.pipe(v.array(v.object({ name: text(300), role: text(300), email: v.optional(text(320)) })), v.maxLength(500)),
  activities: v.pipe(
    v.array(v.object({ kind: v.picklist(['email', 'call', 'meeting', 'note']), direction: DIRECTION, date: text(200), outcome: text(200) })),
    v.maxLength(5_000),
  ),
  messages: v.pipe(
    v.array(
      v.object({
        fromEmail: text(320),
        fromName: text(300),
        toEmails: v.pipe(v.array(text(320)), v.maxLength(200)),
        date: text(200),
        body: text(MAX_TEXT),
        direction: DIRECTION,
      }),
    ),
    v.maxLength(1_000),
  ),
  accountEmail: v.optional(text(320)),
  closeDateChanges: v.optional(v.pipe(v.array(v.object({ from: text(200), to: text(200) })), v.maxLength(500))),
});

export const BadgeStateSchema = v.object({
  dealKey: DealKeySchema,
  title: text(500),
  verdict: VerdictSchema,
  flags: v.array(ItemIdSchema),
  flagged: v.array(v.object({ itemId: ItemIdSchema, title: text(200), evidence: v.array(EvidenceSchema), reason: text(500) })),
  unknownReasons: v.array(text(300)),
  /** Set when the reading could not be stored (storage full): the badge shows it. */
  warning: v.optional(text(300)),
});
export type BadgeState = v.InferOutput<typeof BadgeStateSchema>;

/** worker -> content: the successful answer to `page/reading` (null: the site is switched off). */
export const ReadingReplySchema = v.object({ ok: v.literal(true), value: v.nullable(BadgeStateSchema) });

/** content -> worker */
export const PageMessageSchema = v.variant('type', [
  // Sent as the content script starts, after the page's load event: a stopped worker starts
  // while the page is read (src/content/boot.ts). Carries nothing.
  v.strictObject({ type: v.literal('page/wake') }),
  // visitId: random per page view, so re-reads of the same view update one snapshot.
  v.object({ type: v.literal('page/reading'), visitId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)), reading: RawReadingSchema }),
  v.object({ type: v.literal('page/no-deal'), url: text(4_000), reason: text(300) }),
  v.object({ type: v.literal('page/time-spent'), dealKey: DealKeySchema, ms: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000)) }),
  // A failure the content script caught: our code and frames only (src/contract/diagnostics.ts).
  PageDiagnosticSchema,
]);

/** popup/options/pipeline -> worker */
export const UiMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ui/diagnostics') }),
  v.object({ type: v.literal('ui/tab-deal'), tabId: TAB_ID }),
  v.object({
    type: v.literal('ui/set-answer'),
    dealKey: DealKeySchema,
    itemId: ItemIdSchema,
    answer: v.picklist(['auto', 'flagged', 'clear']),
    note: text(500),
  }),
  v.object({ type: v.literal('ui/get-settings') }),
  // The payload is validated in depth by the settings validator (field-level messages).
  v.object({ type: v.literal('ui/save-settings'), settings: v.unknown(), checklist: v.unknown() }),
  v.object({
    type: v.literal('ui/pipeline'),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
    verdict: v.nullable(VerdictSchema),
  }),
  // Data: the import file is validated whole by src/background/data.ts before anything changes.
  v.object({ type: v.literal('ui/export') }),
  v.object({ type: v.literal('ui/import'), text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)) }),
  // The options page asks the rep first; the literal makes an accidental erase message impossible.
  v.object({ type: v.literal('ui/erase'), confirm: v.literal('erase-everything') }),
  // Popup: show the message an evidence quote came from, in the tab that shows its thread
  // (`tabId`, the popup's own tab, is preferred when it shows it).
  v.object({ type: v.literal('ui/reveal-evidence'), tabId: TAB_ID, source: EvidenceSourceSchema }),
]);

/** worker -> content */
export const BadgeMessageSchema = v.variant('type', [
  v.object({ type: v.literal('badge/state'), state: BadgeStateSchema }),
  v.object({ type: v.literal('badge/reveal'), dealKey: DealKeySchema, messageIndex: MessageIndexSchema }),
]);

export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type UiMessage = v.InferOutput<typeof UiMessageSchema>;
export type WorkerToPage = v.InferOutput<typeof BadgeMessageSchema>;
/** worker -> content: the badge state (the usual message). */
export type BadgeMessage = Extract<WorkerToPage, { type: 'badge/state' }>;
/** worker -> content: scroll to a message of the thread. */
export type BadgeRevealMessage = Extract<WorkerToPage, { type: 'badge/reveal' }>;

/** Every reply from the worker: a result, or a refusal with its reason (and, for settings, each field's). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** What the worker answers to each page message. */
export interface PageReplies {
  'page/wake': null;
  'page/reading': BadgeState | null;
  'page/no-deal': null;
  'page/time-spent': null;
  'page/diagnostic': null;
}

/** What the worker answers to each UI message. */
export interface UiReplies {
  'ui/diagnostics': DiagnosticRecord[];
  'ui/tab-deal': TabDealView;
  'ui/set-answer': TabDealView;
  'ui/get-settings': SettingsView;
  'ui/save-settings': SettingsView;
  'ui/pipeline': PipelinePage;
  'ui/export': ExportFile;
  'ui/import': ImportSummary;
  'ui/erase': null;
  /** Whether a tab showed the thread and was asked to show the message. */
  'ui/reveal-evidence': boolean;
}

export type UiType = UiMessage['type'];
export type UiRequest<K extends UiType> = Extract<UiMessage, { type: K }>;
export type PageType = PageMessage['type'];
export type PageRequest<K extends PageType> = Extract<PageMessage, { type: K }>;

// Compile-time guard: every message type has exactly one reply type.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_MESSAGE_HAS_A_REPLY: [Exact<UiType, keyof UiReplies>, Exact<PageType, keyof PageReplies>] = [true, true];

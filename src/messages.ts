/**
 * The one protocol between the content script, the background worker and the
 * extension pages. Every message is a member of a discriminated union on `type`,
 * named by direction (`page/*` content -> worker, `ui/*` popup/options -> worker,
 * `badge/*` worker -> content). Each side validates what arrives with these schemas
 * before acting on it: a page can't post into runtime messaging, but a compromised or
 * confused sender must still only ever get a refusal.
 */
import { PageDiagnosticSchema } from './storage/diagnostics';
import * as v from 'valibot';
import { FIELD_NAMES } from './adapters/types';
import { SITE_IDS } from './checklist/settings';

const MAX_TEXT = 20_000;
/** The largest import file accepted (characters of JSON). */
export const IMPORT_MAX_CHARS = 50_000_000;
const text = (max = 2_000) => v.pipe(v.string(), v.maxLength(max));
const ITEM_ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
const DEAL_KEY = v.pipe(v.string(), v.minLength(3), v.maxLength(300), v.regex(/^[a-z]+:\S+$/));
const DIRECTION = v.picklist(['ours', 'theirs', 'unknown']);

export const RawReadingSchema = v.object({
  site: v.picklist(SITE_IDS),
  dealKey: DEAL_KEY,
  url: text(4_000),
  locale: text(40),
  title: text(500),
  fields: v.record(v.picklist(FIELD_NAMES), text()),
  missing: v.pipe(v.array(v.picklist(FIELD_NAMES)), v.maxLength(FIELD_NAMES.length)),
  contacts: v.pipe(
    v.array(v.object({ name: text(300), role: text(300), email: v.optional(text(320)) })),
    v.maxLength(500),
  ),
  activities: v.pipe(
    v.array(
      v.object({
        kind: v.picklist(['email', 'call', 'meeting', 'note']),
        direction: DIRECTION,
        date: text(200),
        outcome: text(200),
      }),
    ),
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

const EvidenceSchema = v.object({
  quote: text(200),
  where: text(300),
  messageIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
});

export const BadgeStateSchema = v.object({
  dealKey: DEAL_KEY,
  title: text(500),
  verdict: v.picklist(['pursue', 'caution', 'walk-away', 'unknown']),
  flags: v.array(ITEM_ID),
  flagged: v.array(v.object({ itemId: ITEM_ID, title: text(200), evidence: v.array(EvidenceSchema), reason: text(500) })),
  unknownReasons: v.array(text(300)),
  /** Set when the reading could not be stored (storage full): the badge shows it. */
  warning: v.optional(text(300)),
});
export type BadgeState = v.InferOutput<typeof BadgeStateSchema>;

/** worker -> content: the successful answer to `page/reading` (null: the site is switched off). */
export const ReadingReplySchema = v.object({ ok: v.literal(true), value: v.nullable(BadgeStateSchema) });

/**
 * Where the worker keeps each deal's last badge in storage.local (the one piece of the
 * protocol that is read rather than sent): the content script validates it like a message.
 */
export const lastBadgeKey = (dealKey: string): string => `last-badge:${dealKey}`;

/** content -> worker */
export const PageMessageSchema = v.variant('type', [
  // Sent as the content script starts, after the page's load event: a stopped worker starts
  // while the page is read (src/content/boot.ts). Carries nothing.
  v.strictObject({ type: v.literal('page/wake') }),
  // visitId: random per page view, so re-reads of the same view update one snapshot.
  v.object({ type: v.literal('page/reading'), visitId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)), reading: RawReadingSchema }),
  v.object({ type: v.literal('page/no-deal'), url: text(4_000), reason: text(300) }),
  v.object({ type: v.literal('page/time-spent'), dealKey: DEAL_KEY, ms: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000)) }),
  // A failure the content script caught: our code and frames only (src/storage/diagnostics.ts).
  PageDiagnosticSchema,
]);

/** popup/options -> worker */
export const UiMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ui/diagnostics') }),
  v.object({ type: v.literal('ui/tab-deal'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({
    type: v.literal('ui/set-answer'),
    dealKey: DEAL_KEY,
    itemId: ITEM_ID,
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
    verdict: v.nullable(v.picklist(['pursue', 'caution', 'walk-away', 'unknown'])),
  }),
  // Data: the import file is validated whole by src/background/data.ts before anything changes.
  v.object({ type: v.literal('ui/export') }),
  v.object({ type: v.literal('ui/import'), text: v.pipe(v.string(), v.maxLength(IMPORT_MAX_CHARS)) }),
  // The options page asks the rep first; the literal makes an accidental erase message impossible.
  v.object({ type: v.literal('ui/erase'), confirm: v.literal('erase-everything') }),
  // Popup: scroll the thread in that tab to the message an evidence quote came from.
  v.object({
    type: v.literal('ui/reveal-evidence'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    dealKey: DEAL_KEY,
    messageIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  }),
]);

/** worker -> content */
export const BadgeMessageSchema = v.variant('type', [
  v.object({ type: v.literal('badge/state'), state: BadgeStateSchema }),
  v.object({ type: v.literal('badge/reveal'), dealKey: DEAL_KEY, messageIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)) }),
]);

export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type UiMessage = v.InferOutput<typeof UiMessageSchema>;
/** worker -> content: the badge state (the usual message). */
export type BadgeMessage = Extract<v.InferOutput<typeof BadgeMessageSchema>, { type: 'badge/state' }>;
/** worker -> content: scroll to a message of the thread. */
export type BadgeRevealMessage = Extract<v.InferOutput<typeof BadgeMessageSchema>, { type: 'badge/reveal' }>;

/** Every reply from the worker: a result or a refusal with its reason. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

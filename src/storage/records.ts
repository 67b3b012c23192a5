/**
 * Valibot schemas for every stored row, mirroring the types in db.ts / signals / scoring.
 * Used to check an import file row by row before it may touch the database: a file is
 * untrusted input, however it was made.
 */
import * as v from 'valibot';
import { FIELD_NAMES } from '../adapters/types';
import { SITE_IDS } from '../checklist/settings';
import type { Assessment, ManualAnswer } from '../scoring/types';
import type { DealFacts, Evidence } from '../signals/types';
import type { DealRecord, SnapshotRecord } from './db';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
export const ITEM_ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
export const DEAL_KEY = v.pipe(v.string(), v.minLength(3), v.maxLength(300), v.regex(/^[a-z]+:\S+$/));
const STATUS = v.picklist(['flagged', 'clear', 'unknown']);
const VERDICT = v.picklist(['pursue', 'caution', 'walk-away', 'unknown']);
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const EvidenceSchema = v.object({ quote: str(200), where: str(300), messageIndex: v.optional(count) });

export const DealFactsSchema = v.object({
  site: v.picklist(SITE_IDS),
  dealKey: DEAL_KEY,
  title: str(500),
  raw: v.record(v.picklist(FIELD_NAMES), str(2_000)),
  missing: list(v.picklist(FIELD_NAMES), FIELD_NAMES.length),
  // Field values are read up to 2,000 characters (label-reader), and kept as read.
  stage: v.nullable(str(2_000)),
  closed: v.boolean(),
  amount: v.nullable(v.object({ value: v.pipe(v.number(), v.finite()), currency: v.nullable(str(10)) })),
  closeDate: v.nullable(time),
  createDate: v.nullable(time),
  daysInStage: v.nullable(v.pipe(v.number(), v.finite())),
  lastActivity: v.nullable(time),
  competitors: v.nullable(list(str(2_000), 1_000)),
  budget: v.nullable(str(2_000)),
  discount: v.nullable(str(2_000)),
  contacts: list(
    v.object({ name: str(300), role: v.picklist(['decision-maker', 'economic-buyer', 'champion', 'influencer', 'other']), roleText: str(300) }),
    500,
  ),
  touches: list(
    v.object({
      at: time,
      direction: v.picklist(['ours', 'theirs']),
      kind: v.picklist(['email', 'call', 'meeting', 'note']),
      outcome: str(200),
    }),
    5_000,
  ),
  buyerStatements: list(v.object({ text: str(2_000), at: v.nullable(time), messageIndex: count, where: str(300) }), 1_000),
  buyerMessageCount: count,
  closeDatePushes: count,
  closeDatePushSource: v.optional(v.picklist(['history', 'visits'])),
  domains: v.optional(list(str(253), 50)),
  conversation: v.optional(
    v.object({
      ourStreak: count,
      lastBuyerReplyAt: v.nullable(time),
      daysSinceBuyerReply: v.nullable(count),
      replyLatencyDays: list(v.pipe(v.number(), v.finite(), v.minValue(0)), 5_000),
      latencyTrend: v.picklist(['slower', 'faster', 'steady', 'unknown']),
      buyerParticipants: list(str(320), 200),
      buyerDomains: list(str(253), 200),
      singleThreaded: v.boolean(),
    }),
  ),
});

const FindingSchema = v.object({
  itemId: ITEM_ID,
  status: STATUS,
  source: v.picklist(['auto', 'manual']),
  evidence: list(EvidenceSchema, 50),
  reason: str(500),
  auto: v.optional(v.object({ status: STATUS, evidence: list(EvidenceSchema, 50), reason: str(500) })),
});

export const AssessmentSchema = v.object({
  verdict: VERDICT,
  score: v.pipe(v.number(), v.finite()),
  findings: list(FindingSchema, 100),
  flags: list(ITEM_ID, 100),
  knownCount: count,
});

export const DealRecordSchema = v.object({
  key: DEAL_KEY,
  site: v.picklist(SITE_IDS),
  title: str(500),
  url: str(4_000),
  facts: DealFactsSchema,
  assessment: AssessmentSchema,
  firstSeen: time,
  lastSeen: time,
  visits: count,
  msSpent: count,
  lastVisitId: str(64),
  lastSnapshotId: v.nullable(v.pipe(count, v.minValue(1))),
});

export const SnapshotRecordSchema = v.object({
  id: v.pipe(count, v.minValue(1)),
  dealKey: DEAL_KEY,
  at: time,
  verdict: VERDICT,
  score: v.pipe(v.number(), v.finite()),
  findings: list(v.object({ itemId: ITEM_ID, status: STATUS }), 100),
  closeDate: v.nullable(time),
  stage: v.nullable(str(2_000)),
});

export const ManualAnswerSchema = v.object({
  dealKey: DEAL_KEY,
  itemId: ITEM_ID,
  status: v.picklist(['flagged', 'clear']),
  note: str(500),
  at: time,
});

/*
 * Compile-time guard: a field added to a stored type but not to its schema here would be
 * stripped from imports silently. These fail to type-check until both sides agree.
 */
type Same<A, B> = [Required<A>] extends [Required<B>] ? ([Required<B>] extends [Required<A>] ? true : false) : false;
type KeysMatch<S extends v.GenericSchema, T> = Same<Record<keyof v.InferOutput<S>, 0>, Record<keyof T, 0>>;
export const SCHEMAS_MATCH_TYPES: [
  KeysMatch<typeof DealFactsSchema, DealFacts>,
  KeysMatch<typeof AssessmentSchema, Assessment>,
  KeysMatch<typeof DealRecordSchema, DealRecord>,
  KeysMatch<typeof SnapshotRecordSchema, SnapshotRecord>,
  KeysMatch<typeof ManualAnswerSchema, ManualAnswer>,
  KeysMatch<typeof EvidenceSchema, Evidence>,
] = [true, true, true, true, true, true];

/**
 * Valibot schemas for every stored row, mirroring the types in db.ts / signals. Used to check
 * an import file row by row before it may touch the database: a file is untrusted input,
 * however it was made. The verdict's shapes come from the contract (src/contract/).
 */
import * as v from 'valibot';
import { FIELD_NAMES } from '../adapters/types';
import { SITE_IDS } from '../checklist/settings';
import {
  AssessmentSchema,
  CountSchema as count,
  DealKeySchema as DEAL_KEY,
  FindingStatusSchema as STATUS,
  ItemIdSchema as ITEM_ID,
  ManualAnswerSchema,
  MessageIndexSchema,
  TimeSchema as time,
  VerdictSchema as VERDICT,
} from '../contract/assessment';
import { PHRASE_KINDS } from '../signals/phrases';
import type { DealFacts } from '../signals/types';
import type { DealRecord, SnapshotRecord } from './db';

export { AssessmentSchema, ManualAnswerSchema };

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const PhraseHitSchema = v.object({
  kind: v.picklist(PHRASE_KINDS),
  phrase: str(300),
  vendorCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000))),
});

const BuyerStatementSchema = v.object({
  text: str(2_000),
  at: v.nullable(time),
  messageIndex: MessageIndexSchema,
  where: str(300),
  dealKey: v.optional(DEAL_KEY),
  hits: v.optional(list(PhraseHitSchema, 20)),
});

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
  buyerStatements: list(BuyerStatementSchema, 1_000),
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

/*
 * Compile-time guard: a field added to a stored type but not to its schema here would be
 * stripped from imports silently. These fail to type-check until both sides agree.
 */
type Same<A, B> = [Required<A>] extends [Required<B>] ? ([Required<B>] extends [Required<A>] ? true : false) : false;
type KeysMatch<S extends v.GenericSchema, T> = Same<Record<keyof v.InferOutput<S>, 0>, Record<keyof T, 0>>;
export const SCHEMAS_MATCH_TYPES: [
  KeysMatch<typeof DealFactsSchema, DealFacts>,
  KeysMatch<typeof DealRecordSchema, DealRecord>,
  KeysMatch<typeof SnapshotRecordSchema, SnapshotRecord>,
] = [true, true, true];

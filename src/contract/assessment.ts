/**
 * The shapes every context shares about a verdict: item ids, deal keys, evidence, findings,
 * the assessment and the rep's manual answers. Each is a valibot schema and its type is
 * inferred from it, so the type and the runtime check can never drift apart. Data only.
 */
import * as v from 'valibot';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Epoch milliseconds, up to the largest Date (8.64e15). */
export const TimeSchema = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** Built-in ids (SPEC section 1) or `custom-<slug>`. */
export const ItemIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
export type ItemId = v.InferOutput<typeof ItemIdSchema>;

/** `<site>:<id...>` (SPEC section 2). */
export const DealKeySchema = v.pipe(v.string(), v.minLength(3), v.maxLength(300), v.regex(/^[a-z]+:\S+$/));

export const VERDICTS = ['pursue', 'caution', 'walk-away', 'unknown'] as const;
export const VerdictSchema = v.picklist(VERDICTS);
export type Verdict = v.InferOutput<typeof VerdictSchema>;

export const FindingStatusSchema = v.picklist(['flagged', 'clear', 'unknown']);
export type FindingStatus = v.InferOutput<typeof FindingStatusSchema>;

/** The largest message index a thread may have (the reading carries at most 1,000 messages). */
export const MAX_MESSAGE_INDEX = 100_000;
export const MessageIndexSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_MESSAGE_INDEX));

/**
 * Where a quoted sentence was said: the thread (a deal key) and its message, in page order.
 * A CRM deal quotes the mail threads linked to it, so the key is often not the deal's own:
 * a reveal goes to the tab showing that thread.
 */
export const EvidenceSourceSchema = v.object({ dealKey: DealKeySchema, messageIndex: MessageIndexSchema });
export type EvidenceSource = v.InferOutput<typeof EvidenceSourceSchema>;

export const EvidenceSchema = v.object({
  /** Quoted text, at most 200 characters. */
  quote: text(200),
  /** Where it was found ("Close date field", "Email from jordan@acme.example, 12 Sep 2026"). */
  where: text(300),
  /** Mail quotes only: the message it came from. */
  source: v.optional(EvidenceSourceSchema),
});
export type Evidence = v.InferOutput<typeof EvidenceSchema>;

const AutoFindingSchema = v.object({ status: FindingStatusSchema, evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(50)), reason: text(500) });

export const FindingSchema = v.object({
  itemId: ItemIdSchema,
  status: FindingStatusSchema,
  /** 'manual' when the rep's answer overrides the automatic finding. */
  source: v.picklist(['auto', 'manual']),
  /** What the finding rests on (empty for unknown). */
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(50)),
  /** Why the finding is unknown ("couldn't read Close date"), or the manual note. */
  reason: text(500),
  /** The automatic finding underneath a manual answer, so the UI can show both. */
  auto: v.optional(AutoFindingSchema),
});
export type Finding = v.InferOutput<typeof FindingSchema>;

export const AssessmentSchema = v.object({
  verdict: VerdictSchema,
  /** Weighted sum of flagged items. */
  score: v.pipe(v.number(), v.finite()),
  /** One per enabled checklist item, in checklist order. */
  findings: v.pipe(v.array(FindingSchema), v.maxLength(100)),
  /** Ids of flagged items, in checklist order (the badge's data-flags). */
  flags: v.pipe(v.array(ItemIdSchema), v.maxLength(100)),
  knownCount: CountSchema,
});
export type Assessment = v.InferOutput<typeof AssessmentSchema>;

export const ManualAnswerSchema = v.object({
  dealKey: DealKeySchema,
  itemId: ItemIdSchema,
  status: v.picklist(['flagged', 'clear']),
  note: text(500),
  at: TimeSchema,
});
export type ManualAnswer = v.InferOutput<typeof ManualAnswerSchema>;
export type AnswerChoice = ManualAnswer['status'] | 'auto';

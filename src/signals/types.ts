/** What the worker makes of a raw reading: parsed, typed facts the scoring reads. */
import type { FieldName } from '../adapters/types';
import type { SiteId } from '../checklist/settings';
import type { ConversationSignals } from './conversation';
import type { PhraseHit } from './phrases';

export type ContactRole = 'decision-maker' | 'economic-buyer' | 'champion' | 'influencer' | 'other';

export interface Touch {
  at: number; // epoch ms
  direction: 'ours' | 'theirs';
  kind: 'email' | 'call' | 'meeting' | 'note';
  /** Outcome as shown, lower-cased ("no answer", "replied"). */
  outcome: string;
}

export interface BuyerStatement {
  text: string;
  at: number | null;
  /** Index of the message in the thread it came from. */
  messageIndex: number;
  where: string;
  /**
   * The thread the sentence was said in, when it is not the deal's own: a CRM deal scores the
   * statements of its linked threads (background/links.ts), and evidence must point there.
   */
  dealKey?: string;
  /**
   * What the phrase detector found in the whole sentence, computed once when the thread is read,
   * so re-scoring a stored deal (an answer, a settings change) never runs the detector again.
   * Absent on statements stored before it existed: they are detected when scored.
   */
  hits?: PhraseHit[];
}

export interface DealFacts {
  site: SiteId;
  dealKey: string;
  title: string;
  /** Raw text of each field that was read, for evidence quotes. */
  raw: Partial<Record<FieldName, string>>;
  missing: FieldName[];
  stage: string | null;
  /** True when the stage text reads as closed won/lost. */
  closed: boolean;
  amount: { value: number; currency: string | null } | null;
  closeDate: number | null;
  createDate: number | null;
  /** Days in the current stage: read directly or derived from the stage-entered date. */
  daysInStage: number | null;
  lastActivity: number | null;
  competitors: string[] | null;
  /** null when the budget field was not on the page; '' when it was there but empty. */
  budget: string | null;
  discount: string | null;
  contacts: Array<{ name: string; role: ContactRole; roleText: string }>;
  touches: Touch[];
  buyerStatements: BuyerStatement[];
  /**
   * How many buyer messages were read. Kept apart from buyerStatements because the worker
   * stores only the statements that matched a detector (never whole bodies, SPEC section 4),
   * and price-only needs the share of all buyer messages.
   */
  buyerMessageCount: number;
  /** How many times the close date moved later, from the CRM's history or our own snapshots. */
  closeDatePushes: number;
  /** Where closeDatePushes was seen (absent in facts stored before it existed: visits). */
  closeDatePushSource?: 'history' | 'visits';
  /** The buyer's company domains (contacts' and senders' addresses), to link threads and deals. */
  domains?: string[];
  /** Mail threads only: streak, silence, reply latency, who writes on the buyer's side. */
  conversation?: ConversationSignals;
}

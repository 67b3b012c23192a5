import type { ItemId } from '../checklist/items';
import type { Evidence } from '../signals/types';

export type FindingStatus = 'flagged' | 'clear' | 'unknown';
export type Verdict = 'pursue' | 'caution' | 'walk-away' | 'unknown';

export interface Finding {
  itemId: ItemId;
  status: FindingStatus;
  /** 'manual' when the rep's answer overrides the automatic finding. */
  source: 'auto' | 'manual';
  /** What the finding rests on (absent for unknown). */
  evidence: Evidence[];
  /** Why the finding is unknown ("couldn't read Close date"), or the manual note. */
  reason: string;
  /** The automatic finding underneath a manual answer, so the UI can show both. */
  auto?: { status: FindingStatus; evidence: Evidence[]; reason: string };
}

export interface ManualAnswer {
  dealKey: string;
  itemId: ItemId;
  status: 'flagged' | 'clear';
  note: string;
  at: number;
}

export interface Assessment {
  verdict: Verdict;
  /** Weighted sum of flagged items. */
  score: number;
  /** One per enabled checklist item, in checklist order. */
  findings: Finding[];
  /** Ids of flagged items, in checklist order (the badge's data-flags). */
  flags: ItemId[];
  knownCount: number;
}

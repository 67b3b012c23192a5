/** The rep's settings and their defaults (SPEC section 1, "Default thresholds"). Data only. */

import { SITE_IDS, type SiteId } from '../sites';

export { SITE_IDS, type SiteId };

export interface Thresholds {
  /** unresponsive: consecutive outbound touches with no inbound reply. */
  unresponsiveTouches: number;
  /** unresponsive: days since the buyer's last reply while we reached out since. */
  unresponsiveDays: number;
  /** stalled: days in the current stage. */
  stalledDaysInStage: number;
  /** stalled: how many times the close date was pushed. */
  stalledPushes: number;
  /** stalled: days with no logged activity. */
  stalledIdleDays: number;
  /** no-urgency: expected close date more than this many days away. */
  noUrgencyDays: number;
  /** crowded-field: flagged when more vendors than this compete, counting us. */
  maxVendors: number;
  /** price-only: price language in at least this many buyer messages... */
  priceOnlyMinMessages: number;
  /** ...and in at least this share of them. */
  priceOnlyShare: number;
}

export interface Cutoffs {
  /** walk-away when the weighted sum of flagged items is at least this. */
  walkAway: number;
  /** caution when the weighted sum is at least this. */
  caution: number;
  /** pursue needs at least this many items known (flagged or clear). */
  minKnownForPursue: number;
}

export interface Settings {
  thresholds: Thresholds;
  cutoffs: Cutoffs;
  sites: Record<SiteId, boolean>;
  /** The rep's own addresses: messages from these are ours (outbound). Lower-case. */
  ownEmails: string[];
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  unresponsiveTouches: 3,
  unresponsiveDays: 14,
  stalledDaysInStage: 30,
  stalledPushes: 2,
  stalledIdleDays: 14,
  noUrgencyDays: 180,
  maxVendors: 3,
  priceOnlyMinMessages: 2,
  priceOnlyShare: 0.5,
};

export const DEFAULT_CUTOFFS: Cutoffs = { walkAway: 3, caution: 1, minKnownForPursue: 4 };

export function defaultSettings(): Settings {
  return {
    thresholds: { ...DEFAULT_THRESHOLDS },
    cutoffs: { ...DEFAULT_CUTOFFS },
    // Every site of this build on (src/sites/index.ts): the user build has no demo key.
    sites: Object.fromEntries(SITE_IDS.map((site) => [site, true])) as Record<SiteId, boolean>,
    ownEmails: [],
  };
}

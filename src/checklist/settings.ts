/** The rep's settings and their defaults (SPEC section 1, "Default thresholds"). Data only. */

import { SITE_IDS, type SiteId } from '../sites';

export { SITE_IDS, type SiteId };

export interface NumberRule {
  min: number;
  max: number;
  /** 1 = whole numbers; 0.5 = halves (sums of halves stay exact in floating point); 'any' = any number. */
  step: 1 | 0.5 | 'any';
}

/** One threshold: its default, what the validator accepts, and its options-page label. */
export interface ThresholdSpec extends NumberRule {
  default: number;
  label: string;
  unit: string;
}

/**
 * Every threshold, in options-page order. The one place a threshold is declared: the
 * defaults, the validator's rules and the options labels are read from here, and stored
 * settings without a threshold get its default on load and import (./normalize.ts).
 */
export const THRESHOLDS = {
  /** unresponsive: consecutive outbound touches with no inbound reply. */
  unresponsiveTouches: { default: 3, min: 1, max: 50, step: 1, label: 'Unresponsive after', unit: 'of our touches in a row with no reply' },
  /** unresponsive: days since the buyer's last reply while we reached out since. */
  unresponsiveDays: { default: 14, min: 1, max: 3650, step: 1, label: 'Unresponsive after', unit: 'days since their last reply, while we kept reaching out' },
  /** stalled: days in the current stage. */
  stalledDaysInStage: { default: 30, min: 1, max: 3650, step: 1, label: 'Stalled after', unit: 'days in the same stage' },
  /** stalled: how many times the close date was pushed. */
  stalledPushes: { default: 2, min: 1, max: 50, step: 1, label: 'Stalled when the close date was pushed', unit: 'times or more' },
  /** stalled: days with no logged activity. */
  stalledIdleDays: { default: 14, min: 1, max: 3650, step: 1, label: 'Stalled after', unit: 'days with no activity' },
  /** no-urgency: expected close date more than this many days away. */
  noUrgencyDays: { default: 180, min: 1, max: 3650, step: 1, label: 'No urgency when the close date is more than', unit: 'days away' },
  /** crowded-field: flagged when more vendors than this compete, counting us. */
  maxVendors: { default: 3, min: 1, max: 20, step: 1, label: 'Crowded field when more than', unit: 'vendors compete, counting us' },
  /** price-only: price language in at least this many buyer messages... */
  priceOnlyMinMessages: { default: 2, min: 1, max: 50, step: 1, label: 'Price-only buyer: price talk in at least', unit: 'buyer messages' },
  /** ...and in at least this share of them. */
  priceOnlyShare: { default: 0.5, min: 0, max: 1, step: 'any', label: '…and in at least this share of their messages', unit: 'from 0 to 1 (0.5 = half)' },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdKey = keyof typeof THRESHOLDS;
export type Thresholds = Record<ThresholdKey, number>;
export const THRESHOLD_KEYS = Object.keys(THRESHOLDS) as ThresholdKey[];

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

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.fromEntries(
  THRESHOLD_KEYS.map((key) => [key, THRESHOLDS[key].default]),
) as Thresholds;

export const DEFAULT_CUTOFFS: Readonly<Cutoffs> = { walkAway: 3, caution: 1, minKnownForPursue: 4 };

export function defaultSettings(): Settings {
  return {
    thresholds: { ...DEFAULT_THRESHOLDS },
    cutoffs: { ...DEFAULT_CUTOFFS },
    // Every site of this build on (src/sites/index.ts): the user build has no demo key.
    sites: Object.fromEntries(SITE_IDS.map((site) => [site, true])) as Record<SiteId, boolean>,
    ownEmails: [],
  };
}

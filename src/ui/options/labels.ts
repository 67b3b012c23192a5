/** Labels and units for the options fields, and a readable name for any error path. */
import { SITE_IDS, type Cutoffs, type Thresholds } from '../../checklist/settings';
import type { Draft } from './draft';
import { siteLabel } from '../../sites';

export interface FieldText {
  label: string;
  unit: string;
}

export const THRESHOLD_TEXT: Record<keyof Thresholds, FieldText> = {
  unresponsiveTouches: { label: 'Unresponsive after', unit: 'of our touches in a row with no reply' },
  unresponsiveDays: { label: 'Unresponsive after', unit: 'days since their last reply, while we kept reaching out' },
  stalledDaysInStage: { label: 'Stalled after', unit: 'days in the same stage' },
  stalledPushes: { label: 'Stalled when the close date was pushed', unit: 'times or more' },
  stalledIdleDays: { label: 'Stalled after', unit: 'days with no activity' },
  noUrgencyDays: { label: 'No urgency when the close date is more than', unit: 'days away' },
  maxVendors: { label: 'Crowded field when more than', unit: 'vendors compete, counting us' },
  priceOnlyMinMessages: { label: 'Price-only buyer: price talk in at least', unit: 'buyer messages' },
  priceOnlyShare: { label: '…and in at least this share of their messages', unit: 'from 0 to 1 (0.5 = half)' },
};

export const CUTOFF_TEXT: Record<keyof Cutoffs, FieldText> = {
  walkAway: { label: 'Walk away at a score of', unit: 'or more' },
  caution: { label: 'Caution at a score of', unit: 'or more' },
  minKnownForPursue: { label: 'Pursue needs at least', unit: 'items known (flagged or clear)' },
};

const ITEM_FIELD_NAMES: Record<string, string> = {
  title: 'title',
  weight: 'weight',
  enabled: 'on/off',
  question: 'question',
  yesMeans: 'meaning of "yes"',
  phrases: 'trigger phrases',
  id: 'id',
};

/** "Stalled after (days in the same stage)", "Budget hidden: weight", "Your email addresses". */
export function describePath(path: string, draft: Draft | null): string {
  const [section, key, field] = path.split('.');
  if (section === 'thresholds' && key && key in THRESHOLD_TEXT) {
    const text = THRESHOLD_TEXT[key as keyof Thresholds];
    return `${text.label} … ${text.unit}`;
  }
  if (section === 'cutoffs' && key && key in CUTOFF_TEXT) {
    const text = CUTOFF_TEXT[key as keyof Cutoffs];
    return `${text.label} … ${text.unit}`;
  }
  if (section === 'sites' && key && (SITE_IDS as readonly string[]).includes(key)) return siteLabel(key);
  if (section === 'ownEmails') return 'Your email addresses';
  if (section === 'checklist' && key !== undefined) {
    const item = draft?.items[Number(key)];
    const name = item ? item.title.trim() || item.base.title || 'New item' : `Item ${Number(key) + 1}`;
    return field ? `${name}: ${ITEM_FIELD_NAMES[field] ?? field}` : name;
  }
  if (section === 'checklist') return 'Checklist';
  if (section === 'thresholds') return 'Thresholds';
  if (section === 'cutoffs') return 'Verdict cutoffs';
  if (section === 'sites') return 'Sites';
  return 'Settings';
}

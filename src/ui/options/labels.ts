/** Labels and units for the cutoff fields (thresholds carry theirs), and a readable name for any error path. */
import { SITE_IDS, THRESHOLDS, type Cutoffs, type ThresholdKey } from '../../checklist/settings';
import type { Draft } from './draft';
import { siteLabel } from '../../sites';

export interface FieldText {
  label: string;
  unit: string;
}

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
  if (section === 'thresholds' && key && key in THRESHOLDS) {
    const text = THRESHOLDS[key as ThresholdKey];
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

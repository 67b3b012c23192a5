/**
 * The options form keeps what the rep typed as text (so a half-typed number can be shown
 * and reported), and turns it into the saved shape only at validation time.
 */
import type { ChecklistItem } from '../../checklist/items';
import { SITE_IDS, type Cutoffs, type Settings, type SiteId, type Thresholds } from '../../checklist/settings';
import { CUTOFF_RULES, THRESHOLD_RULES } from '../../checklist/validate';
import type { SettingsView } from '../../protocol/views';

export interface ItemDraft {
  /** The item as loaded (id, builtIn, order); edits live in the fields below. */
  base: ChecklistItem;
  title: string;
  question: string;
  yesMeans: ChecklistItem['yesMeans'];
  weight: string;
  enabled: boolean;
  /** Trigger phrases, one per line. */
  phrases: string;
}

export interface Draft {
  thresholds: Record<keyof Thresholds, string>;
  cutoffs: Record<keyof Cutoffs, string>;
  sites: Record<SiteId, boolean>;
  /** One address per line. */
  ownEmails: string;
  items: ItemDraft[];
}

export const THRESHOLD_KEYS = Object.keys(THRESHOLD_RULES) as Array<keyof Thresholds>;
export const CUTOFF_KEYS = Object.keys(CUTOFF_RULES) as Array<keyof Cutoffs>;

export function itemDraft(item: ChecklistItem): ItemDraft {
  return {
    base: item,
    title: item.title,
    question: item.question,
    yesMeans: item.yesMeans,
    weight: String(item.weight),
    enabled: item.enabled,
    phrases: item.phrases.join('\n'),
  };
}

export function draftFrom(view: SettingsView): Draft {
  const { settings } = view;
  const thresholds = {} as Record<keyof Thresholds, string>;
  for (const key of THRESHOLD_KEYS) thresholds[key] = String(settings.thresholds[key]);
  const cutoffs = {} as Record<keyof Cutoffs, string>;
  for (const key of CUTOFF_KEYS) cutoffs[key] = String(settings.cutoffs[key]);
  const sites = {} as Record<SiteId, boolean>;
  for (const site of SITE_IDS) sites[site] = settings.sites[site] ?? false;
  return {
    thresholds,
    cutoffs,
    sites,
    ownEmails: settings.ownEmails.join('\n'),
    items: [...view.checklist].sort((a, b) => a.order - b.order).map(itemDraft),
  };
}

/** Empty input is "no number" (NaN), not 0, so the validator asks for one. */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function itemFromDraft(draft: ItemDraft, order: number): ChecklistItem {
  return {
    ...draft.base,
    title: draft.title,
    question: draft.question,
    yesMeans: draft.yesMeans,
    weight: parseNumber(draft.weight),
    enabled: draft.enabled,
    order,
    phrases: draft.base.builtIn ? [] : lines(draft.phrases),
  };
}

/** The payload the validator and then the worker receive. Numbers may be NaN here. */
export function payloadOf(draft: Draft): { settings: Settings; checklist: ChecklistItem[] } {
  const thresholds = {} as Thresholds;
  for (const key of THRESHOLD_KEYS) thresholds[key] = parseNumber(draft.thresholds[key]);
  const cutoffs = {} as Cutoffs;
  for (const key of CUTOFF_KEYS) cutoffs[key] = parseNumber(draft.cutoffs[key]);
  return {
    settings: { thresholds, cutoffs, sites: { ...draft.sites }, ownEmails: lines(draft.ownEmails) },
    checklist: draft.items.map(itemFromDraft),
  };
}

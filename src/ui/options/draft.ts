/**
 * The options form keeps what the rep typed as text (so a half-typed number can be shown
 * and reported), and turns it into the saved shape only at validation time.
 */
import type { ChecklistItem } from '../../checklist/items';
import { normalizeSettings } from '../../checklist/normalize';
import { SITE_IDS, THRESHOLD_KEYS, type Cutoffs, type Settings, type SiteId, type Thresholds } from '../../checklist/settings';
import { CUTOFF_RULES } from '../../checklist/validate';
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

export { THRESHOLD_KEYS };
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
  // The worker sends loaded settings already filled; filling again costs nothing and keeps
  // every field of this build's form backed by a value, whatever the view lacks.
  const { settings, checklist } = normalizeSettings(view.settings, view.checklist) as SettingsView;
  const thresholds = {} as Record<keyof Thresholds, string>;
  for (const key of THRESHOLD_KEYS) thresholds[key] = String(settings.thresholds[key]);
  const cutoffs = {} as Record<keyof Cutoffs, string>;
  for (const key of CUTOFF_KEYS) cutoffs[key] = String(settings.cutoffs[key]);
  const sites = {} as Record<SiteId, boolean>;
  // Off only when switched off, as the worker reads it: a site the settings lack is on.
  for (const site of SITE_IDS) sites[site] = settings.sites[site] !== false;
  return {
    thresholds,
    cutoffs,
    sites,
    ownEmails: settings.ownEmails.join('\n'),
    items: [...checklist].sort((a, b) => a.order - b.order).map(itemDraft),
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

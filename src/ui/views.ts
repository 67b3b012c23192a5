/** What the worker answers to the extension pages (popup, options). Types only. */
import type { ChecklistItem } from '../checklist/items';
import type { Settings, SiteId } from '../checklist/settings';
import type { Assessment, ManualAnswer, Verdict } from '../scoring/types';

export interface SunkCost {
  /** Epoch ms of the first visit to the deal's pages. */
  firstSeen: number;
  visits: number;
  /** Time the deal's pages were open and visible, in ms. */
  msSpent: number;
  /** Checklist items confirmed clear (automatically or by the rep). */
  clearCount: number;
  /** Enabled checklist items. */
  itemCount: number;
}

/** A deal of the same company on the other side: a CRM deal for a thread, a thread for a CRM deal. */
export interface LinkedDeal {
  dealKey: string;
  site: SiteId;
  title: string;
  url: string;
  verdict: Verdict;
  flags: string[];
}

export interface DealView {
  kind: 'deal';
  dealKey: string;
  site: SiteId;
  title: string;
  url: string;
  assessment: Assessment;
  checklist: ChecklistItem[];
  answers: ManualAnswer[];
  sunkCost: SunkCost;
  /** What the page showed, label and value, for "what was read". */
  read: Array<{ label: string; value: string }>;
  /** "couldn't read Close date", one per expected field the page did not show. */
  missed: string[];
  /** The same company's deal (for a thread) or mail threads (for a CRM deal), by domain. */
  linked?: LinkedDeal[];
  /** Set when the latest reading could not be stored (browser storage full). */
  storageWarning?: string;
}

export interface NoDealView {
  kind: 'none';
  /** Why there is nothing to show ("This tab is not a deal page we can read"). */
  reason: string;
}

export type TabDealView = DealView | NoDealView;

export interface SettingsView {
  settings: Settings;
  checklist: ChecklistItem[];
}

/** Field path ("thresholds.unresponsiveDays", "checklist.3.weight") -> message shown next to it. */
export type FieldErrors = Record<string, string>;

export type SaveSettingsResult = { ok: true; value: SettingsView } | { ok: false; error: string; fieldErrors: FieldErrors };

export interface PipelineRow {
  dealKey: string;
  site: SiteId;
  title: string;
  url: string;
  verdict: Assessment['verdict'];
  /** Titles of the flagged items, in checklist order. */
  flagTitles: string[];
  firstSeen: number;
  lastSeen: number;
  visits: number;
  msSpent: number;
}

export interface PipelinePage {
  rows: PipelineRow[];
  /** Deals matching the filter (all deals when unfiltered). */
  total: number;
}

/**
 * Session-storage keys the worker writes and the popup reads (storage.session is open to
 * extension pages only, never to content scripts). `tab:<id>`: the deal a tab shows.
 * `view:<id>`: the popup's view of that deal as of its last reading or answer, so the
 * popup can show it without waiting for a stopped worker to start.
 */
export const TAB_DEAL_PREFIX = 'tab:';
export const tabDealKey = (tabId: number): string => `${TAB_DEAL_PREFIX}${tabId}`;
export const TAB_VIEW_PREFIX = 'view:';
export const tabViewKey = (tabId: number): string => `${TAB_VIEW_PREFIX}${tabId}`;

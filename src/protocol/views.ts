/**
 * What the worker answers to the extension pages (popup, options, pipeline): the reply
 * types of the protocol (./messages.ts maps each request to one of these), and the check
 * of the popup's saved view, which is read from session storage rather than sent.
 */
import type { ChecklistItem } from '../checklist/items';
import type { Settings, SiteId } from '../checklist/settings';
import type { FieldErrors } from '../checklist/validate';
import type { Assessment, ManualAnswer, Verdict } from '../contract/assessment';
import type { DealRecord, SnapshotRecord } from '../storage/db';
import { tabDealKey, tabViewKey } from './keys';

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
  /**
   * The threads among the evidence's sources that a tab shows now: only their quotes offer
   * "show this message" (a reveal needs a tab with that thread).
   */
  openSources: string[];
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

export type { FieldErrors };

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

/** The file "Export all data" writes and "Import" reads back. */
export const EXPORT_FORMAT = 'walk-away-export';
/** Bump when the file's shape changes; older files then need a converter in src/background/data.ts. */
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  /** Shape version of settings + checklist (src/checklist/normalize.ts); files without it are version 1. */
  settingsVersion: number;
  settings: Settings;
  checklist: ChecklistItem[];
  deals: DealRecord[];
  snapshots: SnapshotRecord[];
  answers: ManualAnswer[];
}

export interface ImportSummary {
  deals: number;
  snapshots: number;
  answers: number;
  checklistItems: number;
}

/**
 * The popup's saved view (session storage, written by the worker) when it is one and belongs
 * to the deal the tab shows now. Session storage is open to extension pages only, but a view
 * saved by an older version of the extension must not break the popup: its shape is checked.
 * By hand, on the fields the popup reads first, rather than with a schema: this runs in every
 * extension page's first script, where a schema library would add to the time to first paint.
 */
export function savedViewFor(stored: Record<string, unknown>, tabId: number): DealView | null {
  const dealKey = stored[tabDealKey(tabId)];
  const view = stored[tabViewKey(tabId)];
  if (typeof dealKey !== 'string' || typeof view !== 'object' || view === null) return null;
  const candidate = view as Partial<DealView>;
  const assessment = candidate.assessment as Partial<DealView['assessment']> | undefined;
  const wellFormed =
    candidate.kind === 'deal' &&
    candidate.dealKey === dealKey &&
    typeof candidate.title === 'string' &&
    typeof assessment === 'object' &&
    assessment !== null &&
    typeof assessment.verdict === 'string' &&
    Array.isArray(assessment.findings) &&
    Array.isArray(assessment.flags) &&
    Array.isArray(candidate.checklist) &&
    Array.isArray(candidate.answers) &&
    Array.isArray(candidate.read) &&
    Array.isArray(candidate.missed) &&
    Array.isArray(candidate.openSources) &&
    typeof candidate.sunkCost === 'object' &&
    candidate.sunkCost !== null;
  return wellFormed ? (candidate as DealView) : null;
}

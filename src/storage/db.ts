/** The one database module. Only the background worker opens it (and tests, with fake-indexeddb). */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { ChecklistItem } from '../checklist/items';
import type { Settings, SiteId } from '../checklist/settings';
import type { Assessment, FindingStatus, ManualAnswer, Verdict } from '../contract/assessment';
import type { DealFacts } from '../signals/types';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, upgradeToV2, upgradeToV3, upgradeToV4 } from './schema';
import type { DiagnosticRecord } from '../contract/diagnostics';

export interface DealRecord {
  key: string;
  site: SiteId;
  title: string;
  url: string;
  /** Parsed facts, with buyer statements reduced to the ones that matched (never whole bodies). */
  facts: DealFacts;
  assessment: Assessment;
  firstSeen: number;
  lastSeen: number;
  visits: number;
  msSpent: number;
  /** The page view last counted, so re-reads of one view update its snapshot instead of adding visits. */
  lastVisitId: string;
  lastSnapshotId: number | null;
}

export interface SnapshotRecord {
  id?: number;
  dealKey: string;
  at: number;
  verdict: Verdict;
  score: number;
  findings: Array<{ itemId: string; status: FindingStatus }>;
  /** Kept to count close-date pushes across visits. */
  closeDate: number | null;
  stage: string | null;
}

export interface SettingsRecord {
  key: 'settings';
  value: Settings;
  /** Shape version of `value` and the checklist (src/checklist/normalize.ts); absent = 1. */
  version?: number;
}

export type WalkAwayDb = Dexie & {
  checklist: EntityTable<ChecklistItem, 'id'>;
  settings: EntityTable<SettingsRecord, 'key'>;
  deals: EntityTable<DealRecord, 'key'>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
  answers: Dexie.Table<ManualAnswer, [string, string]>;
  diagnostics: EntityTable<DiagnosticRecord, 'id'>;
};

export function openDb(name: string = DB_NAME, options?: DexieOptions): WalkAwayDb {
  const db = new Dexie(name, options) as WalkAwayDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  return db;
}

/**
 * Typed access to the database for the worker: every read and write the product
 * makes, each in one transaction, so a worker stopped mid-way leaves nothing half-written.
 */
import { defaultChecklist, type ChecklistItem } from '../checklist/items';
import { normalizeSettings, SETTINGS_VERSION } from '../checklist/normalize';
import { defaultSettings, type Settings } from '../checklist/settings';
import type { Assessment, ManualAnswer } from '../contract/assessment';
import type { DealFacts } from '../signals/types';
import type { DealRecord, SettingsRecord, SnapshotRecord, WalkAwayDb } from './db';
import { isQuotaError, snapshotsToPrune, type SnapshotStub } from './prune';
import type { DiagnosticRecord } from '../contract/diagnostics';

/** The diagnostics log keeps its newest entries up to this many. */
export const DIAGNOSTICS_CAP = 500;

/** Up to this many deals sharing a domain are simply loaded and sorted; beyond it, only keys are read. */
const LOAD_ALL_BELOW = 50;

/** Every table the product's data lives in: what export writes and import replaces. */
const productTables = (db: WalkAwayDb) => [db.checklist, db.settings, db.deals, db.snapshots, db.answers];

export interface StoredData {
  settings: Settings;
  checklist: ChecklistItem[];
  deals: DealRecord[];
  snapshots: SnapshotRecord[];
  answers: ManualAnswer[];
}

export interface ReadingToRecord {
  facts: DealFacts;
  assessment: Assessment;
  url: string;
  visitId: string;
  now: number;
}

/** The settings row as this release writes it: validated settings, stamped with the current shape version. */
export function settingsRecord(settings: Settings): SettingsRecord {
  return { key: 'settings', value: settings, version: SETTINGS_VERSION };
}

function normalized(record: SettingsRecord, checklist: ChecklistItem[]) {
  const filled = normalizeSettings(record.value, checklist, record.version);
  // Typed as stored: only validated data is ever written, and filling keeps it in shape.
  return filled as { settings: Settings; checklist: ChecklistItem[] };
}

export class Repository {
  constructor(readonly db: WalkAwayDb) {}

  /**
   * Settings and checklist, after seeding the built-in items and default settings when missing
   * (first install, or after erase). Read-only when nothing is missing: the worker calls this
   * at every start, and a read-write transaction there cost its first reading a few ms.
   */
  async ensureSeeded(): Promise<{ settings: Settings; checklist: ChecklistItem[] }> {
    const stored = await this.readStoredSettings();
    if (stored.record && stored.checklist.length > 0) return normalized(stored.record, stored.checklist);
    await this.db.transaction('rw', this.db.checklist, this.db.settings, async () => {
      if ((await this.db.checklist.count()) === 0) await this.db.checklist.bulkAdd(defaultChecklist());
      if (!(await this.db.settings.get('settings'))) await this.db.settings.add(settingsRecord(defaultSettings()));
    });
    return this.loadSettings();
  }

  /**
   * Settings and checklist as this release reads them: whatever a newer release added
   * (an item, a threshold, a site) is filled from the defaults in memory, so nothing is
   * written here; the next save stores the filled version.
   */
  async loadSettings(): Promise<{ settings: Settings; checklist: ChecklistItem[] }> {
    const { record, checklist } = await this.readStoredSettings();
    return normalized(record ?? settingsRecord(defaultSettings()), checklist.length ? checklist : defaultChecklist());
  }

  /** The settings record and the checklist as stored (either may be missing), in one read. */
  private readStoredSettings() {
    return this.db.transaction('r', this.db.checklist, this.db.settings, async () => ({
      record: await this.db.settings.get('settings'),
      checklist: await this.db.checklist.orderBy('order').toArray(),
    }));
  }

  /** Replaces settings and checklist together: validated before, all or nothing here. */
  async saveSettings(settings: Settings, checklist: ChecklistItem[]): Promise<void> {
    await this.db.transaction('rw', this.db.checklist, this.db.settings, async () => {
      await this.db.settings.put(settingsRecord(settings));
      await this.db.checklist.clear();
      await this.db.checklist.bulkAdd(checklist);
    });
  }

  /**
   * Deals whose buyer shares one of `domains`: threads (`threads: true`) or CRM deals, newest
   * first, at most `max`, never `except`. A very common domain may be shared by thousands of
   * deals, and loading each record costs (10,000 took 1.36 s): beyond a few dozen matches the
   * indexes give the keys, and only `max` records are loaded.
   */
  async dealsSharingDomains(
    domains: readonly string[],
    { threads, threadSites, except, max }: { threads: boolean; threadSites: readonly DealRecord['site'][]; except: string; max: number },
  ): Promise<DealRecord[]> {
    const { deals } = this.db;
    const matching = new Set(await deals.where('facts.domains').anyOf([...domains]).primaryKeys());
    matching.delete(except);
    if (matching.size <= LOAD_ALL_BELOW) {
      const found = await deals.bulkGet([...matching]);
      return found
        .filter((deal): deal is DealRecord => deal !== undefined && threadSites.includes(deal.site) === threads)
        .sort((a, b) => b.lastSeen - a.lastSeen)
        .slice(0, max);
    }
    // Keys only: the threads (or not) by the site index, then newest first by the lastSeen index.
    const threadKeys = new Set(await deals.where('site').anyOf([...threadSites]).primaryKeys());
    const newest: string[] = [];
    for (const key of await deals.orderBy('lastSeen').reverse().primaryKeys()) {
      if (matching.has(key) && threadKeys.has(key) === threads) newest.push(key);
      if (newest.length === max) break;
    }
    const found = await deals.bulkGet(newest);
    return found.filter((deal): deal is DealRecord => deal !== undefined);
  }

  getDeal(key: string): Promise<DealRecord | undefined> {
    return this.db.deals.get(key);
  }

  answersFor(dealKey: string): Promise<ManualAnswer[]> {
    return this.db.answers.where('dealKey').equals(dealKey).toArray();
  }

  /** Close dates seen on earlier visits, oldest first, to count pushes. */
  async previousCloseDates(dealKey: string): Promise<number[]> {
    const snapshots = await this.db.snapshots
      .where('[dealKey+at]')
      .between([dealKey, -Infinity], [dealKey, Infinity])
      .toArray();
    return snapshots.flatMap((s) => (s.closeDate === null ? [] : [s.closeDate]));
  }

  /**
   * Stores what one page view read: the deal (created on first sight) and the view's
   * snapshot. A re-read of the same view (same visitId) updates its snapshot in place.
   */
  async recordReading(reading: ReadingToRecord): Promise<DealRecord> {
    try {
      return await this.writeReading(reading);
    } catch (error) {
      // Quota: prune old snapshots (src/storage/prune.ts) and try once more; a second refusal propagates.
      if (!isQuotaError(error)) throw error;
      await this.pruneSnapshots();
      return this.writeReading(reading);
    }
  }

  /** Deletes the snapshots the storage-pressure policy picks; returns how many. */
  async pruneSnapshots(): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.deals, db.snapshots, async () => {
      const current = new Set<number>();
      await db.deals.each((deal) => {
        if (deal.lastSnapshotId !== null) current.add(deal.lastSnapshotId);
      });
      const stubs: SnapshotStub[] = [];
      await db.snapshots.each((s) => {
        if (s.id !== undefined) stubs.push({ id: s.id, dealKey: s.dealKey, at: s.at });
      });
      const ids = snapshotsToPrune(stubs, current);
      await db.snapshots.bulkDelete(ids);
      return ids.length;
    });
  }

  private async writeReading({ facts, assessment, url, visitId, now }: ReadingToRecord): Promise<DealRecord> {
    const { db } = this;
    return db.transaction('rw', db.deals, db.snapshots, async () => {
      const existing = await db.deals.get(facts.dealKey);
      const snapshot: SnapshotRecord = {
        dealKey: facts.dealKey,
        at: now,
        verdict: assessment.verdict,
        score: assessment.score,
        findings: assessment.findings.map((f) => ({ itemId: f.itemId, status: f.status })),
        closeDate: facts.closeDate,
        stage: facts.stage,
      };
      const sameVisit = existing !== undefined && existing.lastVisitId === visitId && existing.lastSnapshotId !== null;
      let snapshotId: number;
      if (sameVisit && existing.lastSnapshotId !== null) {
        snapshotId = existing.lastSnapshotId;
        await db.snapshots.put({ ...snapshot, id: snapshotId });
      } else {
        snapshotId = (await db.snapshots.add(snapshot)) as number;
      }
      const deal: DealRecord = {
        key: facts.dealKey,
        site: facts.site,
        title: facts.title,
        url,
        facts,
        assessment,
        firstSeen: existing?.firstSeen ?? now,
        lastSeen: now,
        visits: (existing?.visits ?? 0) + (sameVisit ? 0 : 1),
        msSpent: existing?.msSpent ?? 0,
        lastVisitId: visitId,
        lastSnapshotId: snapshotId,
      };
      await db.deals.put(deal);
      return deal;
    });
  }

  /** Keeps the deal's latest assessment after an answer or a settings change. */
  async updateAssessment(dealKey: string, assessment: Assessment): Promise<void> {
    await this.db.deals.update(dealKey, { assessment });
  }

  async addTimeSpent(dealKey: string, ms: number): Promise<void> {
    await this.db.transaction('rw', this.db.deals, async () => {
      const deal = await this.db.deals.get(dealKey);
      if (deal) await this.db.deals.update(dealKey, { msSpent: deal.msSpent + ms });
    });
  }

  /**
   * One page of deals, most recently seen first (the lastSeen index). A verdict filter
   * walks the same index and skips the others: fine for thousands of deals.
   */
  async dealsPage(offset: number, limit: number, verdict: string | null): Promise<{ deals: DealRecord[]; total: number }> {
    const newestFirst = this.db.deals.orderBy('lastSeen').reverse();
    if (verdict === null) {
      const [deals, total] = await Promise.all([newestFirst.offset(offset).limit(limit).toArray(), this.db.deals.count()]);
      return { deals, total };
    }
    const matching = () => this.db.deals.orderBy('lastSeen').reverse().filter((deal) => deal.assessment.verdict === verdict);
    const [deals, total] = await Promise.all([matching().offset(offset).limit(limit).toArray(), matching().count()]);
    return { deals, total };
  }

  /** 'auto' removes the rep's answer; otherwise it replaces any earlier one. */
  async setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string, now: number): Promise<void> {
    if (answer === 'auto') await this.db.answers.delete([dealKey, itemId]);
    else await this.db.answers.put({ dealKey, itemId, status: answer, note, at: now });
  }

  /** Settings, checklist and every deal, snapshot and answer, read in one transaction (export). */
  async everything(): Promise<StoredData> {
    const { db } = this;
    return db.transaction('r', productTables(db), async () => {
      const { settings, checklist } = await this.loadSettings();
      return { settings, checklist, deals: await db.deals.toArray(), snapshots: await db.snapshots.toArray(), answers: await db.answers.toArray() };
    });
  }

  /** Replaces everything the product stores, all or nothing: any failure rolls the whole transaction back. */
  async replaceEverything(data: StoredData): Promise<void> {
    const { db } = this;
    await db.transaction('rw', productTables(db), async () => {
      for (const table of productTables(db)) await table.clear();
      await db.settings.add(settingsRecord(data.settings));
      await db.checklist.bulkAdd(data.checklist);
      await db.deals.bulkAdd(data.deals);
      await db.snapshots.bulkAdd(data.snapshots);
      await db.answers.bulkAdd(data.answers);
    });
  }

  /** Empties every table, the diagnostics log too (it is never exported, but erase leaves nothing). */
  async eraseEverything(): Promise<void> {
    const { db } = this;
    const tables = [...productTables(db), db.diagnostics];
    await db.transaction('rw', tables, async () => {
      for (const table of tables) await table.clear();
    });
  }

  /** Appends to the diagnostics log, dropping the oldest entries past the cap, in one transaction. */
  async logDiagnostic(entry: Omit<DiagnosticRecord, 'id'>): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.diagnostics, async () => {
      await db.diagnostics.add(entry);
      const excess = (await db.diagnostics.count()) - DIAGNOSTICS_CAP;
      if (excess > 0) await db.diagnostics.orderBy('id').limit(excess).delete();
    });
  }

  /** The diagnostics log, newest first. */
  diagnostics(): Promise<DiagnosticRecord[]> {
    return this.db.diagnostics.orderBy('id').reverse().toArray();
  }
}

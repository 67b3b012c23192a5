/**
 * Export, import and erase of everything the extension stores (options page, "Your data").
 *
 * Hand-written over Dexie rather than dexie-export-import: the file must be checked whole
 * (every row against its schema, the settings against the settings validator, ids unique,
 * references resolved) before the database is touched, and then replaced in ONE
 * transaction (Repository.replaceEverything), so a bad file can never leave half an import
 * behind. The format is ours,
 * versioned, and small enough to read.
 */
import * as v from 'valibot';
import { normalizeSettings, SETTINGS_VERSION, settingsVersionProblem } from '../checklist/normalize';
import { validateSettings } from '../checklist/validate';
import { IMPORT_MAX_CHARS, type Reply } from '../protocol/messages';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ImportSummary } from '../protocol/views';
import { DealRecordSchema, ManualAnswerSchema, SnapshotRecordSchema } from '../storage/records';
import type { Repository } from '../storage/repository';

export const LIMITS = { deals: 100_000, snapshots: 1_000_000, answers: 1_000_000 } as const;

export interface DataHandlers {
  exportAll(): Promise<Reply<ExportFile>>;
  importAll(text: string): Promise<Reply<ImportSummary>>;
  eraseAll(): Promise<Reply<null>>;
}

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.number(),
  settingsVersion: v.optional(v.unknown()),
  settings: v.unknown(),
  checklist: v.unknown(),
  deals: v.pipe(v.array(DealRecordSchema), v.maxLength(LIMITS.deals)),
  snapshots: v.pipe(v.array(SnapshotRecordSchema), v.maxLength(LIMITS.snapshots)),
  answers: v.pipe(v.array(ManualAnswerSchema), v.maxLength(LIMITS.answers)),
});

type Checked = { ok: true; file: ExportFile } | { ok: false; error: string };

const refusal = (why: string): Checked => ({ ok: false, error: `This file can't be imported: ${why} Nothing was changed.` });

/** Everything an import must pass, without touching the database. Pure. */
export function checkImport(text: string): Checked {
  if (text.length > IMPORT_MAX_CHARS) return refusal(`it is larger than ${IMPORT_MAX_CHARS / 1_000_000} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refusal('it is not complete JSON (truncated or damaged?).');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    return refusal('it is not a Walk Away export.');
  }
  const version = (json as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) {
    return refusal(
      typeof version === 'number' && version > EXPORT_VERSION
        ? `it was made by a newer Walk Away (format ${version}); this one reads format ${EXPORT_VERSION}.`
        : `its format version (${JSON.stringify(version)?.slice(0, 20)}) is not one this Walk Away reads.`,
    );
  }
  const parsed = v.safeParse(FileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((step) => String(step.key)).join('.');
    return refusal(`${path || 'the file'} is not valid (${issue.message.slice(0, 120)}).`);
  }
  const file = parsed.output;
  const settingsVersion = file.settingsVersion ?? 1;
  const versionProblem = settingsVersionProblem(settingsVersion);
  if (versionProblem) return refusal(versionProblem);
  // An older release's file lacks what this one added (an item, a threshold, a site): filled first.
  const stored = normalizeSettings(file.settings, file.checklist, settingsVersion as number);
  const settings = validateSettings(stored.settings, stored.checklist);
  if (!settings.ok) {
    const [path = 'settings', message = ''] = Object.entries(settings.fieldErrors)[0] ?? [];
    return refusal(`its settings are not valid (${path}: ${message.slice(0, 120)}).`);
  }
  const dealKeys = new Set<string>();
  for (const deal of file.deals) {
    if (dealKeys.has(deal.key)) return refusal(`deal ${deal.key.slice(0, 80)} appears twice.`);
    if (deal.facts.dealKey !== deal.key) return refusal(`deal ${deal.key.slice(0, 80)} carries another deal's facts.`);
    dealKeys.add(deal.key);
  }
  const snapshotIds = new Set<number>();
  for (const snapshot of file.snapshots) {
    if (snapshotIds.has(snapshot.id)) return refusal(`snapshot ${snapshot.id} appears twice.`);
    if (!dealKeys.has(snapshot.dealKey)) return refusal(`snapshot ${snapshot.id} belongs to no deal in the file.`);
    snapshotIds.add(snapshot.id);
  }
  for (const deal of file.deals) {
    if (deal.lastSnapshotId !== null && !snapshotIds.has(deal.lastSnapshotId)) {
      return refusal(`deal ${deal.key.slice(0, 80)} points at a missing snapshot.`);
    }
  }
  const answerKeys = new Set<string>();
  for (const answer of file.answers) {
    const key = `${answer.dealKey}\n${answer.itemId}`;
    if (answerKeys.has(key)) return refusal(`an answer for ${answer.dealKey.slice(0, 80)} appears twice.`);
    if (!dealKeys.has(answer.dealKey)) return refusal(`an answer belongs to no deal in the file.`);
    answerKeys.add(key);
  }
  return {
    ok: true,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: file.exportedAt,
      settingsVersion: SETTINGS_VERSION,
      settings: settings.settings,
      checklist: settings.checklist,
      deals: file.deals,
      snapshots: file.snapshots,
      answers: file.answers,
    },
  };
}

export function createDataHandlers(repo: Repository, hooks: { now(): number; afterChange(): Promise<void> }): DataHandlers {
  return {
    async exportAll() {
      const stored = await repo.everything();
      return { ok: true, value: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: hooks.now(), settingsVersion: SETTINGS_VERSION, ...stored } };
    },

    async importAll(text) {
      const checked = checkImport(text);
      if (!checked.ok) return { ok: false, error: checked.error };
      const { file } = checked;
      await repo.replaceEverything(file);
      await hooks.afterChange();
      return {
        ok: true,
        value: { deals: file.deals.length, snapshots: file.snapshots.length, answers: file.answers.length, checklistItems: file.checklist.length },
      };
    },

    async eraseAll() {
      await repo.eraseEverything();
      await repo.ensureSeeded();
      await hooks.afterChange();
      return { ok: true, value: null };
    },
  };
}

/**
 * Brings stored settings and checklist (the database's, or an export file's) to the shape
 * this release reads. Runs on every load and every import, before validateSettings, which
 * stays the authority: this step only fills what the stored data lacks, it never repairs
 * a value that is there but wrong (a weight of -5 stays -5, and validation refuses it).
 *
 * - A setting, threshold, cutoff or site the stored data lacks gets its default
 *   (./settings.ts defaultSettings(): a site is on, ownEmails is empty).
 * - A built-in item the stored checklist lacks is inserted at its SPEC place with the
 *   default weight, on. A stored item lacking a field gets the field's default
 *   (built-ins: their default item; custom items: ITEM_FIELD_DEFAULTS, so no title,
 *   question or meaning is ever invented for them).
 * - Keys this release does not know (a site removed from this build, a field of a newer
 *   release) are dropped, so the result has exactly the keys validation keeps. The worker
 *   uses and exports loaded settings without re-validating them, and a dropped name can
 *   never come back later carrying a meaning it did not have when it was stored.
 * - Everything else is kept as stored: weights, on/off, titles, custom items and their
 *   order, thresholds, cutoffs, site switches, addresses.
 *
 * Pure: data in, data out; the input is never modified.
 */
import { defaultChecklist, ITEM_FIELD_DEFAULTS, type ChecklistItem } from './items';
import { defaultSettings } from './settings';

/**
 * The shape version of settings + checklist, kept in the settings record and in export
 * files (absent there = 1, everything stored before versions were written). Adding a
 * setting, threshold, site, item or item field with a default needs no new version:
 * filling it is what this module does anyway. Bump it only when stored data must be
 * rewritten (a renamed or moved key, a changed meaning), and add the step to STEPS.
 */
export const SETTINGS_VERSION = 1;
export const FIRST_SETTINGS_VERSION = 1;

export interface StoredSettings {
  settings: unknown;
  checklist: unknown;
}

/** STEPS[n] turns version-n data into version n + 1. None needed yet. */
const STEPS: Record<number, (stored: StoredSettings) => StoredSettings> = {};

/** Why settings of this version cannot be read here, or null when they can. */
export function settingsVersionProblem(version: unknown): string | null {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < FIRST_SETTINGS_VERSION) {
    return `its settings version (${JSON.stringify(version)?.slice(0, 20)}) is not one this Walk Away reads.`;
  }
  if (version > SETTINGS_VERSION) {
    return `its settings were made by a newer Walk Away (settings version ${version}); this one reads version ${SETTINGS_VERSION}.`;
  }
  return null;
}

/**
 * `version`: the version the data was stored in. A version this release cannot read is the
 * caller's to refuse first (settingsVersionProblem); here it only selects the steps to run.
 */
export function normalizeSettings(settings: unknown, checklist: unknown, version: number = FIRST_SETTINGS_VERSION): StoredSettings {
  let stored: StoredSettings = { settings, checklist };
  for (let v = version; v < SETTINGS_VERSION; v += 1) {
    const step = STEPS[v];
    if (step) stored = step(stored);
  }
  return { settings: fillSettings(stored.settings), checklist: fillChecklist(stored.checklist) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `defaults` decides the keys; each present value is kept, each absent one defaulted. */
function fill(input: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = input[key];
    out[key] = value === undefined ? fallback : value;
  }
  return out;
}

function fillSettings(input: unknown): unknown {
  // Not even an object: nothing to fill, and validation says the settings are malformed.
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaultSettings())) {
    const value = input[key];
    if (value === undefined) out[key] = fallback;
    // A group (thresholds, cutoffs, sites) is filled key by key; a group that is there but
    // not an object is kept for validation to refuse.
    else if (isRecord(fallback) && isRecord(value)) out[key] = fill(value, fallback);
    else out[key] = value;
  }
  return out;
}

function fillChecklist(input: unknown): unknown {
  if (!Array.isArray(input)) return input;
  const defaults = defaultChecklist();
  const rank = new Map(defaults.map((item, index) => [item.id, index]));
  const rankOf = (entry: unknown) => (isRecord(entry) && typeof entry.id === 'string' ? (rank.get(entry.id) ?? -1) : -1);
  const defaultsById = new Map(defaults.map((item) => [item.id, item]));
  const itemKeys = Object.keys(defaults[0] ?? {}) as Array<keyof ChecklistItem>;

  const items: unknown[] = input.map((entry: unknown) => {
    if (!isRecord(entry)) return entry;
    const builtIn = typeof entry.id === 'string' ? defaultsById.get(entry.id) : undefined;
    // A copy per item: a filled-in list must not be shared between items or with the defaults.
    const fallback: Partial<ChecklistItem> = builtIn ?? { ...structuredClone(ITEM_FIELD_DEFAULTS), builtIn: false };
    const out: Record<string, unknown> = {};
    for (const key of itemKeys) {
      const value = entry[key] === undefined ? fallback[key] : entry[key];
      if (value !== undefined) out[key] = value;
    }
    return out;
  });

  // An entry with a built-in id counts as present even if malformed: its own message says more.
  const present = new Set(items.map(rankOf).filter((r) => r >= 0));
  defaults.forEach((item, itemRank) => {
    if (present.has(itemRank)) return;
    // Before the first built-in that comes after it in SPEC order, else after the last built-in.
    const before = items.findIndex((entry) => rankOf(entry) > itemRank);
    const lastBuiltIn = items.findLastIndex((entry) => rankOf(entry) >= 0);
    items.splice(before >= 0 ? before : lastBuiltIn + 1, 0, { ...item });
  });
  return items.map((entry, order) => (isRecord(entry) ? { ...entry, order } : entry));
}

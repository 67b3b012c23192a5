/**
 * The one settings validator. The options page runs it to show a message next to each
 * bad field before sending anything; the worker runs it again as the authority, and
 * saves only what passes whole (nothing half-saved). Pure: data in, verdict out.
 */
import { defaultChecklist, isBuiltInItemId, BUILT_IN_ITEM_IDS, type ChecklistItem } from './items';
import { SITE_IDS, THRESHOLDS, type Cutoffs, type NumberRule, type Settings, type SiteId, type ThresholdKey } from './settings';

/** Field path ("thresholds.unresponsiveDays", "checklist.3.weight") -> message shown next to it. */
export type FieldErrors = Record<string, string>;

export type { NumberRule };

/** The validator's view of the threshold table (./settings.ts): min, max and step of each. */
export const THRESHOLD_RULES: Record<ThresholdKey, NumberRule> = THRESHOLDS;

/**
 * Cutoffs and weights move in halves: with weights like 0.1 a float sum can land just
 * under a cutoff it should reach (0.7 + 0.1 + 0.2 < 1). A cutoff of 0 would make every
 * deal "caution", hence the 0.5 minimum.
 */
export const CUTOFF_RULES: Record<keyof Cutoffs, NumberRule> = {
  walkAway: { min: 0.5, max: 100, step: 0.5 },
  caution: { min: 0.5, max: 100, step: 0.5 },
  minKnownForPursue: { min: 1, max: BUILT_IN_ITEM_IDS.length, step: 1 },
};

/** An item that should not count is turned off (enabled = false), not weighted 0. */
export const WEIGHT_RULE: NumberRule = { min: 0.5, max: 10, step: 0.5 };

export const TITLE_MAX = 80;
export const QUESTION_MAX = 200;
export const PHRASES_MAX = 20;
export const PHRASE_MIN_LENGTH = 2;
export const PHRASE_MAX_LENGTH = 80;
export const CUSTOM_ITEMS_MAX = 50;
export const OWN_EMAILS_MAX = 50;
const ITEM_ID_MAX_LENGTH = 64; // the message protocol's item id limit

const CUSTOM_ID = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Pragmatic address check: local part, @, a domain with at least one dot. No spaces or brackets.
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

export type ValidationResult =
  | { ok: true; settings: Settings; checklist: ChecklistItem[] }
  | { ok: false; fieldErrors: FieldErrors };

export function validateSettings(settings: unknown, checklist: unknown): ValidationResult {
  const errors: FieldErrors = {};
  const validSettings = readSettings(settings, errors);
  const validChecklist = readChecklist(checklist, errors);
  if (Object.keys(errors).length > 0 || !validSettings || !validChecklist) {
    return { ok: false, fieldErrors: errors };
  }
  return { ok: true, settings: validSettings, checklist: validChecklist };
}

/** The message shown for a number outside its rule, also used as a hint next to inputs. */
export function describeNumberRule(rule: NumberRule): string {
  if (rule.step === 1) return `Enter a whole number from ${rule.min} to ${rule.max}.`;
  if (rule.step === 0.5) return `Enter a number from ${rule.min} to ${rule.max}, in steps of 0.5.`;
  return `Enter a number from ${rule.min} to ${rule.max}.`;
}

/** `custom-<slug>` from a title, unique among `takenIds`. */
export function customItemId(title: string, takenIds: Iterable<string>): string {
  const taken = new Set(takenIds);
  const slug =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'item';
  const base = `custom-${slug}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readNumber(value: unknown, rule: NumberRule, path: string, errors: FieldErrors): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors[path] = `Enter a number. ${describeNumberRule(rule)}`;
    return undefined;
  }
  const offStep = rule.step !== 'any' && !Number.isInteger(value / rule.step);
  if (value < rule.min || value > rule.max || offStep) {
    errors[path] = describeNumberRule(rule);
    return undefined;
  }
  return value;
}

function readSettings(input: unknown, errors: FieldErrors): Settings | undefined {
  if (!isRecord(input)) {
    errors.settings = 'The settings are missing or malformed.';
    return undefined;
  }
  const thresholds = readNumberGroup(input.thresholds, THRESHOLD_RULES, 'thresholds', errors);
  const cutoffs = readNumberGroup(input.cutoffs, CUTOFF_RULES, 'cutoffs', errors);
  if (cutoffs && cutoffs.caution > cutoffs.walkAway) {
    errors['cutoffs.caution'] = `Caution must not be above the walk-away cutoff (${cutoffs.walkAway}).`;
  }
  const sites = readSites(input.sites, errors);
  const ownEmails = readOwnEmails(input.ownEmails, errors);
  if (!thresholds || !cutoffs || !sites || !ownEmails) return undefined;
  return { thresholds, cutoffs, sites, ownEmails };
}

function readNumberGroup<K extends string>(
  input: unknown,
  rules: Record<K, NumberRule>,
  prefix: string,
  errors: FieldErrors,
): Record<K, number> | undefined {
  if (!isRecord(input)) {
    errors[prefix] = 'This section is missing.';
    return undefined;
  }
  const out = {} as Record<K, number>;
  let complete = true;
  for (const key of Object.keys(rules) as K[]) {
    const value = readNumber(input[key], rules[key], `${prefix}.${key}`, errors);
    if (value === undefined) complete = false;
    else out[key] = value;
  }
  return complete ? out : undefined;
}

function readSites(input: unknown, errors: FieldErrors): Record<SiteId, boolean> | undefined {
  if (!isRecord(input)) {
    errors.sites = 'The list of sites is missing.';
    return undefined;
  }
  const out = {} as Record<SiteId, boolean>;
  let complete = true;
  for (const site of SITE_IDS) {
    const on = input[site];
    if (typeof on !== 'boolean') {
      errors[`sites.${site}`] = 'Turn this site on or off.';
      complete = false;
    } else {
      out[site] = on;
    }
  }
  return complete ? out : undefined;
}

function readOwnEmails(input: unknown, errors: FieldErrors): string[] | undefined {
  if (!Array.isArray(input) || !input.every((entry) => typeof entry === 'string')) {
    errors.ownEmails = 'Enter email addresses, one per line.';
    return undefined;
  }
  const addresses = [...new Set(input.map((entry) => entry.trim().toLowerCase()).filter(Boolean))];
  const bad = addresses.filter((address) => address.length > 254 || !EMAIL.test(address));
  if (bad.length > 0) {
    errors.ownEmails = `Not ${bad.length === 1 ? 'an email address' : 'email addresses'}: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? '…' : ''}`;
    return undefined;
  }
  if (addresses.length > OWN_EMAILS_MAX) {
    errors.ownEmails = `At most ${OWN_EMAILS_MAX} addresses.`;
    return undefined;
  }
  return addresses;
}

function readChecklist(input: unknown, errors: FieldErrors): ChecklistItem[] | undefined {
  if (!Array.isArray(input)) {
    errors.checklist = 'The checklist is missing.';
    return undefined;
  }
  const defaults = new Map(defaultChecklist().map((item) => [item.id, item]));
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  let customCount = 0;
  input.forEach((raw: unknown, index) => {
    const item = readItem(raw, index, defaults, errors);
    if (!item) return;
    if (seen.has(item.id)) {
      errors[`checklist.${index}.id`] = `Another item already uses the id "${item.id}".`;
      return;
    }
    seen.add(item.id);
    if (!item.builtIn) customCount += 1;
    items.push(item);
  });

  const missing = BUILT_IN_ITEM_IDS.filter((id) => !seen.has(id));
  // Only report missing built-ins when the item itself was not just invalid (its own message says more).
  const reallyMissing = missing.filter(
    (id) => !input.some((raw: unknown) => isRecord(raw) && raw.id === id),
  );
  if (reallyMissing.length > 0) errors.checklist = `Built-in items can be turned off but not removed; missing: ${reallyMissing.join(', ')}.`;
  if (customCount > CUSTOM_ITEMS_MAX) errors.checklist = `At most ${CUSTOM_ITEMS_MAX} custom items.`;
  if (missing.length > 0 || items.length !== input.length || customCount > CUSTOM_ITEMS_MAX) return undefined;

  // Built-ins keep SPEC order, custom items follow in the order the rep added them.
  const rank = (item: ChecklistItem, index: number) =>
    item.builtIn ? (BUILT_IN_ITEM_IDS as readonly string[]).indexOf(item.id) : BUILT_IN_ITEM_IDS.length + index;
  return items
    .map((item, index) => ({ item, rank: rank(item, index) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ item }, order) => ({ ...item, order }));
}

function readItem(
  raw: unknown,
  index: number,
  defaults: Map<string, ChecklistItem>,
  errors: FieldErrors,
): ChecklistItem | undefined {
  const path = `checklist.${index}`;
  if (!isRecord(raw)) {
    errors[path] = 'This item is malformed.';
    return undefined;
  }
  const id = raw.id;
  const builtIn = typeof id === 'string' && isBuiltInItemId(id);
  if (typeof id !== 'string' || (!builtIn && (!CUSTOM_ID.test(id) || id.length > ITEM_ID_MAX_LENGTH))) {
    errors[`${path}.id`] = 'Custom item ids look like "custom-<words-joined-by-dashes>".';
    return undefined;
  }

  let ok = true;
  const title = readText(raw.title, 1, TITLE_MAX, `${path}.title`, 'Give the item a title', errors);
  const weight = readNumber(raw.weight, WEIGHT_RULE, `${path}.weight`, errors);
  if (typeof raw.enabled !== 'boolean') {
    errors[`${path}.enabled`] = 'Turn this item on or off.';
    ok = false;
  }

  let question: string | undefined;
  let yesMeans: ChecklistItem['yesMeans'] | undefined;
  let phrases: string[] | undefined;
  const builtInDefaults = defaults.get(id);
  if (builtInDefaults) {
    // Built-in questions are not editable; taking them from the defaults keeps each
    // question paired with the yes/no meaning the scoring and popup rely on.
    question = builtInDefaults.question;
    yesMeans = builtInDefaults.yesMeans;
    if (raw.phrases !== undefined && !(Array.isArray(raw.phrases) && raw.phrases.length === 0)) {
      errors[`${path}.phrases`] = 'Built-in items are read automatically and take no trigger phrases.';
      ok = false;
    }
    phrases = [];
  } else {
    question = readText(raw.question, 1, QUESTION_MAX, `${path}.question`, 'Write the question you would answer by hand', errors);
    if (raw.yesMeans === 'flagged' || raw.yesMeans === 'clear') {
      yesMeans = raw.yesMeans;
    } else {
      errors[`${path}.yesMeans`] = 'Choose what a "yes" to the question means.';
    }
    phrases = readPhrases(raw.phrases, `${path}.phrases`, errors);
  }

  if (!ok || title === undefined || weight === undefined || question === undefined || !yesMeans || !phrases) {
    return undefined;
  }
  return { id, title, question, yesMeans, weight, enabled: raw.enabled as boolean, builtIn, order: index, phrases };
}

function readText(
  value: unknown,
  min: number,
  max: number,
  path: string,
  what: string,
  errors: FieldErrors,
): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < min || text.length > max) {
    errors[path] = `${what} (${min} to ${max} characters).`;
    return undefined;
  }
  return text;
}

function readPhrases(value: unknown, path: string, errors: FieldErrors): string[] | undefined {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    errors[path] = 'Enter trigger phrases, one per line.';
    return undefined;
  }
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const entry of value) {
    const phrase = entry.trim().replace(/\s+/g, ' ');
    if (!phrase) continue;
    if (phrase.length < PHRASE_MIN_LENGTH || phrase.length > PHRASE_MAX_LENGTH || !HAS_WORD_CHARACTER.test(phrase)) {
      errors[path] = `Each phrase needs ${PHRASE_MIN_LENGTH} to ${PHRASE_MAX_LENGTH} characters, with letters or digits: "${phrase.slice(0, 40)}"`;
      return undefined;
    }
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  if (phrases.length < 1 || phrases.length > PHRASES_MAX) {
    errors[path] = `Enter 1 to ${PHRASES_MAX} trigger phrases, one per line.`;
    return undefined;
  }
  return phrases;
}

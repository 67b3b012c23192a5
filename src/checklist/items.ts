/**
 * The walk-away checklist (SPEC section 1): data only, no logic.
 * Ids are a stable contract (storage, exports, badge attributes); titles may be reworded.
 */

/** Built-in ids, or `custom-<slug>` for items the rep adds. */
export type ItemId = string;

export interface ChecklistItem {
  id: ItemId;
  /** Short name of the walk-away reason, shown in lists ("No real need"). */
  title: string;
  /** The question the rep answers by hand. */
  question: string;
  /**
   * What a "yes" to `question` means. The SPEC's questions are phrased both ways
   * ("Does the prospect really need it?" vs "Is the buyer focused solely on price?"),
   * so the UI needs to know which answer is the walk-away one.
   */
  yesMeans: 'flagged' | 'clear';
  weight: number;
  enabled: boolean;
  builtIn: boolean;
  /** Position in the checklist; built-ins keep SPEC order, custom items come after. */
  order: number;
  /** Trigger phrases for custom items (matched in the buyer's own words). */
  phrases: string[];
}

/**
 * The built-in items in SPEC order: the one list a built-in item is declared in. An install
 * whose stored checklist lacks one gets it at its place here, on load and import
 * (./normalize.ts). Each needs its rule in src/scoring/score.ts (BUILT_IN_RULES).
 */
const DEFAULT_ITEMS = [
  { id: 'no-need', title: 'No real need', question: 'Does the prospect really need what we sell?', yesMeans: 'clear' },
  { id: 'requirements-unmet', title: 'Requirements unmet', question: 'Do we meet their requirements?', yesMeans: 'clear' },
  { id: 'poor-fit', title: 'Poor fit', question: 'Is the company / person / sale a good fit?', yesMeans: 'clear' },
  { id: 'cost-to-serve', title: 'Cost to serve', question: 'Will keeping them happy cost more than it is worth?', yesMeans: 'flagged' },
  { id: 'price-only', title: 'Price-only buyer', question: 'Is the buyer focused solely on price?', yesMeans: 'flagged' },
  { id: 'no-urgency', title: 'No urgency', question: 'Is the prospect in no hurry to decide?', yesMeans: 'flagged' },
  { id: 'gatekeeper', title: 'Gatekeeper', question: 'Is our contact not the decision maker, and blocking access?', yesMeans: 'flagged' },
  { id: 'budget-hidden', title: 'Budget hidden', question: 'Will they not tell us whether they have a budget?', yesMeans: 'flagged' },
  { id: 'crowded-field', title: 'More than three vendors', question: 'Are more than three vendors competing?', yesMeans: 'flagged' },
  { id: 'unresponsive', title: 'Unresponsive', question: 'Are they not returning our calls and emails?', yesMeans: 'flagged' },
  { id: 'stalled', title: 'Stalled', question: 'Is the deal not moving forward?', yesMeans: 'flagged' },
  { id: 'no-value', title: 'No perceived value', question: 'Does the buyer not see the value?', yesMeans: 'flagged' },
] as const satisfies ReadonlyArray<Pick<ChecklistItem, 'id' | 'title' | 'question' | 'yesMeans'>>;

export type BuiltInItemId = (typeof DEFAULT_ITEMS)[number]['id'];
export const BUILT_IN_ITEM_IDS: readonly BuiltInItemId[] = DEFAULT_ITEMS.map((item) => item.id);

/**
 * What an item gets for a field it was stored without: every built-in item seeded or
 * inserted, and any stored item from before a release added the field.
 */
export const ITEM_FIELD_DEFAULTS: Readonly<Pick<ChecklistItem, 'weight' | 'enabled' | 'phrases'>> = { weight: 1, enabled: true, phrases: [] };

/** The built-in items as seeded on install: default weight, enabled, SPEC order. */
export function defaultChecklist(): ChecklistItem[] {
  return DEFAULT_ITEMS.map((item, index) => defaultItem(item, index));
}

function defaultItem(item: (typeof DEFAULT_ITEMS)[number], order: number): ChecklistItem {
  return { ...item, ...ITEM_FIELD_DEFAULTS, phrases: [], builtIn: true, order };
}

export function isBuiltInItemId(id: string): id is BuiltInItemId {
  return (BUILT_IN_ITEM_IDS as readonly string[]).includes(id);
}

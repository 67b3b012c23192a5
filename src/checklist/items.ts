/**
 * The walk-away checklist (SPEC section 1): data only, no logic.
 * Ids are a stable contract (storage, exports, badge attributes); titles may be reworded.
 */

export const BUILT_IN_ITEM_IDS = [
  'no-need',
  'requirements-unmet',
  'poor-fit',
  'cost-to-serve',
  'price-only',
  'no-urgency',
  'gatekeeper',
  'budget-hidden',
  'crowded-field',
  'unresponsive',
  'stalled',
  'no-value',
] as const;

export type BuiltInItemId = (typeof BUILT_IN_ITEM_IDS)[number];
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

const DEFAULT_ITEMS: ReadonlyArray<Pick<ChecklistItem, 'id' | 'title' | 'question' | 'yesMeans'>> = [
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
];

/** The twelve items as seeded on install: weight 1, enabled, SPEC order. */
export function defaultChecklist(): ChecklistItem[] {
  return DEFAULT_ITEMS.map((item, index) => ({
    ...item,
    weight: 1,
    enabled: true,
    builtIn: true,
    order: index,
    phrases: [],
  }));
}

export function isBuiltInItemId(id: string): id is BuiltInItemId {
  return (BUILT_IN_ITEM_IDS as readonly string[]).includes(id);
}

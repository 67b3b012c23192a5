/**
 * The generic label/value reader: finds deal fields by the labels a person sees
 * ("Close date" next to its value), whatever the markup. Every adapter ends with it,
 * and it is what keeps an adapter working when a site renames its classes.
 *
 * It runs in the content script on every read, so it makes one pass over the text
 * nodes (labels are text), looks only at the neighbourhood of the few that are labels,
 * and never calls anything that forces layout (textContent, not innerText).
 */
import type { FieldName } from './types';

/** Visible labels per field, English and German, lower-case, without trailing ":" or "*". */
export const LABEL_SYNONYMS: Readonly<Record<FieldName, readonly string[]>> = {
  dealName: ['deal name', 'opportunity name', 'dealname', 'deal-name', 'name der verkaufschance', 'verkaufschance'],
  amount: ['amount', 'deal amount', 'deal value', 'opportunity amount', 'value', 'betrag', 'deal-betrag', 'dealbetrag', 'wert', 'deal-wert', 'expected revenue', 'erwarteter umsatz'],
  stage: ['stage', 'deal stage', 'sales stage', 'opportunity stage', 'pipeline stage', 'phase', 'deal-phase', 'dealphase', 'verkaufsphase', 'stufe'],
  pipeline: ['pipeline', 'deal pipeline', 'sales pipeline name', 'vertriebspipeline'],
  closeDate: [
    'close date',
    'expected close',
    'expected close date',
    'closing date',
    'abschlussdatum',
    'erwartetes abschlussdatum',
    'voraussichtliches abschlussdatum',
    'expected closing',
    'erwarteter abschluss',
  ],
  createDate: ['create date', 'created', 'created date', 'created on', 'date created', 'creation date', 'erstellt', 'erstellt am', 'erstelldatum', 'erstellungsdatum'],
  daysInStage: ['days in stage', 'time in stage', 'time in current stage', 'days in current stage', 'tage in phase', 'tage in der phase', 'zeit in phase'],
  stageEnteredDate: ['stage entered', 'stage entered date', 'date entered stage', 'date entered current stage', 'last stage update', 'in phase seit', 'phase seit'],
  lastActivityDate: [
    'last activity',
    'last activity date',
    'last contacted',
    'last activity on',
    'letzte aktivität',
    'datum der letzten aktivität',
    'zuletzt kontaktiert',
    'last contacted date',
  ],
  nextStep: ['next step', 'next steps', 'nächster schritt', 'nächste schritte'],
  owner: ['owner', 'deal owner', 'opportunity owner', 'deal-inhaber', 'dealinhaber', 'inhaber', 'verantwortlich', 'assigned to', 'assigned user', 'salesperson', 'verkäufer'],
  competitors: ['competitors', 'competitor', 'competition', 'main competitors', 'main competitor(s)', 'wettbewerber', 'mitbewerber', 'konkurrenten', 'wettbewerb'],
  budget: ['budget', 'budget confirmed', 'budget amount', 'budget status', 'budget bestätigt', 'budgetbetrag', 'budget-betrag'],
  discount: ['discount', 'discount %', 'discount (%)', 'rabatt', 'rabatt %', 'nachlass'],
  segment: ['segment', 'customer segment', 'market segment', 'kundensegment', 'marktsegment'],
  companySize: ['company size', 'number of employees', 'employees', 'unternehmensgröße', 'firmengröße', 'mitarbeiterzahl', 'anzahl der mitarbeiter'],
};

export const MAX_VALUE_CHARS = 2_000;

/** Longer text can't be a label on its own; a "Label: value" line is checked up to its colon. */
const MAX_LABEL_CHARS = 48;
const SHOW_ELEMENT_AND_TEXT = 0x5; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT, without relying on the global
/** How far a label may be wrapped (span in label in div...) before we stop climbing. */
const MAX_CLIMB = 6;

/** Never read from these: our own badge, things not shown, code. */
const IGNORED =
  'walkaway-badge, script, style, noscript, template, [hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]';
/** Subtrees that never hold labels, skipped whole by the walk (a cheap tag check). */
const UNREAD_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'WALKAWAY-BADGE']);
/**
 * History, not the record: an activity feed or timeline. On a big record it holds most of
 * the page's text (the bench's 5,000-element record), and its lines are not deal fields.
 */
const HISTORY_ROLES = '[role="feed"], [role="log"]';
const HISTORY_LABEL = /^(?:activity|activities|activity feed|activity timeline|timeline|history|aktivitäten|verlauf)$/i;
const FIELD_COUNT = Object.keys(LABEL_SYNONYMS).length;
/** Label text inside these is a choice or a control, not a field label. */
const NOT_A_LABEL = `${IGNORED}, option, select, textarea, datalist`;
/** Elements that sit next to a label without being its value. */
const DECORATIVE_TAGS = new Set(['svg', 'IMG', 'I', 'ABBR', 'PICTURE']);
/** Labels and the marks around them are small: anything with more children is content. */
const MAX_SMALL_CHILDREN = 3;
/** Boundaries that separate words even though textContent would run them together. */
const BLOCK_TAGS = new Set(['DIV', 'P', 'BR', 'TR', 'TD', 'TH', 'DD', 'DT', 'UL', 'OL', 'SECTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TBODY']);

export function normalizeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*：]+$/, '')
    .replace(/^[\s*]+/, '')
    .toLowerCase();
}

const FIELD_BY_LABEL: ReadonlyMap<string, FieldName> = new Map(
  (Object.entries(LABEL_SYNONYMS) as Array<[FieldName, readonly string[]]>).flatMap(([field, labels]) =>
    labels.map((label): [string, FieldName] => [normalizeLabel(label), field]),
  ),
);

/** The field a visible label names, if any ("Expected close:" -> closeDate). */
export function fieldForLabel(text: string): FieldName | undefined {
  if (text.length > MAX_LABEL_CHARS * 2) return undefined;
  return FIELD_BY_LABEL.get(normalizeLabel(text));
}

export function cleanValue(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE_CHARS);
}

interface LabelMatch {
  field: FieldName;
  /** Set for "Label: value" in one text node: the part after the colon. */
  inlineValue?: string;
}

/** ':' '*' ' ' and the full-width colon, which may trail a label. */
function isLabelPunctuation(code: number): boolean {
  return code === 58 || code === 42 || code === 32 || code === 0xff1a;
}

const SHORTEST_LABEL = Math.min(...[...FIELD_BY_LABEL.keys()].map((label) => label.length));
/** First characters labels can start with (either case, or a required-marker "*"). */
const LABEL_STARTS = new Set([...FIELD_BY_LABEL.keys()].flatMap((label) => [label.charCodeAt(0), label.toUpperCase().charCodeAt(0)]).concat(42));

/** Whitespace other than single spaces: the text needs the full (regex) normalisation. */
function hasOddWhitespace(text: string): boolean {
  return text.includes('  ') || text.includes('\n') || text.includes('\t') || text.includes('\u00a0');
}

/**
 * Called for every text node on the page, so the common cases stay cheap: a few char
 * checks and a map lookup, with the regex normalisation only for odd whitespace.
 * (Measured in Chromium: about as costly as reading nodeValue itself.)
 */
function fieldOfShortText(trimmed: string): FieldName | undefined {
  if (trimmed.length < SHORTEST_LABEL || !LABEL_STARTS.has(trimmed.charCodeAt(0))) return undefined;
  const lower = trimmed.toLowerCase();
  let end = lower.length;
  while (end > 0 && isLabelPunctuation(lower.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && lower.charCodeAt(start) === 42) start++;
  const key = start > 0 || end < lower.length ? lower.slice(start, end).trim() : lower;
  const field = FIELD_BY_LABEL.get(key);
  if (field || !hasOddWhitespace(key)) return field;
  return FIELD_BY_LABEL.get(normalizeLabel(trimmed));
}

function matchLabel(raw: string): LabelMatch | null {
  const text = raw.trim();
  if (text === '') return null;
  if (text.length <= MAX_LABEL_CHARS) {
    const field = fieldOfShortText(text);
    if (field) return { field };
  }
  // "Close date: Sep 17, 2026" in one text node.
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > MAX_LABEL_CHARS) return null;
  const field = fieldOfShortText(text.slice(0, colon));
  // From the untrimmed text: a trailing space separates this value from the next node's text.
  const rest = raw.slice(raw.indexOf(':') + 1);
  return field && rest.trim() !== '' ? { field, inlineValue: rest } : null;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isIgnored(el: Element): boolean {
  return el.matches(IGNORED);
}

/** Whitespace, a colon or a required-marker: what sits between a label and its value. */
function isPunctuation(text: string): boolean {
  return /^[\s:*：]*$/.test(text);
}

/**
 * A sibling that is neither the label nor its value: punctuation, an icon, something
 * hidden. An empty span is NOT trivial: it may be the (empty) value.
 */
function isTrivial(node: Node): boolean {
  if (!isElement(node)) return node.nodeType !== 3 || isPunctuation(node.nodeValue ?? '');
  if (DECORATIVE_TAGS.has(node.tagName) || isIgnored(node)) return true;
  if (isFormControl(node) || node.childElementCount > MAX_SMALL_CHILDREN) return false;
  const text = node.textContent ?? '';
  if (text.length > 0) return isPunctuation(text);
  // No text: an icon wrapper (button with an svg) is decoration, a bare empty element is a value.
  return node.querySelector('svg, img, i') !== null;
}

function hasOnlyTrivialSiblings(node: Node): boolean {
  const parent = node.parentNode;
  if (!parent) return false;
  for (let sibling = parent.firstChild; sibling; sibling = sibling.nextSibling) {
    if (sibling !== node && !isTrivial(sibling)) return false;
  }
  return true;
}

function isFormControl(el: Element): boolean {
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
}

function controlValue(el: Element): string {
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  }
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'Yes' : 'No';
    return input.value;
  }
  return (el as HTMLTextAreaElement).value;
}

export interface TextOptions {
  /** Also skip these (quoted replies in a mail body). */
  skip?: string;
  /** Stop collecting after this many characters. */
  max?: number;
  /** Keep block edges as line breaks (mail bodies) instead of spaces (field values). */
  lines?: boolean;
}

/**
 * The same string object for the same extra selector: the DOM converts a selector string it
 * has not seen before (a new one each call) before it can find it in its cache.
 */
const skipSelectors = new Map<string, string>();
function skipSelector(extra: string): string {
  let selector = skipSelectors.get(extra);
  if (selector === undefined) {
    selector = `${IGNORED}, ${extra}`;
    skipSelectors.set(extra, selector);
  }
  return selector;
}

/**
 * Visible text of an element (or a shadow root): hidden parts and our badge skipped,
 * words kept apart at block edges (textContent runs "<div>a</div><div>b</div>"
 * together), list items joined with commas, capped while walking so a huge element
 * costs no more than the cap.
 */
export function readText(el: Node, options: TextOptions = {}): string {
  const max = options.max ?? MAX_VALUE_CHARS;
  const skip = options.skip ? skipSelector(options.skip) : IGNORED;
  const blockEdge = options.lines ? '\n' : ' ';
  let out = '';
  // Whether the walk is inside a <pre>, tracked on the way down (not a closest() per text node).
  const visit = (node: Node, inPre: boolean): void => {
    if (out.length > max) return;
    if (node.nodeType === 3) {
      // Line breaks in the HTML source are spaces on screen, except in <pre>.
      // (Other whitespace runs are collapsed once at the end; only a line break needs it here.)
      const data = node.nodeValue ?? '';
      out += options.lines && !inPre && data.includes('\n') ? data.replace(/\n/g, ' ') : data;
      return;
    }
    if (!isElement(node) || node.matches(skip) || node.tagName === 'OPTION') return;
    const pre = inPre || node.tagName === 'PRE';
    // In a field value, list items are a list ("Contoso, Fabrikam"); in a mail body, lines.
    const listItem = node.tagName === 'LI' && !options.lines;
    const block = !listItem && (BLOCK_TAGS.has(node.tagName) || node.tagName === 'LI');
    if (listItem && out.trim() !== '') out += ', ';
    else if (block) out += blockEdge;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, pre);
    if (block) out += blockEdge;
  };
  const rootInPre = options.lines === true && isElement(el) && el.closest('pre') !== null;
  for (let child = el.firstChild; child; child = child.nextSibling) visit(child, rootInPre);
  if (!options.lines) return cleanValue(out).slice(0, max);
  return out
    .replace(/[^\S\n]+/g, ' ')
    // Adjacent blocks give two breaks (one closing, one opening): only more is a blank line.
    .replace(/ *\n[\s]*/g, (breaks) => (breaks.split('\n').length > 3 ? '\n\n' : '\n'))
    .trim()
    .slice(0, max);
}

/**
 * Adds what a site's own hooks read on top of what the labels gave; an empty hook value
 * never hides a label's non-empty one.
 */
export function mergeFields(
  fromLabels: Partial<Record<FieldName, string>>,
  fromHooks: Partial<Record<FieldName, string>>,
): Partial<Record<FieldName, string>> {
  const fields = { ...fromLabels };
  for (const [name, value] of Object.entries(fromHooks) as Array<[FieldName, string]>) {
    if (value !== '' || fields[name] === undefined) fields[name] = value;
  }
  return fields;
}

/** A field's value element as text: a form control's value, or its visible text. */
export function readValue(el: Element): string {
  if (isFormControl(el)) return cleanValue(controlValue(el));
  const text = readText(el);
  if (text !== '') return text;
  const control = el.querySelector('input:not([type="hidden"]), select, textarea');
  return control ? cleanValue(controlValue(control)) : '';
}

/** Does this element read as a field label itself (so it can't be the previous label's value)? */
function looksLikeLabel(el: Element): boolean {
  if (el.childElementCount > MAX_SMALL_CHILDREN) return false;
  const text = el.textContent ?? '';
  return text.length <= MAX_LABEL_CHARS && FIELD_BY_LABEL.has(normalizeLabel(text));
}

/** Text that follows a label inside the same line: "<b>Stage:</b> Proposal <br>". */
function inlineTextAfter(start: Node | null, prefix = ''): string {
  let text = prefix;
  for (let node = start; node && text.length <= MAX_VALUE_CHARS; node = node.nextSibling) {
    if (isElement(node)) {
      if (node.tagName === 'BR' || BLOCK_TAGS.has(node.tagName) || looksLikeLabel(node)) break;
      if (isIgnored(node)) continue;
      text += isFormControl(node) ? controlValue(node) : readText(node);
    } else if (node.nodeType === 3) {
      const data = node.nodeValue ?? '';
      // The next "Label: value" on the same line ends this value.
      if (matchLabel(data.trim())) break;
      text += data;
    }
  }
  return cleanValue(text);
}

interface Context {
  root: Node;
  /** Looks ids up where they live: the document, or the shadow root being read. */
  byId(id: string): Element | null;
  /** id -> the element that names it in aria-labelledby. */
  labelledBy: Map<string, Element>;
}

function valueForLabel(textNode: Text, ctx: Context): string | null {
  // Climb out of wrappers that hold nothing but the label: span in label in div.
  const chain: Element[] = [];
  let labelNode: Node = textNode;
  for (let depth = 0; depth < MAX_CLIMB; depth++) {
    const parent = labelNode.parentElement;
    if (!parent || parent === ctx.root || !hasOnlyTrivialSiblings(labelNode)) break;
    labelNode = parent;
    chain.push(parent);
  }
  if (labelNode.parentElement && labelNode.parentElement !== ctx.root) chain.push(labelNode.parentElement);

  for (const el of chain) {
    const forId = el.tagName === 'LABEL' ? el.getAttribute('for') : null;
    if (forId) {
      const target = ctx.byId(forId);
      if (target) return readValue(target);
    }
    const labelled = el.id ? ctx.labelledBy.get(el.id) : undefined;
    if (labelled) return readValue(labelled);
  }

  if (!isElement(labelNode)) return siblingValue(labelNode);
  switch (labelNode.tagName) {
    case 'TH':
    case 'TD': {
      const cell = labelNode.nextElementSibling;
      // A header row (th next to th) names columns, not one value.
      if (!cell || (labelNode.tagName === 'TH' && cell.tagName === 'TH') || looksLikeLabel(cell)) return null;
      return readValue(cell);
    }
    case 'DT': {
      const dd = labelNode.nextElementSibling;
      return dd && dd.tagName === 'DD' ? readValue(dd) : null;
    }
    default:
      return siblingValue(labelNode);
  }
}

/** The value after a label node: the next element that is not decoration, or the text that follows. */
function siblingValue(labelNode: Node): string | null {
  for (let node = labelNode.nextSibling; node; node = node.nextSibling) {
    if (isTrivial(node)) continue;
    if (!isElement(node)) return inlineTextAfter(node);
    if (looksLikeLabel(node)) return null;
    return readValue(node);
  }
  return null;
}

/**
 * An aria-label on a value holds one value; on a group of texts (a stage bar labelled
 * "Pipeline", a toolbar) it names the group, whose text is no field value.
 */
function isLabelledGroup(el: Element): boolean {
  let texts = 0;
  for (const child of el.children) {
    if ((child.textContent ?? '').trim() !== '' && ++texts > 1) return true;
  }
  return false;
}

function ownerDocumentOf(root: ParentNode): Document {
  return root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
}

interface PageIndex {
  labelledBy: Map<string, Element>;
  ariaLabelled: Element[];
  /** Subtrees the text walk leaves out: history regions, and what the adapter names. */
  skipped: Set<Element>;
}

/**
 * One selector pass over the page (each pass costs about as much as the walk on a big
 * record): aria-labelledby targets by id, aria-label holders, and the subtrees to skip.
 */
function indexPage(root: ParentNode, skip: string | undefined): PageIndex {
  const labelledBy = new Map<string, Element>();
  const ariaLabelled: Element[] = [];
  const skipped = new Set<Element>();
  const skipSelector = skip ? `${HISTORY_ROLES}, ${skip}` : HISTORY_ROLES;
  for (const el of root.querySelectorAll(`[aria-labelledby], [aria-label], ${skipSelector}`)) {
    const ariaLabel = el.getAttribute('aria-label');
    if (el.matches(skipSelector) || (ariaLabel !== null && HISTORY_LABEL.test(ariaLabel.trim()))) skipped.add(el);
    if (ariaLabel !== null) ariaLabelled.push(el);
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      if (id && !labelledBy.has(id)) labelledBy.set(id, el);
    }
  }
  return { labelledBy, ariaLabelled, skipped };
}

export interface LabelOptions {
  /** Subtrees the adapter knows hold no fields (its timeline entries): not walked. */
  skip?: string;
}

/**
 * Reads deal fields by their visible labels under `root`. The first non-empty value
 * of a field wins; an empty one ("Budget" with nothing next to it) is kept unless a
 * later occurrence has a value. Activity feeds and timelines are not walked, and the
 * walk stops once every field has a value.
 */
export function readLabelledFields(root: ParentNode, options: LabelOptions = {}): { fields: Partial<Record<FieldName, string>> } {
  const fields: Partial<Record<FieldName, string>> = {};
  const settled = (field: FieldName) => fields[field] !== undefined && fields[field] !== '';
  const record = (field: FieldName, value: string | null) => {
    if (value !== null && !settled(field)) fields[field] = value;
  };
  const doc = ownerDocumentOf(root);
  const { labelledBy, ariaLabelled, skipped } = indexPage(root, options.skip);
  const scope: NonElementParentNode = 'getElementById' in root ? (root as NonElementParentNode) : doc;
  const byId = (id: string) => scope.getElementById(id);
  const ctx: Context = { root, byId, labelledBy };
  let settledCount = 0;

  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  /** The node after `walker.currentNode`'s subtree, or null at the end. */
  const pastSubtree = (): Node | null => {
    for (;;) {
      const next = walker.nextSibling();
      if (next) return next;
      if (!walker.parentNode()) return null;
    }
  };
  for (let node = walker.nextNode(); node && settledCount < FIELD_COUNT; ) {
    if (node.nodeType === 1) {
      node = UNREAD_TAGS.has((node as Element).tagName) || skipped.has(node as Element) ? pastSubtree() : walker.nextNode();
      continue;
    }
    const current = node;
    node = walker.nextNode();
    const match = matchLabel(current.nodeValue ?? '');
    if (!match || settled(match.field)) continue;
    const parent = current.parentElement;
    if (!parent || parent.closest(NOT_A_LABEL)) continue;
    const value =
      match.inlineValue === undefined ? valueForLabel(current as Text, ctx) : inlineTextAfter(current.nextSibling, match.inlineValue);
    record(match.field, value);
    if (settled(match.field)) settledCount += 1;
  }

  // Labels that are not text on the page: aria-labelledby pointing at a label elsewhere,
  // or aria-label on the value itself.
  for (const [id, el] of labelledBy) {
    const label = byId(id);
    const field = label ? fieldForLabel(label.textContent ?? '') : undefined;
    if (field && !settled(field) && !el.closest(IGNORED) && !label?.closest(IGNORED)) record(field, readValue(el));
  }
  for (const el of ariaLabelled) {
    const label = el.getAttribute('aria-label') ?? '';
    const field = fieldForLabel(label);
    if (!field || settled(field) || el.closest(IGNORED) || isLabelledGroup(el)) continue;
    const value = readValue(el);
    // A labelled group repeats its label in its text ("Stage Proposal"): keep the value.
    const labelText = cleanValue(label).replace(/[\s:*]+$/, '');
    record(field, value.toLowerCase().startsWith(labelText.toLowerCase()) ? cleanValue(value.slice(labelText.length).replace(/^[\s:*]+/, '')) : value);
  }
  return { fields };
}

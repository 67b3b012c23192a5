/**
 * Event-driven watching, no polling: a debounced MutationObserver for late and changing
 * DOM, and navigation events for single-page apps.
 */

const DEBOUNCE_MS = 120;
/**
 * Until the page has given a first reading, a short wait: a single-page app that renders its
 * record after load would otherwise add the whole debounce to the time the badge appears.
 */
const FIRST_READ_DEBOUNCE_MS = 16;
/** Under a page that never stops mutating, still read at least this often. */
const MAX_WAIT_MS = 1_000;

/** A change to our badge (or its insertion) is not a change of the page. */
function isOwnChange(record: MutationRecord, ours: Node): boolean {
  if (ours.contains(record.target)) return true;
  const touched = [...record.addedNodes, ...record.removedNodes];
  return touched.length > 0 && touched.every((node) => node === ours);
}

/**
 * Calls `onChange` (debounced) when the page's DOM changes, ignoring our own badge.
 * `waitingForFirst` true: nothing read yet, so the debounce is short.
 */
export function watchMutations(onChange: () => void, signal: AbortSignal, ours: Node, waitingForFirst: () => boolean = () => false): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;
  const fire = () => {
    timer = undefined;
    firstPending = null;
    if (!signal.aborted) onChange();
  };
  const observer = new MutationObserver((records) => {
    if (records.every((record) => isOwnChange(record, ours))) return;
    const now = performance.now();
    firstPending ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, now - firstPending >= MAX_WAIT_MS ? 0 : waitingForFirst() ? FIRST_READ_DEBOUNCE_MS : DEBOUNCE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}

interface NavigationLike extends EventTarget {
  addEventListener(type: 'navigatesuccess', listener: () => void): void;
}

/**
 * Calls `onNavigate` when the URL changes without a reload. The Navigation API sees
 * pushState from the page's own scripts (content scripts can't patch history in the
 * page's world); popstate and hashchange cover browsers without it.
 */
export function watchNavigation(onNavigate: () => void): void {
  let current = location.href;
  const check = () => {
    if (location.href === current) return;
    current = location.href;
    onNavigate();
  };
  const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('navigatesuccess', check);
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  // Some apps replace the URL and the DOM together: the URL is checked on DOM changes too.
  new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Evidence in context: scrolls the open thread to the message a quote came from and
 * marks it for a moment. Only an outline and a data attribute are set on the site's
 * element, and both are taken off again.
 */
import type { Adapter } from '../adapters/types';

const HIGHLIGHT_MS = 4_000;
const MARK = 'data-walkaway-reveal';
let undo: (() => void) | null = null;

export function revealMessage(adapter: Adapter, doc: Document, url: URL, messageIndex: number): boolean {
  // The list `read` numbered the messages by (src/adapters/types.ts, Adapter.messages).
  const target = adapter.messages?.(doc, url).elements[messageIndex];
  if (!(target instanceof HTMLElement)) return false;
  undo?.();
  const { outline, outlineOffset } = target.style;
  target.style.outline = '3px solid #f0b429';
  target.style.outlineOffset = '2px';
  target.setAttribute(MARK, '');
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const timer = setTimeout(() => undo?.(), HIGHLIGHT_MS);
  undo = () => {
    clearTimeout(timer);
    target.style.outline = outline;
    target.style.outlineOffset = outlineOffset;
    target.removeAttribute(MARK);
    undo = null;
  };
  return true;
}

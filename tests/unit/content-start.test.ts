// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterLoad, FALLBACK_MS } from '../../src/content/start';

/** A document whose readyState the test controls, on the real window for events. */
function docIn(state: DocumentReadyState): Document {
  return { readyState: state } as Document;
}

describe('afterLoad', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts at once on a page that has finished loading', () => {
    const start = vi.fn();
    afterLoad(start, docIn('complete'), window);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits for the load event, then starts in a later task, once', () => {
    const start = vi.fn();
    afterLoad(start, docIn('interactive'), window);
    expect(start).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('load'));
    // Not inside the load event itself: its handlers would count in loadEventEnd.
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FALLBACK_MS * 2);
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('counts the fallback from DOMContentLoaded when injected while the page is parsed', () => {
    const start = vi.fn();
    afterLoad(start, docIn('loading'), window);
    vi.advanceTimersByTime(FALLBACK_MS * 3);
    expect(start).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('DOMContentLoaded'));
    vi.advanceTimersByTime(FALLBACK_MS - 1);
    expect(start).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(0);
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FALLBACK_MS);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts anyway when the load event is held up', () => {
    const start = vi.fn();
    afterLoad(start, docIn('interactive'), window);
    vi.advanceTimersByTime(FALLBACK_MS - 1);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(10);
    expect(start).toHaveBeenCalledTimes(1);
  });
});

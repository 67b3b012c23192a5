// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchMutations } from '../../src/content/watch';

/** Lets the DOM deliver mutation records (a microtask), then advances fake time. */
async function after(ms: number): Promise<void> {
  await Promise.resolve();
  await new Promise((ok) => queueMicrotask(() => ok(undefined)));
  await vi.advanceTimersByTimeAsync(ms);
}

describe('watchMutations debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  for (const [label, waiting, soon] of [
    ['before the first reading: reads again almost at once', true, 1],
    ['after a reading: waits for the page to settle', false, 0],
  ] as const) {
    it(label, async () => {
      vi.useFakeTimers();
      const onChange = vi.fn();
      const controller = new AbortController();
      const ours = document.createElement('walkaway-badge');
      watchMutations(onChange, controller.signal, ours, () => waiting);
      document.body.append(document.createElement('section'));
      await after(20);
      expect(onChange).toHaveBeenCalledTimes(soon);
      await after(150);
      expect(onChange).toHaveBeenCalledTimes(1);
      controller.abort();
    });
  }
});

// @vitest-environment happy-dom
/**
 * The content script under faults: an adapter that throws (with page text in its message)
 * never throws into the page and is reported as a diagnostic without that text; a reading
 * whose message the stopped worker never answered is sent once more and shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage, getURL: (path: string) => `chrome-extension://abc/${path}`, onMessage: { addListener: vi.fn() } },
  },
}));

const read = vi.fn();
/** The content script as boot.ts starts it, with one adapter that reads through `read`. */
async function startContent(): Promise<void> {
  const { start } = await import('../../src/content/index');
  start([{ site: 'hubspot', matches: () => true, read }]);
}

const SECRET = 'Initech is being acquired';

afterEach(() => {
  vi.resetModules();
  sendMessage.mockReset();
  read.mockReset();
  document.body.replaceChildren();
});

const sent = () => sendMessage.mock.calls.map(([message]) => message as Record<string, unknown>);

describe('content script faults', () => {
  it('an adapter failure stays inside and is logged with its class name only', async () => {
    read.mockImplementation(() => {
      const error = new TypeError(`Cannot parse "${SECRET}"`);
      error.stack = `TypeError: Cannot parse "${SECRET}"\n    at read (chrome-extension://abc/content-any-crm.js:3:99)\n    at x (https://app.hubspot.com/app.js:1:1)`;
      throw error;
    });
    sendMessage.mockResolvedValue({ ok: true, value: null });
    const pageErrors: unknown[] = [];
    window.addEventListener('error', (event) => pageErrors.push(event));
    await startContent();
    await vi.waitFor(() => expect(sent().some((m) => m['type'] === 'page/diagnostic')).toBe(true));
    expect(sent().find((m) => m['type'] === 'page/diagnostic')).toEqual({
      type: 'page/diagnostic',
      code: 'content-failed',
      adapter: 'hubspot',
      errorName: 'TypeError',
      frames: ['content-any-crm.js:3:99'],
    });
    expect(JSON.stringify(sent())).not.toContain('Initech');
    expect(pageErrors).toEqual([]);
  });

  it('a reading the stopped worker never answered is sent once more, and the badge shows the reply', async () => {
    const reading = { site: 'hubspot', dealKey: 'hubspot:1:2', url: location.href, title: 'Deal', fields: {}, missing: [], contacts: [], activities: [], messages: [], locale: 'en' };
    read.mockReturnValue(reading);
    const state = { dealKey: 'hubspot:1:2', title: 'Deal', verdict: 'caution', flags: ['crowded-field'], flagged: [], unknownReasons: [] };
    sendMessage
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValue({ ok: true, value: state });
    await startContent();
    await vi.waitFor(() => expect(document.querySelector('walkaway-badge')?.getAttribute('data-verdict')).toBe('caution'), { timeout: 2_000 });
    const readings = sent().filter((m) => m['type'] === 'page/reading');
    expect(readings).toHaveLength(2);
    expect(readings[1]).toEqual(readings[0]);
  });

  it('a malformed answer to a reading is dropped: no badge, nothing thrown into the page', async () => {
    const reading = { site: 'hubspot', dealKey: 'hubspot:1:3', url: location.href, title: 'Deal', fields: {}, missing: [], contacts: [], activities: [], messages: [], locale: 'en' };
    read.mockReturnValue(reading);
    const malformed = { dealKey: 'hubspot:1:3', title: 'Deal', verdict: 'evil', flags: ['<img src=x>'], flagged: [], unknownReasons: [] };
    sendMessage.mockResolvedValue({ ok: true, value: malformed });
    const pageErrors: unknown[] = [];
    window.addEventListener('error', (event) => pageErrors.push(event));
    await startContent();
    await vi.waitFor(() => expect(sent().some((m) => m['type'] === 'page/reading')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('walkaway-badge[data-verdict]')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

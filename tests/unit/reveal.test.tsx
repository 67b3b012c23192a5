// @vitest-environment happy-dom
/**
 * Evidence in context, piece by piece: the worker only forwards a reveal to a tab that
 * shows the quoted thread, the popup turns mail quotes into buttons that ask for it, and the content
 * side scrolls to the right message element and marks it for a moment.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapter as gmailAdapter } from '../../src/sites/gmail/adapter';
import { defaultChecklist } from '../../src/checklist/items';
import { defaultSettings } from '../../src/checklist/settings';
import { FakePlatform } from './fake-platform';
import { assess } from '../../src/scoring/score';
import type { Repository } from '../../src/storage/repository';
import type { PopupClient } from '../../src/ui/popup/Popup';
import type { DealView } from '../../src/protocol/views';
import { makeFacts } from './factories';

vi.mock('webextension-polyfill', () => ({ default: { tabs: { query: vi.fn() }, runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn() } } }));
const { createService } = await import('../../src/background/service');
const { Popup } = await import('../../src/ui/popup/Popup');
const { revealMessage } = await import('../../src/content/reveal');

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 28, 12);
const KEY = 'gmail:FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM';

describe('worker: ui/reveal-evidence', () => {
  it('forwards to the tab that shows the quoted thread, and to none when no tab does', async () => {
    const platform = new FakePlatform(NOW);
    platform.tabs.set(4, KEY);
    const { sent } = platform;
    const service = createService({} as Repository, platform);
    expect(await service.revealEvidence(4, { dealKey: KEY, messageIndex: 2 })).toEqual({ ok: true, value: true });
    expect(platform.focused).toEqual([]);
    expect(await service.revealEvidence(4, { dealKey: 'gmail:another1234567890123456789', messageIndex: 2 })).toEqual({ ok: true, value: false });
    expect(sent).toEqual([{ tabId: 4, message: { type: 'badge/reveal', dealKey: KEY, messageIndex: 2 } }]);
  });

  it("from a CRM deal's popup, reveals a linked thread's message in that thread's tab and brings it to the front", async () => {
    const platform = new FakePlatform(NOW);
    platform.tabs.set(4, KEY);
    platform.tabs.set(9, 'hubspot:123:456');
    const service = createService({} as Repository, platform);
    expect(await service.revealEvidence(9, { dealKey: KEY, messageIndex: 5 })).toEqual({ ok: true, value: true });
    expect(platform.focused).toEqual([4]);
    expect(platform.sent).toEqual([{ tabId: 4, message: { type: 'badge/reveal', dealKey: KEY, messageIndex: 5 } }]);
  });
});

describe('popup: a mail quote is a button that reveals its message', () => {
  function view(openSources: string[] = [KEY]): DealView {
    const checklist = defaultChecklist();
    const facts = makeFacts({
      site: 'gmail',
      dealKey: KEY,
      buyerMessageCount: 1,
      buyerStatements: [{ text: "I'll have to run it by my boss.", at: NOW, messageIndex: 3, where: 'Email from kim@acme.example' }],
    });
    return {
      kind: 'deal',
      dealKey: KEY,
      site: 'gmail',
      title: 'Proposal',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrPQkZxHWDWlWvGRXGDtQJfM',
      assessment: assess(facts, checklist, [], defaultSettings(), NOW),
      checklist,
      answers: [],
      sunkCost: { firstSeen: NOW, visits: 1, msSpent: 0, clearCount: 0, itemCount: 12 },
      read: [],
      missed: [],
      openSources,
    };
  }

  it('asks the worker to reveal message 3 in this tab', async () => {
    const revealEvidence = vi.fn(async () => true);
    const client: PopupClient = { tabDeal: async () => view(), setAnswer: async () => view(), revealEvidence };
    render(<Popup client={client} getTabId={async () => 42} openOptions={async () => undefined} now={() => NOW} />);
    const button = await screen.findByRole('button', { name: /run it by my boss/ });
    fireEvent.click(button);
    await waitFor(() => expect(revealEvidence).toHaveBeenCalledWith(42, { dealKey: KEY, messageIndex: 3 }));
  });

  it('offers no reveal for a quote whose thread no tab shows', async () => {
    const client: PopupClient = { tabDeal: async () => view([]), setAnswer: async () => view([]), revealEvidence: vi.fn(async () => true) };
    render(<Popup client={client} getTabId={async () => 42} openOptions={async () => undefined} now={() => NOW} />);
    await screen.findAllByText(/run it by my boss/);
    expect(screen.queryByRole('button', { name: /run it by my boss/ })).toBeNull();
  });
});

describe('content: revealMessage', () => {
  it('marks the message at that index (as the adapter counts them) and unmarks it later', () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<h2 class="hP">Subject</h2>
      <div class="kv"><span class="gD" email="a@acme.example" name="A">A</span><span class="g3" title="Nov 1, 2026, 9:00 AM">x</span></div>
      <div class="kv"><span class="g3" title="Nov 2, 2026, 9:00 AM">no sender: not a message</span></div>
      <div class="adn ads" id="second"><span class="gD" email="b@acme.example" name="B">B</span><div class="a3s">Body</div></div>`;
    const scrolled = vi.fn();
    const second = document.getElementById('second')!;
    second.scrollIntoView = scrolled;
    const url = new URL(`https://mail.google.com/mail/u/0/#inbox/${KEY.slice('gmail:'.length)}`);
    // The index counts the messages as the reading does: message 1 there is B's.
    expect(gmailAdapter.read(document, url)?.messages.map((message) => message.fromEmail)).toEqual(['a@acme.example', 'b@acme.example']);
    expect(revealMessage(gmailAdapter, document, url, 1)).toBe(true);
    expect(second.hasAttribute('data-walkaway-reveal')).toBe(true);
    expect(scrolled).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5_000);
    expect(second.hasAttribute('data-walkaway-reveal')).toBe(false);
    expect(second.style.outline).toBe('');
    expect(revealMessage(gmailAdapter, document, url, 7)).toBe(false);
    vi.useRealTimers();
  });

  it('reveals nothing on a site whose adapter lists no messages', () => {
    document.body.innerHTML = '<div id="x">text</div>';
    const noMessages = { site: 'hubspot' as const, matches: () => true, read: () => null };
    expect(revealMessage(noMessages, document, new URL('https://app.hubspot.com/'), 0)).toBe(false);
  });
});

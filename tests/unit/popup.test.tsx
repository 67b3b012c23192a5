// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultChecklist, type ChecklistItem } from '../../src/checklist/items';
import type { Finding, FindingStatus, ManualAnswer, Verdict } from '../../src/contract/assessment';
import type { DealView, TabDealView } from '../../src/protocol/views';

const polyfill = vi.hoisted(() => ({
  tabs: { query: vi.fn() },
  runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn() },
}));
// The real polyfill refuses to load outside an extension; the popup's defaults import it.
vi.mock('webextension-polyfill', () => ({ default: polyfill }));

const { Popup } = await import('../../src/ui/popup/Popup');
const { findTabId, tabIdFromSearch } = await import('../../src/ui/popup/tab');
const { formatDuration, formatRelative } = await import('../../src/ui/shared/format');
const { savedViewFor } = await import('../../src/protocol/views');
type PopupClient = import('../../src/ui/popup/Popup').PopupClient;

const NOW = Date.UTC(2026, 4, 20, 12, 0, 0);
const DAY = 86_400_000;
const DEAL_KEY = 'demo:deal-1077';

/** Automatic findings for the fixture deal: two flags (caution), a few clear, the rest unknown. */
const AUTO: Record<string, Omit<Finding, 'itemId' | 'source'>> = {
  'crowded-field': {
    status: 'flagged',
    evidence: [{ quote: 'Contoso, Fabrikam, Initech', where: 'Competitors field' }],
    reason: '',
  },
  stalled: { status: 'flagged', evidence: [{ quote: '45 days', where: 'Days in stage field' }], reason: '' },
  unresponsive: { status: 'clear', evidence: [{ quote: 'Replied 2 days ago', where: 'Activity timeline' }], reason: '' },
  gatekeeper: { status: 'clear', evidence: [{ quote: 'Dana Ruiz: Decision maker', where: 'Contacts' }], reason: '' },
  'price-only': { status: 'clear', evidence: [], reason: '' },
  'no-need': { status: 'clear', evidence: [], reason: '' },
  'budget-hidden': { status: 'unknown', evidence: [], reason: "couldn't read Budget" },
};

/**
 * A tiny stand-in for the worker: keeps answers in memory and re-scores with the
 * default cutoffs, so the popup is shown whatever a real worker would send back.
 */
class FakeClient implements PopupClient {
  answers: ManualAnswer[] = [];
  setAnswerCalls: Array<[string, string, string, string]> = [];
  failNextAnswer: Error | null = null;
  title = 'Globex — Warehouse analytics expansion';
  checklist: ChecklistItem[] = defaultChecklist();

  tabDeal = vi.fn((_tabId: number): Promise<TabDealView> => Promise.resolve(this.view()));
  /** Unset: a client without saved views (as the other surfaces' test doubles are). */
  savedTabDeal?: (tabId: number) => Promise<DealView | null>;

  setAnswer(dealKey: string, itemId: string, answer: 'auto' | 'flagged' | 'clear', note: string): Promise<TabDealView> {
    this.setAnswerCalls.push([dealKey, itemId, answer, note]);
    if (this.failNextAnswer) {
      const error = this.failNextAnswer;
      this.failNextAnswer = null;
      return Promise.reject(error);
    }
    this.answers = this.answers.filter((existing) => existing.itemId !== itemId);
    if (answer !== 'auto') this.answers.push({ dealKey, itemId, status: answer, note, at: NOW - 60_000 });
    return Promise.resolve(this.view());
  }

  getSettings = vi.fn();
  saveSettings = vi.fn();
  pipeline = vi.fn();

  view(): DealView {
    const findings: Finding[] = this.checklist
      .filter((item) => item.enabled)
      .map((item) => {
        const auto = AUTO[item.id] ?? { status: 'unknown' as FindingStatus, evidence: [], reason: 'answer by hand' };
        const manual = this.answers.find((answer) => answer.itemId === item.id);
        if (!manual) return { itemId: item.id, source: 'auto', ...auto };
        return { itemId: item.id, source: 'manual', status: manual.status, evidence: [], reason: manual.note, auto };
      });
    const flagged = findings.filter((finding) => finding.status === 'flagged');
    const score = flagged.reduce((sum, finding) => sum + (this.checklist.find((item) => item.id === finding.itemId)?.weight ?? 0), 0);
    const knownCount = findings.filter((finding) => finding.status !== 'unknown').length;
    const verdict: Verdict = score >= 3 ? 'walk-away' : score >= 1 ? 'caution' : knownCount >= 4 ? 'pursue' : 'unknown';
    return {
      kind: 'deal',
      dealKey: DEAL_KEY,
      site: 'demo',
      title: this.title,
      url: 'https://demo.walkaway.test/deals/1077',
      assessment: { verdict, score, findings, flags: flagged.map((finding) => finding.itemId), knownCount },
      checklist: this.checklist,
      answers: this.answers,
      sunkCost: { firstSeen: NOW - 21 * DAY, visits: 7, msSpent: 80 * 60_000, clearCount: 4, itemCount: 12 },
      read: [
        { label: 'Stage', value: 'Proposal' },
        { label: 'Competitors', value: 'Contoso, Fabrikam, Initech' },
      ],
      missed: ["couldn't read Budget"],
      openSources: [],
    };
  }
}

function renderPopup(client: PopupClient, overrides: { openOptions?: () => Promise<void>; getTabId?: () => Promise<number> } = {}) {
  const getTabId = overrides.getTabId ?? (() => Promise.resolve(42));
  const openOptions = overrides.openOptions ?? (() => Promise.resolve());
  return render(<Popup client={client} getTabId={getTabId} openOptions={openOptions} now={() => NOW} />);
}

function row(itemId: string): HTMLElement {
  return screen.getByTestId(`item-${itemId}`);
}

function radio(itemId: string, value: 'auto' | 'yes' | 'no'): HTMLInputElement {
  const input = row(itemId).querySelector<HTMLInputElement>(`input[name="answer-${itemId}"][value="${value}"]`);
  if (!input) throw new Error(`no ${value} radio for ${itemId}`);
  return input;
}

afterEach(cleanup);

describe('Popup on a deal', () => {
  let client: FakeClient;
  beforeEach(() => {
    client = new FakeClient();
  });

  it('asks the worker about the tab it was given', async () => {
    renderPopup(client, { getTabId: () => Promise.resolve(314) });
    await screen.findByTestId('verdict');
    expect(client.tabDeal).toHaveBeenCalledWith(314);
  });

  it('shows the title, the verdict in words, and each item with its finding', async () => {
    renderPopup(client);
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.dataset.verdict).toBe('caution');
    expect(verdict.textContent).toContain('Caution');
    expect(screen.getByTestId('deal-title').textContent).toBe('Globex — Warehouse analytics expansion');

    expect(screen.getAllByTestId(/^item-/)).toHaveLength(defaultChecklist().length);
    expect(row('crowded-field').dataset.status).toBe('flagged');
    expect(row('unresponsive').dataset.status).toBe('clear');
    expect(row('budget-hidden').dataset.status).toBe('unknown');

    const crowded = within(row('crowded-field'));
    expect(crowded.getByText('Contoso, Fabrikam, Initech').tagName).toBe('Q');
    expect(crowded.getByText('Competitors field')).toBeTruthy();
    expect(within(row('budget-hidden')).getByText("couldn't read Budget")).toBeTruthy();
    // The question is the radio group's name, so the rep knows what Yes means.
    expect(within(row('price-only')).getByRole('group', { name: 'Is the buyer focused solely on price?' })).toBeTruthy();
    expect(radio('price-only', 'auto').checked).toBe(true);
  });

  it('puts the reasons to walk away first, each with its evidence, and drops one the rep clears', async () => {
    renderPopup(client);
    const why = await screen.findByTestId('why');
    const reasons = within(why).getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons).toEqual([
      expect.stringMatching(/^More than three vendors.*Contoso, Fabrikam, Initech.*Competitors field/),
      expect.stringMatching(/^Stalled.*45 days.*Days in stage field/),
    ]);
    fireEvent.click(radio('stalled', 'no'));
    await waitFor(() => expect(within(screen.getByTestId('why')).getAllByRole('listitem')).toHaveLength(1));
  });

  it('renders a hostile title and evidence as text, never as markup', async () => {
    client.title = '<img src=x onerror=alert(1)>';
    AUTO['no-value'] = { status: 'flagged', evidence: [{ quote: '<script>alert(2)</script><b>bold</b>', where: 'Buyer email' }], reason: '' };
    try {
      const { container } = renderPopup(client);
      await screen.findByTestId('verdict');
      expect(screen.getByTestId('deal-title').textContent).toBe('<img src=x onerror=alert(1)>');
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('script')).toBeNull();
      expect(container.querySelector('b')).toBeNull();
      expect(within(row('no-value')).getByText('<script>alert(2)</script><b>bold</b>')).toBeTruthy();
    } finally {
      delete AUTO['no-value'];
    }
  });

  it("answering Yes on an item whose yes is the walk-away answer saves 'flagged' and shows the new verdict", async () => {
    renderPopup(client);
    await screen.findByTestId('verdict');
    fireEvent.click(radio('price-only', 'yes'));

    await waitFor(() => expect(screen.getByTestId('verdict').dataset.verdict).toBe('walk-away'));
    expect(client.setAnswerCalls).toEqual([[DEAL_KEY, 'price-only', 'flagged', '']]);
    expect(row('price-only').dataset.status).toBe('flagged');
    expect(radio('price-only', 'yes').checked).toBe(true);
    expect(screen.getByTestId('verdict').textContent).toContain('Walk away');
    // The automatic finding stays visible under the manual answer.
    expect(within(row('price-only')).getByText(/Read automatically: Clear/)).toBeTruthy();
  });

  it("maps No to 'flagged' when yes means clear, and Yes to 'clear'", async () => {
    renderPopup(client);
    await screen.findByTestId('verdict');
    fireEvent.click(radio('no-need', 'no'));
    await waitFor(() => expect(row('no-need').dataset.status).toBe('flagged'));
    fireEvent.click(radio('no-need', 'yes'));
    await waitFor(() => expect(row('no-need').dataset.status).toBe('clear'));
    expect(client.setAnswerCalls.map((call) => call[2])).toEqual(['flagged', 'clear']);
  });

  it('sends the typed note with the answer, saves note edits, and Auto removes the answer', async () => {
    renderPopup(client);
    await screen.findByTestId('verdict');
    const note = () => screen.getByTestId<HTMLInputElement>('note-gatekeeper');

    fireEvent.input(note(), { target: { value: 'Dana signs off herself' } });
    fireEvent.click(radio('gatekeeper', 'no'));
    await waitFor(() => expect(client.setAnswerCalls).toHaveLength(1));
    expect(client.setAnswerCalls[0]).toEqual([DEAL_KEY, 'gatekeeper', 'clear', 'Dana signs off herself']);

    await waitFor(() => expect(radio('gatekeeper', 'no').checked).toBe(true));
    fireEvent.input(note(), { target: { value: 'Confirmed on the call' } });
    fireEvent.change(note());
    await waitFor(() => expect(client.setAnswerCalls).toHaveLength(2));
    expect(client.setAnswerCalls[1]).toEqual([DEAL_KEY, 'gatekeeper', 'clear', 'Confirmed on the call']);

    fireEvent.click(radio('gatekeeper', 'auto'));
    await waitFor(() => expect(client.setAnswerCalls).toHaveLength(3));
    expect(client.setAnswerCalls[2]).toEqual([DEAL_KEY, 'gatekeeper', 'auto', '']);
    await waitFor(() => expect(radio('gatekeeper', 'auto').checked).toBe(true));
  });

  it('shows a failed save next to the item and keeps the previous answer', async () => {
    client.failNextAnswer = new Error('Storage is full');
    renderPopup(client);
    await screen.findByTestId('verdict');
    fireEvent.click(radio('stalled', 'no'));

    const alert = await within(row('stalled')).findByRole('alert');
    expect(alert.textContent).toContain('Storage is full');
    expect(radio('stalled', 'auto').checked).toBe(true);
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('caution');
  });

  it('shows the sunk-cost meter with first seen, visits, time spent and items confirmed clear', async () => {
    renderPopup(client);
    const meter = await screen.findByTestId('sunk-cost');
    const text = meter.textContent ?? '';
    expect(text).toContain('3 weeks ago');
    expect(text).toContain('7');
    expect(text).toContain('1 h 20 min');
    expect(text).toContain('4 of 12 items confirmed clear');
    expect(text).toMatch(/not a reason to (keep going|stay)/);
  });

  it('lists what was read and what could not be read', async () => {
    renderPopup(client);
    const summary = await screen.findByTestId('read-summary');
    expect(within(summary).getByText('Stage')).toBeTruthy();
    expect(within(summary).getByText('Proposal')).toBeTruthy();
    expect(within(summary).getByText("couldn't read Budget")).toBeTruthy();
  });

  it('leaves disabled items out and says how many are off', async () => {
    client.checklist = defaultChecklist().map((item) => (item.id === 'poor-fit' ? { ...item, enabled: false } : item));
    renderPopup(client);
    await screen.findByTestId('verdict');
    expect(screen.queryByTestId('item-poor-fit')).toBeNull();
    expect(screen.getByText('1 item is turned off in settings.')).toBeTruthy();
  });
});

describe('Popup without a deal', () => {
  it('says why and still links to the options page', async () => {
    const client = new FakeClient();
    client.tabDeal.mockResolvedValue({ kind: 'none', reason: 'This tab is not a deal page we can read.' });
    const openOptions = vi.fn(async () => {});
    renderPopup(client, { openOptions });

    const noDeal = await screen.findByTestId('no-deal');
    expect(noDeal.textContent).toContain('This tab is not a deal page we can read.');
    expect(screen.queryByTestId('verdict')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows an error from the worker instead of an empty popup', async () => {
    const client = new FakeClient();
    client.tabDeal.mockRejectedValue(new Error('The extension did not answer. Try reopening this page.'));
    renderPopup(client);
    const error = await screen.findByTestId('popup-error');
    expect(error.textContent).toBe('The extension did not answer. Try reopening this page.');
  });

  it('shows an error when the options page cannot be opened', async () => {
    const client = new FakeClient();
    renderPopup(client, { openOptions: async () => Promise.reject(new Error('No options page')) });
    await screen.findByTestId('verdict');
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect((await screen.findByText('No options page')).getAttribute('role')).toBe('alert');
  });
});

/** A promise the test settles when it wants to (the worker's answer arriving late). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('Popup opened while the worker is stopped (the saved view)', () => {
  it("shows the tab's saved view at once, then the worker's answer in its place", async () => {
    const client = new FakeClient();
    const saved = { ...client.view(), title: 'As of the last reading' };
    client.savedTabDeal = vi.fn(() => Promise.resolve(saved));
    const answer = deferred<TabDealView>();
    client.tabDeal.mockReturnValue(answer.promise);
    renderPopup(client, { getTabId: () => Promise.resolve(7) });
    const verdict = await screen.findByTestId('verdict');
    expect(verdict.dataset.source).toBe('saved');
    expect(verdict.dataset.verdict).toBe('caution');
    expect(screen.getByTestId('deal-title').textContent).toBe('As of the last reading');
    expect(client.savedTabDeal).toHaveBeenCalledWith(7);
    // The worker's answer replaces it whole (here the rep's deal changed meanwhile).
    client.answers.push({ dealKey: DEAL_KEY, itemId: 'crowded-field', status: 'clear', note: '', at: NOW });
    client.answers.push({ dealKey: DEAL_KEY, itemId: 'stalled', status: 'clear', note: '', at: NOW });
    answer.resolve(client.view());
    await waitFor(() => expect(screen.getByTestId('verdict').dataset.source).toBe('worker'));
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pursue');
    expect(screen.getByTestId('deal-title').textContent).toBe('Globex — Warehouse analytics expansion');
  });

  it('keeps the saved view and says so when the worker does not answer', async () => {
    const client = new FakeClient();
    client.savedTabDeal = vi.fn(() => Promise.resolve(client.view()));
    client.tabDeal.mockRejectedValue(new Error('The extension did not answer. Try reopening this page.'));
    renderPopup(client);
    const error = await screen.findByTestId('popup-refresh-error');
    expect(error.textContent).toContain('The extension did not answer.');
    expect(error.textContent).toContain("the page's last reading");
    expect(screen.getByTestId('verdict').dataset.source).toBe('saved');
    expect(screen.queryByTestId('popup-error')).toBeNull();
  });

  it("keeps an answer given on the saved view when the worker's first answer comes after it", async () => {
    const client = new FakeClient();
    client.savedTabDeal = vi.fn(() => Promise.resolve(client.view()));
    const first = deferred<TabDealView>();
    const before = client.view();
    client.tabDeal.mockReturnValue(first.promise);
    renderPopup(client);
    await screen.findByTestId('verdict');
    fireEvent.click(radio('crowded-field', 'no'));
    fireEvent.click(radio('stalled', 'no'));
    await waitFor(() => expect(screen.getByTestId('verdict').dataset.verdict).toBe('pursue'));
    // The answer to the popup's first request, sent before the rep answered, arrives last.
    first.resolve(before);
    await first.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pursue');
    expect(screen.getByTestId('verdict').dataset.source).toBe('answer');
  });

  it('without a saved view, says it is reading, then shows the worker view', async () => {
    const client = new FakeClient();
    client.savedTabDeal = vi.fn(() => Promise.resolve(null));
    const answer = deferred<TabDealView>();
    client.tabDeal.mockReturnValue(answer.promise);
    renderPopup(client);
    await waitFor(() => expect(client.savedTabDeal).toHaveBeenCalled());
    expect(screen.getByRole('status').textContent).toBe('Reading this tab…');
    answer.resolve(client.view());
    expect((await screen.findByTestId('verdict')).dataset.source).toBe('worker');
  });
});

describe('savedViewFor', () => {
  const view = new FakeClient().view();

  it("returns the saved view of the deal the tab shows", () => {
    expect(savedViewFor({ 'tab:7': DEAL_KEY, 'view:7': view }, 7)).toEqual(view);
  });

  it('returns nothing for another deal, another tab, or a tab without a deal', () => {
    expect(savedViewFor({ 'tab:7': 'demo:deal-9999', 'view:7': view }, 7)).toBeNull();
    expect(savedViewFor({ 'tab:8': DEAL_KEY, 'view:8': view }, 7)).toBeNull();
    expect(savedViewFor({ 'view:7': view }, 7)).toBeNull();
  });

  it('returns nothing for a value that is not a whole deal view', () => {
    const broken = [
      null,
      'caution',
      { ...view, kind: 'none' },
      { ...view, assessment: null },
      { ...view, assessment: { ...view.assessment, findings: 'all' } },
      { ...view, checklist: undefined },
      { ...view, sunkCost: null },
      { ...view, read: {} },
    ];
    for (const value of broken) expect(savedViewFor({ 'tab:7': DEAL_KEY, 'view:7': value }, 7)).toBeNull();
  });
});

describe('finding the tab', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('reads ?tab=<id> and ignores anything that is not a tab id', () => {
    expect(tabIdFromSearch('?tab=123')).toBe(123);
    expect(tabIdFromSearch('?x=1&tab=0')).toBe(0);
    expect(tabIdFromSearch('?tab=-4')).toBeNull();
    expect(tabIdFromSearch('?tab=1e3')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });

  it('prefers ?tab=<id>, else asks for the active tab of the current window', async () => {
    window.history.replaceState(null, '', '/popup.html?tab=55');
    expect(await findTabId()).toBe(55);
    expect(polyfill.tabs.query).not.toHaveBeenCalled();

    window.history.replaceState(null, '', '/popup.html');
    polyfill.tabs.query.mockResolvedValue([{ id: 9 }]);
    expect(await findTabId()).toBe(9);
    expect(polyfill.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });

    polyfill.tabs.query.mockResolvedValue([]);
    await expect(findTabId()).rejects.toThrow(/which tab/);
  });
});

describe('formatting', () => {
  it('formats durations as hours and minutes', () => {
    expect(formatDuration(80 * 60_000)).toBe('1 h 20 min');
    expect(formatDuration(45 * 60_000 + 20_000)).toBe('45 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(10_000)).toBe('under 1 min');
    expect(formatDuration(0)).toBe('0 min');
  });

  it('formats relative times', () => {
    expect(formatRelative(NOW - 30_000, NOW)).toBe('just now');
    expect(formatRelative(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(formatRelative(NOW - 3_600_000, NOW)).toBe('1 hour ago');
    expect(formatRelative(NOW - DAY - 1, NOW)).toBe('yesterday');
    expect(formatRelative(NOW - 4 * DAY, NOW)).toBe('4 days ago');
    expect(formatRelative(NOW - 21 * DAY, NOW)).toBe('3 weeks ago');
    expect(formatRelative(NOW - 90 * DAY, NOW)).toBe('3 months ago');
    expect(formatRelative(NOW - 400 * DAY, NOW)).toBe('1 year ago');
  });
});

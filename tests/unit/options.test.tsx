// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_ITEM_IDS, defaultChecklist, type ChecklistItem } from '../../src/checklist/items';
import { defaultSettings, type Settings } from '../../src/checklist/settings';
import type { WorkerClient } from '../../src/ui/client';
import type { Reply } from '../../src/protocol/messages';
import type { SettingsView } from '../../src/protocol/views';

type OptionsClient = Pick<WorkerClient, 'getSettings' | 'saveSettings'>;

// The real polyfill refuses to load outside an extension; the default client imports it.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: vi.fn() } } }));

const { Options } = await import('../../src/ui/options/Options');

/** Field paths by item, so the tests hold whatever the number and order of built-in items. */
const at = (id: (typeof BUILT_IN_ITEM_IDS)[number]) => BUILT_IN_ITEM_IDS.indexOf(id);
const FIRST_CUSTOM = BUILT_IN_ITEM_IDS.length;

const legalItem: ChecklistItem = {
  id: 'custom-legal-review',
  title: 'Endless legal review',
  question: 'Is legal review dragging on?',
  yesMeans: 'flagged',
  weight: 1,
  enabled: true,
  builtIn: false,
  order: FIRST_CUSTOM,
  phrases: ['legal is still reviewing'],
};

/** Stores what it is given, as the worker would, and answers with it. */
function fakeClient(initial: SettingsView = { settings: defaultSettings(), checklist: defaultChecklist() }) {
  let stored = structuredClone(initial);
  const saveSettings = vi.fn((settings: Settings, checklist: ChecklistItem[]): Promise<Reply<SettingsView>> => {
    stored = structuredClone({ settings, checklist });
    return Promise.resolve({ ok: true, value: stored });
  });
  const client: OptionsClient = {
    getSettings: vi.fn(() => Promise.resolve(structuredClone(stored))),
    saveSettings,
  };
  return { client, saveSettings };
}

function field<T extends HTMLElement = HTMLInputElement>(path: string): T {
  const element = document.getElementById(path);
  if (!element) throw new Error(`no field ${path}`);
  return element as T;
}

async function renderOptions(client: OptionsClient) {
  const result = render(<Options client={client} />);
  await screen.findByTestId('save');
  return result;
}

function type(path: string, value: string) {
  fireEvent.input(field(path), { target: { value } });
}

function save() {
  fireEvent.click(screen.getByTestId('save'));
}

afterEach(cleanup);

describe('Options', () => {
  it('shows the stored settings in fields named by their path', async () => {
    const { client } = fakeClient();
    await renderOptions(client);
    expect(field('thresholds.unresponsiveDays').value).toBe('14');
    expect(field('thresholds.priceOnlyShare').value).toBe('0.5');
    expect(field('cutoffs.walkAway').value).toBe('3');
    expect(field(`checklist.${at('unresponsive')}.title`).value).toBe('Unresponsive');
    expect(field(`checklist.${at('unresponsive')}.weight`).value).toBe('1');
    expect(field(`checklist.${at('unresponsive')}.enabled`).checked).toBe(true);
    expect(field('sites.gmail').checked).toBe(true);
    expect(field<HTMLTextAreaElement>('ownEmails').value).toBe('');
    // Every field has a label pointing at it.
    expect(document.querySelector('label[for="thresholds.unresponsiveDays"]')?.textContent).toBe('Unresponsive after');
  });

  it('explains an invalid threshold next to the field and sends nothing', async () => {
    const { client, saveSettings } = fakeClient();
    await renderOptions(client);
    type('thresholds.unresponsiveDays', '0');
    save();

    const error = await screen.findByTestId('error-thresholds.unresponsiveDays');
    expect(error.textContent).toContain('whole number from 1 to 3650');
    // Next to its field: same field container, and the input points at it.
    expect(error.closest('.field')?.contains(field('thresholds.unresponsiveDays'))).toBe(true);
    expect(field('thresholds.unresponsiveDays').getAttribute('aria-invalid')).toBe('true');
    expect(field('thresholds.unresponsiveDays').getAttribute('aria-describedby')).toBe('error-thresholds.unresponsiveDays');
    expect(screen.getByTestId('error-summary').textContent).toContain('Unresponsive after');
    expect(screen.getByTestId('save-status').textContent).toMatch(/not saved/i);
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('asks for a number when a field is emptied, and for caution not above walk-away', async () => {
    const { client, saveSettings } = fakeClient();
    await renderOptions(client);
    type('thresholds.maxVendors', '');
    type('cutoffs.caution', '4');
    save();
    expect((await screen.findByTestId('error-thresholds.maxVendors')).textContent).toContain('Enter a number');
    expect(screen.getByTestId('error-cutoffs.caution').textContent).toContain('walk-away');
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('clears a message as soon as its field is edited', async () => {
    const { client } = fakeClient();
    await renderOptions(client);
    type(`checklist.${at('poor-fit')}.weight`, '11');
    save();
    await screen.findByTestId(`error-checklist.${at('poor-fit')}.weight`);
    type(`checklist.${at('poor-fit')}.weight`, '2');
    expect(screen.queryByTestId(`error-checklist.${at('poor-fit')}.weight`)).toBeNull();
  });

  it('saves valid changes with the new values and says so', async () => {
    const { client, saveSettings } = fakeClient();
    await renderOptions(client);
    type('thresholds.unresponsiveDays', '21');
    type('thresholds.priceOnlyShare', '0.6');
    type('cutoffs.walkAway', '4');
    type(`checklist.${at('stalled')}.title`, 'Going nowhere');
    type(`checklist.${at('stalled')}.weight`, '2.5');
    fireEvent.click(field(`checklist.${at('poor-fit')}.enabled`));
    fireEvent.click(field('sites.outlook'));
    fireEvent.input(field<HTMLTextAreaElement>('ownEmails'), { target: { value: 'Alex@Seller.example\n\nsam@seller.example\n' } });
    expect(screen.getByTestId('save-status').textContent).toBe('Unsaved changes');
    save();

    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
    expect(saveSettings).toHaveBeenCalledOnce();
    const [settings, checklist] = saveSettings.mock.calls[0]!;
    const expected = defaultSettings();
    expect(settings).toEqual({
      ...expected,
      thresholds: { ...expected.thresholds, unresponsiveDays: 21, priceOnlyShare: 0.6 },
      cutoffs: { ...expected.cutoffs, walkAway: 4 },
      sites: { ...expected.sites, outlook: false },
      ownEmails: ['alex@seller.example', 'sam@seller.example'],
    });
    expect(checklist[at('stalled')]).toMatchObject({ id: 'stalled', title: 'Going nowhere', weight: 2.5, enabled: true });
    expect(checklist[at('poor-fit')]).toMatchObject({ id: 'poor-fit', enabled: false });
    expect(checklist).toHaveLength(BUILT_IN_ITEM_IDS.length);
    // The form now shows what was saved (addresses normalised).
    expect(field<HTMLTextAreaElement>('ownEmails').value).toBe('alex@seller.example\nsam@seller.example');
  });

  it('rejects a bad email address before saving', async () => {
    const { client, saveSettings } = fakeClient();
    await renderOptions(client);
    fireEvent.input(field<HTMLTextAreaElement>('ownEmails'), { target: { value: 'alex@seller.example\nalex at seller' } });
    save();
    expect((await screen.findByTestId('error-ownEmails')).textContent).toContain('alex at seller');
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('adds a custom item with its trigger phrases and saves it', async () => {
    const { client, saveSettings } = fakeClient();
    await renderOptions(client);
    type('new-item.title', 'Wants a free pilot');
    type('new-item.question', 'Are they asking for a free pilot?');
    fireEvent.input(field<HTMLTextAreaElement>('new-item.phrases'), { target: { value: 'free pilot\n\nproof of concept at no cost\n' } });
    fireEvent.click(screen.getByTestId('add-item'));

    expect(screen.getByTestId('checklist-item-custom-wants-a-free-pilot')).toBeTruthy();
    expect(field(`checklist.${FIRST_CUSTOM}.title`).value).toBe('Wants a free pilot');
    expect(field('new-item.title').value).toBe('');
    save();

    await waitFor(() => expect(saveSettings).toHaveBeenCalledOnce());
    const checklist = saveSettings.mock.calls[0]![1];
    expect(checklist).toHaveLength(FIRST_CUSTOM + 1);
    expect(checklist[FIRST_CUSTOM]).toEqual({
      id: 'custom-wants-a-free-pilot',
      title: 'Wants a free pilot',
      question: 'Are they asking for a free pilot?',
      yesMeans: 'flagged',
      weight: 1,
      enabled: true,
      builtIn: false,
      order: FIRST_CUSTOM,
      phrases: ['free pilot', 'proof of concept at no cost'],
    });
  });

  it('does not add a custom item without a title or trigger phrases', async () => {
    const { client } = fakeClient();
    await renderOptions(client);
    type('new-item.question', 'Anything?');
    fireEvent.click(screen.getByTestId('add-item'));
    expect(screen.getByTestId('error-new-item.title').textContent).toContain('title');
    expect(screen.getByTestId('error-new-item.phrases').textContent).toContain('trigger phrases');
    expect(document.getElementById(`checklist.${FIRST_CUSTOM}.title`)).toBeNull();
  });

  it('edits and removes custom items', async () => {
    const { client, saveSettings } = fakeClient({ settings: defaultSettings(), checklist: [...defaultChecklist(), legalItem] });
    await renderOptions(client);
    fireEvent.input(field<HTMLTextAreaElement>(`checklist.${FIRST_CUSTOM}.phrases`), { target: { value: '' } });
    save();
    expect((await screen.findByTestId(`error-checklist.${FIRST_CUSTOM}.phrases`)).textContent).toContain('trigger phrases');
    expect(saveSettings).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('remove-custom-legal-review'));
    expect(screen.queryByTestId('checklist-item-custom-legal-review')).toBeNull();
    save();
    await waitFor(() => expect(saveSettings).toHaveBeenCalledOnce());
    expect(saveSettings.mock.calls[0]![1].map((item) => item.id)).not.toContain('custom-legal-review');
    // Built-in items cannot be removed.
    expect(screen.queryByTestId('remove-no-need')).toBeNull();
  });

  it("shows the worker's refusal next to the fields it names", async () => {
    const { client, saveSettings } = fakeClient();
    saveSettings.mockResolvedValueOnce({
      ok: false,
      error: 'Some settings are not valid.',
      fieldErrors: { 'thresholds.stalledIdleDays': 'The worker says no.' },
    });
    await renderOptions(client);
    save();
    expect((await screen.findByTestId('error-thresholds.stalledIdleDays')).textContent).toBe('The worker says no.');
    expect(screen.getByTestId('save-status').textContent).toContain('Some settings are not valid.');
  });

  it('shows a save that throws, and a settings load that fails', async () => {
    const { client, saveSettings } = fakeClient();
    saveSettings.mockRejectedValueOnce(new Error('Worker went away'));
    await renderOptions(client);
    save();
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Worker went away'));
    cleanup();

    const failing: OptionsClient = { ...client, getSettings: vi.fn(async () => Promise.reject(new Error('Database is locked'))) };
    render(<Options client={failing} />);
    expect((await screen.findByTestId('load-error')).textContent).toContain('Database is locked');
  });
});

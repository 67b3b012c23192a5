import { describe, expect, it } from 'vitest';
import { BUILT_IN_ITEM_IDS, defaultChecklist, type ChecklistItem } from '../../src/checklist/items';

/** Index of the first custom item: after every built-in. */
const N = BUILT_IN_ITEM_IDS.length;
import { defaultSettings, type Settings } from '../../src/checklist/settings';
import { customItemId, validateSettings } from '../../src/checklist/validate';

function customItem(overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id: 'custom-legal-review',
    title: 'Endless legal review',
    question: 'Is legal review dragging on?',
    yesMeans: 'flagged',
    weight: 1,
    enabled: true,
    builtIn: false,
    order: N,
    phrases: ['legal is still reviewing', 'procurement review'],
    ...overrides,
  };
}

function withThreshold(key: keyof Settings['thresholds'], value: unknown): unknown {
  const settings = defaultSettings();
  return { ...settings, thresholds: { ...settings.thresholds, [key]: value } };
}

function errorsOf(settings: unknown, checklist: unknown): Record<string, string> {
  const result = validateSettings(settings, checklist);
  if (result.ok) throw new Error('expected validation to fail');
  return result.fieldErrors;
}

describe('validateSettings', () => {
  it('accepts the defaults unchanged', () => {
    const result = validateSettings(defaultSettings(), defaultChecklist());
    expect(result).toEqual({ ok: true, settings: defaultSettings(), checklist: defaultChecklist() });
  });

  it.each([
    ['unresponsiveDays', 0],
    ['unresponsiveDays', 3651],
    ['unresponsiveDays', 2.5],
    ['unresponsiveDays', Number.NaN],
    ['unresponsiveDays', '14'],
    ['unresponsiveTouches', 51],
    ['maxVendors', 21],
    ['maxVendors', 0],
    ['priceOnlyShare', 1.5],
    ['priceOnlyShare', -0.1],
    ['stalledPushes', null],
  ] as const)('rejects thresholds.%s = %s with a message on that field only', (key, value) => {
    const errors = errorsOf(withThreshold(key, value), defaultChecklist());
    expect(Object.keys(errors)).toEqual([`thresholds.${key}`]);
    expect(errors[`thresholds.${key}`]).toMatch(/number/i);
  });

  it('accepts the edges of each range, and fractional shares', () => {
    const settings = defaultSettings();
    settings.thresholds = {
      ...settings.thresholds,
      unresponsiveTouches: 50,
      unresponsiveDays: 1,
      noUrgencyDays: 3650,
      maxVendors: 20,
      priceOnlyShare: 0.35,
    };
    const result = validateSettings(settings, defaultChecklist());
    expect(result.ok && result.settings.thresholds).toEqual(settings.thresholds);
  });

  it('checks cutoffs: halves only, caution not above walk-away, minKnownForPursue 1 to the number of built-in items', () => {
    const base = defaultSettings();
    expect(errorsOf({ ...base, cutoffs: { walkAway: 2, caution: 2.5, minKnownForPursue: 4 } }, defaultChecklist())).toHaveProperty(
      'cutoffs.caution',
    );
    expect(errorsOf({ ...base, cutoffs: { walkAway: 3, caution: 0, minKnownForPursue: 4 } }, defaultChecklist())).toHaveProperty(
      'cutoffs.caution',
    );
    expect(errorsOf({ ...base, cutoffs: { walkAway: 3.3, caution: 1, minKnownForPursue: 4 } }, defaultChecklist())).toHaveProperty(
      'cutoffs.walkAway',
    );
    expect(
      Object.keys(errorsOf({ ...base, cutoffs: { walkAway: 3, caution: 1, minKnownForPursue: N + 1 } }, defaultChecklist())),
    ).toEqual(['cutoffs.minKnownForPursue']);
    const ok = validateSettings({ ...base, cutoffs: { walkAway: 2.5, caution: 2.5, minKnownForPursue: N } }, defaultChecklist());
    expect(ok.ok).toBe(true);
  });

  it('lower-cases, trims and de-duplicates own emails, dropping blank lines', () => {
    const settings = { ...defaultSettings(), ownEmails: [' Alex@Seller.example ', 'alex@seller.example', '', 'sam@seller.example'] };
    const result = validateSettings(settings, defaultChecklist());
    expect(result.ok && result.settings.ownEmails).toEqual(['alex@seller.example', 'sam@seller.example']);
  });

  it('names the addresses that are not valid', () => {
    const settings = { ...defaultSettings(), ownEmails: ['alex@seller.example', 'not an email', 'bob@nodot'] };
    const errors = errorsOf(settings, defaultChecklist());
    expect(Object.keys(errors)).toEqual(['ownEmails']);
    expect(errors.ownEmails).toContain('not an email');
    expect(errors.ownEmails).toContain('bob@nodot');
    expect(errors.ownEmails).not.toContain('alex@seller.example');
  });

  it('requires all six sites as booleans', () => {
    const settings = defaultSettings();
    const sites: Record<string, unknown> = { ...settings.sites, outlook: 'yes' };
    delete sites.gmail;
    const errors = errorsOf({ ...settings, sites }, defaultChecklist());
    expect(Object.keys(errors).sort()).toEqual(['sites.gmail', 'sites.outlook']);
  });

  it('reports every bad field at once, and a non-object as a whole', () => {
    const settings = defaultSettings();
    const errors = errorsOf(
      { ...settings, thresholds: { ...settings.thresholds, maxVendors: 0 }, ownEmails: ['x'] },
      defaultChecklist().map((item, index) => (index === 3 ? { ...item, weight: 11 } : item)),
    );
    expect(Object.keys(errors).sort()).toEqual(['checklist.3.weight', 'ownEmails', 'thresholds.maxVendors']);
    expect(errorsOf(null, defaultChecklist())).toHaveProperty('settings');
    expect(errorsOf(defaultSettings(), 'nope')).toHaveProperty('checklist');
  });

  describe('checklist', () => {
    it('rejects weight 0 and off-step weights, pointing at the item index', () => {
      const checklist = defaultChecklist();
      checklist[2] = { ...checklist[2]!, weight: 0 };
      checklist[5] = { ...checklist[5]!, weight: 1.25 };
      const errors = errorsOf(defaultSettings(), checklist);
      expect(Object.keys(errors).sort()).toEqual(['checklist.2.weight', 'checklist.5.weight']);
    });

    it('accepts renamed, re-weighted and disabled built-ins, trimming titles', () => {
      const checklist = defaultChecklist();
      checklist[0] = { ...checklist[0]!, title: '  Need unclear  ', weight: 2.5, enabled: false };
      const result = validateSettings(defaultSettings(), checklist);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.checklist[0]).toMatchObject({ id: 'no-need', title: 'Need unclear', weight: 2.5, enabled: false });
    });

    it('rejects empty and over-long titles', () => {
      const checklist = defaultChecklist();
      checklist[1] = { ...checklist[1]!, title: '   ' };
      checklist[4] = { ...checklist[4]!, title: 'x'.repeat(81) };
      expect(Object.keys(errorsOf(defaultSettings(), checklist)).sort()).toEqual(['checklist.1.title', 'checklist.4.title']);
    });

    it('requires every built-in exactly once', () => {
      const missing = defaultChecklist().filter((item) => item.id !== 'stalled');
      expect(errorsOf(defaultSettings(), missing).checklist).toContain('stalled');

      const duplicated = [...defaultChecklist(), defaultChecklist()[0]!];
      expect(errorsOf(defaultSettings(), duplicated)).toHaveProperty(`checklist.${N}.id`);
    });

    it('keeps built-in questions and yes-meanings from the defaults', () => {
      const checklist = defaultChecklist();
      checklist[4] = { ...checklist[4]!, question: 'Something else?', yesMeans: 'clear' };
      const result = validateSettings(defaultSettings(), checklist);
      expect(result.ok && result.checklist[4]).toMatchObject({ id: 'price-only', yesMeans: 'flagged', question: 'Is the buyer focused solely on price?' });
    });

    it('refuses trigger phrases on built-in items', () => {
      const checklist = defaultChecklist();
      checklist[0] = { ...checklist[0]!, phrases: ['not needed'] };
      expect(Object.keys(errorsOf(defaultSettings(), checklist))).toEqual(['checklist.0.phrases']);
    });

    it('accepts a custom item, normalising its phrases and placing it after the built-ins', () => {
      const custom = customItem({ phrases: ['  legal is still   reviewing ', 'Legal is still reviewing', '', 'redlines'] });
      // Given first, it still ends up after the built-ins.
      const result = validateSettings(defaultSettings(), [custom, ...defaultChecklist()]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.checklist.map((item) => item.id).slice(0, N)).toEqual(defaultChecklist().map((item) => item.id));
      expect(result.checklist[N]).toMatchObject({
        id: 'custom-legal-review',
        builtIn: false,
        order: N,
        phrases: ['legal is still reviewing', 'redlines'],
      });
      expect(result.checklist.map((item) => item.order)).toEqual([...Array(N + 1).keys()]);
    });

    it.each([
      ['no phrases', { phrases: [] }, 'phrases'],
      ['a one-letter phrase', { phrases: ['ok', 'x'] }, 'phrases'],
      ['an 81-character phrase', { phrases: ['y'.repeat(81)] }, 'phrases'],
      ['21 phrases', { phrases: Array.from({ length: 21 }, (_, n) => `phrase ${n}`) }, 'phrases'],
      ['a bad id', { id: 'legal-review' }, 'id'],
      ['an id with capitals', { id: 'custom-Legal' }, 'id'],
      ['no question', { question: '' }, 'question'],
      ['a bad yesMeans', { yesMeans: 'maybe' }, 'yesMeans'],
      ['enabled as a string', { enabled: 'true' }, 'enabled'],
    ])('rejects a custom item with %s', (_name, overrides, field) => {
      const errors = errorsOf(defaultSettings(), [...defaultChecklist(), { ...customItem(), ...overrides }]);
      expect(Object.keys(errors)).toEqual([`checklist.${N}.${field}`]);
    });

    it('rejects two custom items with the same id', () => {
      const errors = errorsOf(defaultSettings(), [...defaultChecklist(), customItem(), customItem({ title: 'Again' })]);
      expect(Object.keys(errors)).toEqual([`checklist.${N + 1}.id`]);
    });

    it('is all or nothing: one bad custom item means no checklist is returned', () => {
      const result = validateSettings(defaultSettings(), [...defaultChecklist(), customItem(), customItem({ id: 'custom-x', title: '' })]);
      expect(result.ok).toBe(false);
      expect('checklist' in result).toBe(false);
    });
  });
});

describe('customItemId', () => {
  it('makes a slug from the title and avoids taken ids', () => {
    expect(customItemId('Endless Legal Review!', [])).toBe('custom-endless-legal-review');
    expect(customItemId('Endless legal review', ['custom-endless-legal-review'])).toBe('custom-endless-legal-review-2');
    expect(customItemId('???', [])).toBe('custom-item');
    expect(customItemId('Café', [])).toBe('custom-cafe');
  });

  it('always produces an id the validator accepts', () => {
    for (const title of ['A', 'x'.repeat(80), '  --  weird -- title --', 'Größe 😀 Test']) {
      const id = customItemId(title, []);
      const result = validateSettings(defaultSettings(), [...defaultChecklist(), customItem({ id })]);
      expect(result.ok, id).toBe(true);
    }
  });
});

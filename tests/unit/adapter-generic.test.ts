// @vitest-environment happy-dom
/** The generic adapter (any CRM the rep allowed) on SuiteCRM 7, EspoCRM and Odoo detail views. */
import { describe, expect, it } from 'vitest';
import { classifyActivity, closeDateChangeIn } from '../../src/adapters/crm-parts';
import { adapter as genericAdapter } from '../../src/sites/generic/adapter';
import { sitesTaking } from './site-adapters';
import { parseDate, parseMoney } from '../../src/signals/parse';
import { NOW, day, fixtureDoc, judge } from './crm-fixtures';

describe('generic adapter', () => {
  it('takes https pages no site adapter knows, never a known site or plain http', () => {
    expect(sitesTaking(new URL('https://crm.example.org/index.php?module=Opportunities&record=1'))).toEqual(['generic']);
    for (const href of ['http://crm.example.org/x', 'https://app.hubspot.com/contacts/1/objects/0-3/views', 'https://acme.pipedrive.com/deals/list', 'https://demo.walkaway.test/deals']) {
      expect(genericAdapter.matches(new URL(href)), href).toBe(false);
    }
  });

  it('SuiteCRM 7: field="..." hooks and "Label:" divs (en-GB)', () => {
    const url = new URL('https://crm.example.org/index.php?module=Opportunities&action=DetailView&record=6f1c');
    const reading = genericAdapter.read(fixtureDoc('generic/2026-11-28-suitecrm7-opportunity.html'), url);
    expect(reading).toMatchObject({
      site: 'generic',
      dealKey: 'generic:crm.example.org:/index.php?module=Opportunities&action=DetailView&record=6f1c',
      locale: 'en-GB',
      title: 'Acme Fleet Renewal',
      fields: {
        dealName: 'Acme Fleet Renewal',
        amount: '£48,250.00',
        stage: 'Perception Analysis',
        closeDate: day(40, 'en-GB'),
        nextStep: 'Workshop with the fleet team',
        owner: 'Dana Rep',
        createDate: `${day(-20, 'en-GB')} 09:30`,
        competitors: 'Contoso',
        budget: '£50,000 approved',
      },
      missing: ['lastActivityDate'],
    });
    expect(parseDate(reading!.fields.closeDate!, reading!.locale, NOW)).toBe(new Date(2027, 0, 7, 12).getTime());
    expect(judge(reading!).unknown).toContain("couldn't read the activity timeline");
  });

  it('EspoCRM: data-name hooks, hash route in the deal key (de-DE)', () => {
    const url = new URL('https://espo.example.net/#Opportunity/view/64f0c1a2');
    const reading = genericAdapter.read(fixtureDoc('generic/2026-11-28-espocrm-opportunity.html'), url);
    expect(reading).toMatchObject({
      dealKey: 'generic:espo.example.net:/#Opportunity/view/64f0c1a2',
      title: 'Müller GmbH – Lizenzen',
      fields: { dealName: 'Müller GmbH – Lizenzen', amount: '1.234,56 €', stage: 'Angebot', closeDate: day(21, 'de-DE'), createDate: `${day(-10, 'de-DE')} 14:02`, owner: 'Dana Rep' },
      missing: ['lastActivityDate', 'competitors', 'budget', 'nextStep'],
    });
    expect(parseMoney(reading!.fields.amount!, 'de-DE')).toEqual({ value: 1234.56, currency: 'EUR' });
  });

  it('Odoo: o_field_widget[name] hooks, the status bar stage, an input value', () => {
    const reading = genericAdapter.read(fixtureDoc('generic/2026-11-28-odoo-opportunity.html'), new URL('https://acme.odoo.com/odoo/crm/42'));
    expect(reading).toMatchObject({
      dealKey: 'generic:acme.odoo.com:/odoo/crm/42',
      title: 'Office Design Project',
      fields: { dealName: 'Office Design Project', amount: '$ 24,000.00', stage: 'Proposition', closeDate: day(300, 'en-US'), owner: 'Dana Rep', stageEnteredDate: `${day(-50, 'en-US')} 10:00:00` },
    });
    expect(judge(reading!)).toMatchObject({ verdict: 'caution', flags: ['no-urgency', 'stalled'] });
  });

  it('is null on pages that are no deal record (fewer than two deal fields with values)', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>Dashboard</h1><p>Stage: Proposal</p></body></html>', 'text/html');
    expect(genericAdapter.read(doc, new URL('https://crm.example.org/dashboard'))).toBeNull();
  });
});

describe('timeline text', () => {
  it.each([
    ['Logged call · Outcome: No answer', { kind: 'call', direction: 'ours', outcome: 'No answer' }],
    ['You logged a call. Call Result: Left voicemail', { kind: 'call', direction: 'ours', outcome: 'Left voicemail' }],
    ['Inbound call from Pat — Connected', { kind: 'call', direction: 'theirs', outcome: 'Connected' }],
    ['Pat Buyer sent you an email', { kind: 'email', direction: 'theirs', outcome: 'replied' }],
    ['Email sent to Pat', { kind: 'email', direction: 'ours', outcome: '' }],
    ['Besprechung mit Kai', { kind: 'meeting', direction: 'ours', outcome: '' }],
    ['Notiz hinzugefügt', { kind: 'note', direction: 'unknown', outcome: '' }],
  ])('%s', (text, expected) => {
    expect(classifyActivity(text)).toEqual(expected);
  });

  it('is no touch when it is a stage change', () => {
    expect(classifyActivity('Stage changed to Proposal')).toBeNull();
  });

  it.each([
    ['Close date changed from 9/17/2026 to 10/30/2026 Nov 2, 2026', { from: '9/17/2026', to: '10/30/2026' }],
    ['Expected close date changed from Sep 17, 2026 to Oct 30, 2026', { from: 'Sep 17, 2026', to: 'Oct 30, 2026' }],
    ['Abschlussdatum geändert von 17.09.2026 auf 30.10.2026', { from: '17.09.2026', to: '30.10.2026' }],
  ])('%s', (text, expected) => {
    expect(closeDateChangeIn(text)).toEqual(expected);
  });
});

// @vitest-environment happy-dom
/** The Salesforce adapter on each fixture: every field, contact role and activity it reads. */
import { describe, expect, it } from 'vitest';
import { adapter as salesforceAdapter } from '../../src/sites/salesforce/adapter';
import { day, fixtureDoc, judge, largeDoc } from './crm-fixtures';

const URL_SF = new URL('https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view');
const read = (doc: Document) => salesforceAdapter.read(doc, URL_SF);

/** What the fixture's inline script does in a browser: the value lives in an open shadow root. */
function withShadowValue(doc: Document): Document {
  doc.getElementById('last-activity')!.attachShadow({ mode: 'open' }).textContent = day(-4, 'en-US');
  return doc;
}

describe('Salesforce Lightning Opportunity', () => {
  it('rich: layout items, API-name hooks, shadow value, related lists, timeline and field history', () => {
    const reading = read(withShadowValue(fixtureDoc('salesforce/2026-11-28-opportunity-rich.html')));
    expect(reading).toEqual({
      site: 'salesforce',
      dealKey: 'salesforce:006Hs00001AbCdEIAV',
      url: URL_SF.href,
      locale: 'en-US',
      title: 'Initrode - Data platform',
      fields: {
        closeDate: day(-10, 'en-US'),
        amount: '$240,000.00',
        owner: 'Dana Rep',
        createDate: `${day(-200, 'en-US')}, 9:15 AM`,
        nextStep: 'Waiting on procurement',
        lastActivityDate: day(-4, 'en-US'),
        budget: '',
        discount: '25%',
        stage: 'Negotiation/Review',
        stageEnteredDate: day(-75, 'en-US'),
        competitors: 'Contoso, Fabrikam',
      },
      missing: [],
      contacts: [
        { name: 'Jo Procurement', role: 'Evaluator' },
        { name: 'Sam Engineer', role: 'Technical Buyer' },
      ],
      activities: [
        { kind: 'call', direction: 'ours', outcome: 'Left voicemail', date: day(-4, 'en-US') },
        { kind: 'email', direction: 'ours', outcome: '', date: day(-11, 'en-US') },
        { kind: 'call', direction: 'ours', outcome: 'No answer', date: day(-18, 'en-US') },
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-30, 'en-US') },
        { kind: 'meeting', direction: 'ours', outcome: '', date: day(-45, 'en-US') },
      ],
      messages: [],
      closeDateChanges: [
        { from: day(-30, 'en-US'), to: day(-10, 'en-US') },
        { from: day(-50, 'en-US'), to: day(-30, 'en-US') },
      ],
    });
    expect(judge(reading!)).toMatchObject({ verdict: 'walk-away', flags: ['budget-hidden', 'gatekeeper', 'stalled', 'unresponsive'], pushes: 2 });
  });

  it('sparse: empty values read as empty, absent ones reported missing', () => {
    const reading = read(fixtureDoc('salesforce/2026-11-28-opportunity-sparse.html'));
    expect(reading).toMatchObject({
      title: 'Vandelay - Import',
      fields: { closeDate: '', amount: '', nextStep: '', stage: 'Prospecting' },
      missing: ['lastActivityDate', 'competitors', 'budget'],
      contacts: [],
      activities: [],
    });
    expect(Object.keys(reading!.fields).sort()).toEqual(['amount', 'closeDate', 'nextStep', 'stage']);
    expect(judge(reading!).verdict).toBe('unknown');
  });

  it('older markup (Classic-style label/data table, de-DE): only the fallbacks read it', () => {
    const reading = read(fixtureDoc('salesforce/2026-11-28-opportunity-older-markup.html'));
    expect(reading).toEqual({
      site: 'salesforce',
      dealKey: 'salesforce:006Hs00001AbCdEIAV',
      url: URL_SF.href,
      locale: 'de-DE',
      title: 'Stark – Reaktor',
      fields: {
        dealName: 'Stark – Reaktor',
        amount: '1.234.567,50 €',
        stage: 'Verhandlung',
        closeDate: day(14, 'de-DE'),
        createDate: day(-90, 'de-DE'),
        lastActivityDate: day(-3, 'de-DE'),
        nextStep: 'Vertrag prüfen',
        owner: 'Dana Rep',
        competitors: 'Keine',
        budget: '1,5 Mio. € freigegeben',
        daysInStage: '12',
        discount: '0 %',
      },
      missing: [],
      contacts: [
        { name: 'Pepper Potts', role: 'Entscheider' },
        { name: 'Happy Hogan', role: 'Fürsprecher' },
      ],
      activities: [
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-3, 'iso') },
        { kind: 'call', direction: 'ours', outcome: 'Verbunden', date: day(-8, 'iso') },
        { kind: 'meeting', direction: 'ours', outcome: '', date: day(-15, 'iso') },
      ],
      messages: [],
    });
    expect(judge(reading!)).toMatchObject({ verdict: 'pursue', flags: [] });
  });

  it('large page: thousands of nodes, the newest 400 activities, same verdict', () => {
    const doc = largeDoc('salesforce');
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(5_000);
    const reading = read(withShadowValue(doc));
    expect(reading?.activities).toHaveLength(400);
    expect(reading?.activities[5]).toEqual({ kind: 'call', direction: 'ours', outcome: 'No answer', date: day(-61, 'en-US') });
    expect(judge(reading!)).toMatchObject({ verdict: 'walk-away', flags: ['budget-hidden', 'gatekeeper', 'stalled', 'unresponsive'] });
  });

  it('is null on a record that has not rendered anything yet', () => {
    expect(read(new DOMParser().parseFromString('<html><body><one-app-nav-bar></one-app-nav-bar></body></html>', 'text/html'))).toBeNull();
  });
});

// @vitest-environment happy-dom
/** The Pipedrive adapter on each fixture: every field, participant and activity it reads. */
import { describe, expect, it } from 'vitest';
import { adapter as pipedriveAdapter } from '../../src/sites/pipedrive/adapter';
import { day, fixtureDoc, judge, largeDoc } from './crm-fixtures';

const URL_PD = new URL('https://acme.pipedrive.com/deal/4242');
const read = (doc: Document) => pipedriveAdapter.read(doc, URL_PD);

describe('Pipedrive deal', () => {
  it('rich: labels, the stage bar tooltip, participants, history with close-date changes', () => {
    const reading = read(fixtureDoc('pipedrive/2026-11-28-deal-rich.html'));
    expect(reading).toEqual({
      site: 'pipedrive',
      dealKey: 'pipedrive:acme:4242',
      url: URL_PD.href,
      locale: 'en-US',
      title: 'Wayne Enterprises – Fleet',
      fields: {
        amount: '$64,000',
        pipeline: 'Enterprise',
        closeDate: day(250, 'med'),
        owner: 'Dana Rep',
        createDate: day(-100, 'med'),
        lastActivityDate: '3 days ago',
        nextStep: 'Send revised quote',
        competitors: 'Contoso; Fabrikam; Initech; Hooli',
        budget: 'TBD',
        discount: '15%',
        daysInStage: '41 days in stage',
        stage: 'Proposal made',
      },
      missing: [],
      contacts: [
        { name: 'Bruce Wayne', role: 'Decision maker' },
        { name: 'Lucius Fox', role: 'Influencer' },
      ],
      activities: [
        { kind: 'call', direction: 'ours', outcome: 'No answer', date: day(-3, 'med') },
        { kind: 'email', direction: 'ours', outcome: '', date: day(-10, 'med') },
        { kind: 'call', direction: 'ours', outcome: 'Left voicemail', date: day(-17, 'med') },
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-25, 'med') },
        { kind: 'meeting', direction: 'ours', outcome: 'Held', date: day(-45, 'med') },
      ],
      messages: [],
      closeDateChanges: [
        { from: day(100, 'med'), to: day(250, 'med') },
        { from: day(30, 'med'), to: day(100, 'med') },
      ],
    });
    expect(judge(reading!)).toMatchObject({
      verdict: 'walk-away',
      flags: ['budget-hidden', 'crowded-field', 'no-urgency', 'stalled', 'unresponsive'],
      pushes: 2,
    });
  });

  it('sparse: empty fields, no history', () => {
    const reading = read(fixtureDoc('pipedrive/2026-11-28-deal-sparse.html'));
    expect(reading).toMatchObject({
      title: 'Cyberdyne – Trial',
      fields: { amount: '—', closeDate: '', nextStep: '', daysInStage: '2 days in stage', stage: 'Qualified' },
      missing: ['lastActivityDate', 'competitors', 'budget'],
      contacts: [],
      activities: [],
    });
    expect(Object.keys(reading!.fields)).toHaveLength(5);
    expect(judge(reading!).verdict).toBe('unknown');
  });

  it('older German markup: "Label: value" lines, a stage without aria-current, a plain activity list', () => {
    const reading = read(fixtureDoc('pipedrive/2026-11-28-deal-older-markup.html'));
    expect(reading).toMatchObject({
      locale: 'de-DE',
      title: 'Northwind Flotte',
      fields: {
        amount: '1.234,56 €',
        stage: 'Angebot erstellt',
        closeDate: day(30, 'de-DE'),
        owner: 'Dana Rep',
        competitors: 'Contoso',
        nextStep: 'Angebot nachfassen',
        budget: '2.000 € bestätigt',
        lastActivityDate: day(-3, 'de-DE'),
        daysInStage: '12 Tage in Phase',
      },
      missing: [],
      contacts: [],
      activities: [
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-3, 'de-DE') },
        { kind: 'call', direction: 'ours', outcome: 'verbunden', date: day(-6, 'de-DE') },
      ],
    });
    expect(judge(reading!)).toMatchObject({ verdict: 'pursue', flags: [] });
  });

  it('large page: a long history, the newest 400 activities, same verdict', () => {
    const doc = largeDoc('pipedrive', 2_000);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(5_000);
    const reading = read(doc);
    expect(reading?.activities).toHaveLength(400);
    expect(reading?.closeDateChanges).toHaveLength(2);
    expect(judge(reading!)).toMatchObject({ verdict: 'walk-away', pushes: 2 });
  });

  it('is null on a deal that has not rendered anything yet', () => {
    expect(read(new DOMParser().parseFromString('<html><body><div class="spinner"></div></body></html>', 'text/html'))).toBeNull();
  });
});

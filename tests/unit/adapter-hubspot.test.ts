// @vitest-environment happy-dom
/** The HubSpot adapter on each fixture: every field, contact and activity it reads. */
import { describe, expect, it } from 'vitest';
import { adapter as hubspotAdapter } from '../../src/sites/hubspot/adapter';
import { day, fixtureDoc, judge, largeDoc } from './crm-fixtures';

const URL_EU = new URL('https://app-eu1.hubspot.com/contacts/143236975/record/0-3/987654');
const read = (doc: Document) => hubspotAdapter.read(doc, URL_EU);

describe('HubSpot deal record', () => {
  it('rich: highlight and property-input hooks, association labels, timeline and close-date history', () => {
    const reading = read(fixtureDoc('hubspot/2026-11-28-deal-rich.html'));
    expect(reading).toEqual({
      site: 'hubspot',
      dealKey: 'hubspot:143236975:987654',
      url: URL_EU.href,
      locale: 'en-US',
      title: 'Globex – Analytics rollout',
      fields: {
        dealName: 'Globex – Analytics rollout',
        amount: '$86,400.00',
        closeDate: day(20, 'en-US'),
        stage: 'Decision maker bought-in (Sales Pipeline)',
        owner: 'Dana Rep',
        pipeline: 'Sales Pipeline',
        createDate: `${day(-60, 'en-US')} 10:12 AM EDT`,
        stageEnteredDate: day(-9, 'en-US'),
        lastActivityDate: `${day(-2, 'en-US')} 3:04 PM EST`,
        nextStep: 'Security review call with IT',
        competitors: 'Initech',
        budget: '$90,000 approved',
        discount: '5%',
      },
      missing: [],
      contacts: [
        { name: 'Hank Scorpio', role: 'Decision maker' },
        { name: 'Pat Buyer', role: 'Champion, Influencer' },
        { name: 'Lee Finance', role: 'Economic buyer' },
      ],
      activities: [
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-2, 'iso') },
        { kind: 'call', direction: 'ours', outcome: 'Connected', date: day(-5, 'iso') },
        { kind: 'meeting', direction: 'ours', outcome: 'Completed', date: day(-9, 'iso') },
        { kind: 'email', direction: 'ours', outcome: '', date: day(-12, 'iso') },
      ],
      messages: [],
      closeDateChanges: [{ from: day(5, 'en-US'), to: day(20, 'en-US') }],
    });
    expect(judge(reading!)).toMatchObject({ verdict: 'pursue', flags: [], pushes: 1 });
  });

  it('sparse: empty properties are read as empty, not as missing, and judged unknown', () => {
    const reading = read(fixtureDoc('hubspot/2026-11-28-deal-sparse.html'));
    expect(reading?.fields).toEqual({
      dealName: 'Umbrella – Pilot',
      amount: '--',
      stage: 'Appointment scheduled (Sales Pipeline)',
      closeDate: '',
      lastActivityDate: '',
      nextStep: '',
      competitors: '',
      budget: '',
    });
    expect(reading).toMatchObject({ missing: [], contacts: [], activities: [] });
    expect(reading?.closeDateChanges).toBeUndefined();
    const verdict = judge(reading!);
    expect(verdict.verdict).toBe('unknown');
    expect(verdict.unknown).toEqual(expect.arrayContaining(["couldn't read the activity timeline", expect.stringContaining("couldn't read Close date")]));
  });

  it('older markup without test ids: labels, the contacts list and the activity list (en-GB)', () => {
    const reading = read(fixtureDoc('hubspot/2026-11-28-deal-older-markup.html'));
    expect(reading).toMatchObject({
      locale: 'en-GB',
      title: 'Soylent – EU expansion',
      fields: {
        dealName: 'Soylent – EU expansion',
        amount: '£52,000.00',
        stage: 'Contract sent',
        pipeline: 'Sales Pipeline',
        closeDate: day(400, 'en-GB'),
        createDate: day(-120, 'en-GB'),
        daysInStage: '45 days',
        lastActivityDate: day(-30, 'en-GB'),
        nextStep: 'Chase signature',
        owner: 'Dana Rep',
        competitors: 'Contoso, Fabrikam, Initech, Hooli',
        budget: 'Not shared',
      },
      contacts: [{ name: 'Morgan Gate', role: 'Influencer' }],
      activities: [
        { kind: 'call', direction: 'ours', outcome: 'No answer', date: day(-30, 'en-GB') },
        { kind: 'call', direction: 'ours', outcome: 'Left voicemail', date: day(-37, 'en-GB') },
        { kind: 'email', direction: 'ours', outcome: '', date: day(-44, 'en-GB') },
        { kind: 'email', direction: 'ours', outcome: '', date: day(-51, 'en-GB') },
        { kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-60, 'en-GB') },
      ],
      closeDateChanges: [
        { from: day(200, 'en-GB'), to: day(300, 'en-GB') },
        { from: day(300, 'en-GB'), to: day(400, 'en-GB') },
      ],
    });
    // Two pushes in HubSpot's own history count toward stalled on the first visit.
    expect(judge(reading!)).toMatchObject({
      verdict: 'walk-away',
      flags: ['budget-hidden', 'crowded-field', 'gatekeeper', 'no-urgency', 'stalled', 'unresponsive'],
      pushes: 2,
    });
  });

  it('large page: thousands of nodes, the newest 400 activities, same verdict', () => {
    const doc = largeDoc('hubspot');
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(5_000);
    const started = performance.now();
    const reading = read(doc);
    const ms = performance.now() - started;
    expect(reading?.activities).toHaveLength(400);
    expect(reading?.activities[0]).toEqual({ kind: 'email', direction: 'theirs', outcome: 'replied', date: day(-2, 'iso') });
    expect(reading?.activities[399]).toEqual({ kind: 'email', direction: 'ours', outcome: '', date: day(-60 - 396, 'iso') });
    expect(judge(reading!)).toMatchObject({ verdict: 'pursue', flags: [] });
    // Generous: happy-dom is far slower than Chromium; this catches quadratic work.
    expect(ms).toBeLessThan(2_000);
  });

  it('is null on a record that has not rendered anything yet', () => {
    expect(read(new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html'))).toBeNull();
  });
});

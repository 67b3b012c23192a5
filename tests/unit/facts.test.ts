import { describe, expect, it } from 'vitest';
import type { RawMessage, RawReading } from '../../src/adapters/types';
import {
  contactRoleFrom,
  countCloseDatePushes,
  isClosedStage,
  splitCompetitors,
  stripQuotedText,
  toFacts,
  type FactsContext,
} from '../../src/signals/facts';

const at = (year: number, month: number, day: number, hours = 12, minutes = 0) => new Date(year, month - 1, day, hours, minutes).getTime();
const NOW = at(2026, 11, 28, 10);
const CTX: FactsContext = { now: NOW, ownEmails: [], previousCloseDates: [] };

function reading(overrides: Partial<RawReading> = {}): RawReading {
  return {
    site: 'demo',
    dealKey: 'demo:deal-1',
    url: 'https://demo.walkaway.test/deals/1',
    locale: 'en-US',
    title: 'A deal',
    fields: {},
    missing: [],
    contacts: [],
    activities: [],
    messages: [],
    ...overrides,
  };
}

function message(fromEmail: string, body: string, date = 'Nov 12, 2026, 4:02 PM', direction: RawMessage['direction'] = 'unknown'): RawMessage {
  return { fromEmail, fromName: '', toEmails: [], date, body, direction };
}

describe('toFacts: fields', () => {
  it('parses every field with the page locale', () => {
    const facts = toFacts(
      reading({
        locale: 'de-DE',
        fields: {
          amount: '120.000 €',
          stage: 'Verhandlung',
          closeDate: '17.01.2027',
          createDate: '01.09.2026',
          lastActivityDate: '26.11.2026',
          daysInStage: '45 Tage',
        },
      }),
      CTX,
    );
    expect(facts).toMatchObject({
      amount: { value: 120_000, currency: 'EUR' },
      stage: 'Verhandlung',
      closed: false,
      closeDate: at(2027, 1, 17),
      createDate: at(2026, 9, 1),
      lastActivity: at(2026, 11, 26),
      daysInStage: 45,
    });
  });

  it('defaults to en-US when the page has no locale', () => {
    expect(toFacts(reading({ locale: '', fields: { closeDate: '1/2/2027' } }), CTX).closeDate).toBe(at(2027, 1, 2));
  });

  it('keeps the raw text and the missing fields for evidence and reasons', () => {
    const facts = toFacts(reading({ fields: { budget: '$120,000 approved' }, missing: ['closeDate'] }), CTX);
    expect(facts.raw).toEqual({ budget: '$120,000 approved' });
    expect(facts.missing).toEqual(['closeDate']);
  });

  it('derives days in stage from the stage-entered date when the count is not shown', () => {
    expect(toFacts(reading({ fields: { stageEnteredDate: 'Oct 29, 2026' } }), CTX).daysInStage).toBe(30);
    expect(toFacts(reading({ fields: { daysInStage: '6', stageEnteredDate: 'Oct 29, 2026' } }), CTX).daysInStage).toBe(6);
    expect(toFacts(reading(), CTX).daysInStage).toBeNull();
  });

  it('tells an absent budget (null) from an empty one (\'\')', () => {
    expect(toFacts(reading(), CTX).budget).toBeNull();
    expect(toFacts(reading({ fields: { budget: '' } }), CTX).budget).toBe('');
    expect(toFacts(reading({ fields: { budget: 'Not shared' } }), CTX).budget).toBe('');
    expect(toFacts(reading({ fields: { budget: ' $70,000  confirmed ' } }), CTX).budget).toBe('$70,000 confirmed');
  });

  it('keeps a discount only when there is one', () => {
    expect(toFacts(reading({ fields: { discount: '15%' } }), CTX).discount).toBe('15%');
    expect(toFacts(reading({ fields: { discount: '0%' } }), CTX).discount).toBeNull();
    expect(toFacts(reading({ fields: { discount: '-' } }), CTX).discount).toBeNull();
  });

  it('reads a blank stage as unknown', () => {
    expect(toFacts(reading({ fields: { stage: '-' } }), CTX).stage).toBeNull();
  });
});

describe('stages, roles, competitors', () => {
  it.each(['Closed won', 'Closed lost', 'Won', 'Lost', 'Closed Won', 'Gewonnen'])('%s is closed', (stage) => {
    expect(isClosedStage(stage)).toBe(true);
  });
  it.each(['Proposal', 'Negotiation', 'Closing soon? No: Contract sent', 'Appointment scheduled'])('%s is open', (stage) => {
    expect(isClosedStage(stage)).toBe(false);
  });

  it.each([
    ['Decision maker', 'decision-maker'],
    ['Decision Maker', 'decision-maker'],
    ['Entscheider', 'decision-maker'],
    ['Economic buyer', 'economic-buyer'],
    ['Budget holder', 'economic-buyer'],
    ['Champion', 'champion'],
    ['Influencer', 'influencer'],
    ['Technical evaluator', 'influencer'],
    ['', 'other'],
    ['Fleet Manager', 'other'],
  ] as const)('role %j -> %s', (text, role) => {
    expect(contactRoleFrom(text)).toBe(role);
  });

  it('maps contacts with their role text', () => {
    const facts = toFacts(reading({ contacts: [{ name: ' Dana ', role: 'Decision maker' }, { name: 'Sam', role: '' }] }), CTX);
    expect(facts.contacts).toEqual([
      { name: 'Dana', role: 'decision-maker', roleText: 'Decision maker' },
      { name: 'Sam', role: 'other', roleText: '' },
    ]);
  });

  it.each([
    ['Contoso, Fabrikam; Acme', ['Contoso', 'Fabrikam', 'Acme']],
    ['Contoso\nFabrikam | contoso', ['Contoso', 'Fabrikam']],
    ['Johnson & Johnson', ['Johnson & Johnson']],
    ['None', []],
    ['-', []],
    ['', []],
    ['Unknown', null],
  ] as const)('competitors %j', (text, expected) => {
    expect(splitCompetitors(text)).toEqual(expected);
  });

  it('has no competitors list when the field is absent', () => {
    expect(splitCompetitors(undefined)).toBeNull();
    expect(toFacts(reading(), CTX).competitors).toBeNull();
    expect(toFacts(reading({ fields: { competitors: 'Contoso, Fabrikam' } }), CTX).competitors).toEqual(['Contoso', 'Fabrikam']);
  });
});

describe('touches', () => {
  it('come from activities, sorted by date, with unparseable dates left out', () => {
    const facts = toFacts(
      reading({
        activities: [
          { kind: 'call', direction: 'ours', date: 'Nov 20, 2026', outcome: 'Left voicemail' },
          { kind: 'email', direction: 'theirs', date: 'Nov 8, 2026', outcome: '' },
          { kind: 'meeting', direction: 'unknown', date: 'Nov 10, 2026', outcome: 'Held' },
          { kind: 'email', direction: 'unknown', date: 'Nov 12, 2026', outcome: 'Inbound' },
          { kind: 'call', direction: 'ours', date: 'sometime', outcome: '' },
        ],
      }),
      CTX,
    );
    expect(facts.touches).toEqual([
      { at: at(2026, 11, 8), direction: 'theirs', kind: 'email', outcome: '' },
      { at: at(2026, 11, 10), direction: 'ours', kind: 'meeting', outcome: 'held' },
      { at: at(2026, 11, 12), direction: 'theirs', kind: 'email', outcome: 'inbound' },
      { at: at(2026, 11, 20), direction: 'ours', kind: 'call', outcome: 'left voicemail' },
    ]);
  });

  it('come from messages too, the direction decided by the page, then our addresses', () => {
    const facts = toFacts(
      reading({
        accountEmail: 'alex@seller.example',
        messages: [
          message('alex@seller.example', 'Hi', 'Nov 1, 2026, 9:00 AM'),
          message('Pat@Seller.Example', 'Hello', 'Nov 2, 2026, 9:00 AM'),
          message('jordan@hooli.example', 'Thanks.', 'Nov 3, 2026, 9:00 AM'),
          message('jordan@hooli.example', 'Sent by the rep from a shared inbox.', 'Nov 4, 2026, 9:00 AM', 'ours'),
        ],
      }),
      { ...CTX, ownEmails: ['pat@seller.example'] },
    );
    expect(facts.touches.map((t) => [t.direction, t.kind])).toEqual([
      ['ours', 'email'],
      ['ours', 'email'],
      ['theirs', 'email'],
      ['ours', 'email'],
    ]);
  });
});

describe('buyer statements', () => {
  it('are the sentences of the buyer messages, with where they were found', () => {
    const facts = toFacts(
      reading({
        accountEmail: 'alex@seller.example',
        messages: [
          message('alex@seller.example', 'We are evaluating five vendors, I guess?'),
          message('jordan@hooli.example', "Thanks Alex. Honestly, we're evaluating five vendors for this.", 'Nov 12, 2026, 4:02 PM'),
          message('jordan@hooli.example', '', 'Nov 13, 2026, 4:02 PM'),
          { ...message('', 'Not my call.', 'no date'), fromName: 'Jordan Lee' },
        ],
      }),
      CTX,
    );
    // Each sentence carries the detector's hits, found once here (scoring and redaction reuse them).
    expect(facts.buyerStatements).toEqual([
      { text: 'Thanks Alex.', at: at(2026, 11, 12, 16, 2), messageIndex: 1, where: 'Email from jordan@hooli.example, 12 Nov 2026', hits: [] },
      {
        text: "Honestly, we're evaluating five vendors for this.",
        at: at(2026, 11, 12, 16, 2),
        messageIndex: 1,
        where: 'Email from jordan@hooli.example, 12 Nov 2026',
        hits: [{ kind: 'crowded-field', phrase: 'five vendors', vendorCount: 5 }],
      },
      { text: 'Not my call.', at: null, messageIndex: 3, where: 'Email from Jordan Lee', hits: [{ kind: 'gatekeeper', phrase: 'not my call' }] },
    ]);
    // The collapsed (empty) message was not read.
    expect(facts.buyerMessageCount).toBe(2);
  });

  it('leave out quoted replies and signatures: those are not the buyer speaking', () => {
    const body = [
      'Sounds good.',
      '',
      'On Tue, Nov 10, 2026 at 3:00 PM Alex Rivera <alex@seller.example>',
      'wrote:',
      '> Is there no rush on your side? We already have a tool for that.',
    ].join('\n');
    expect(stripQuotedText(body).trim()).toBe('Sounds good.');
    expect(stripQuotedText('Fine.\n-- \nJordan Lee\nNo rush Inc.').trim()).toBe('Fine.');
    expect(stripQuotedText('Fine.\n\nFrom: Alex\nSent: Monday\nWe already have a tool.').trim()).toBe('Fine.');
    expect(stripQuotedText('Fine.\n> quoted line\nMore.')).toBe('Fine.\nMore.');
  });
});

describe('close date pushes', () => {
  it('count each move to a later day, oldest snapshot first, then the current date', () => {
    expect(countCloseDatePushes([], at(2027, 1, 1))).toBe(0);
    expect(countCloseDatePushes([at(2026, 12, 1)], at(2027, 1, 1))).toBe(1);
    expect(countCloseDatePushes([at(2026, 12, 1), at(2026, 12, 1, 18), at(2027, 1, 1)], at(2027, 2, 1))).toBe(2);
    // Pulled in, then pushed again: one push.
    expect(countCloseDatePushes([at(2027, 1, 1), at(2026, 12, 1)], at(2026, 12, 15))).toBe(1);
    expect(countCloseDatePushes([at(2026, 12, 1), at(2027, 1, 1)], null)).toBe(1);
  });

  it('are read from the context in toFacts', () => {
    const facts = toFacts(reading({ fields: { closeDate: 'Mar 1, 2027' } }), {
      ...CTX,
      previousCloseDates: [at(2026, 12, 1), at(2027, 1, 15)],
    });
    expect(facts.closeDatePushes).toBe(2);
  });
});

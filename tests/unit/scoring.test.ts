import { describe, expect, it } from 'vitest';
import { BUILT_IN_ITEM_IDS, defaultChecklist, type ChecklistItem, type ItemId } from '../../src/checklist/items';
import { defaultSettings, type Settings } from '../../src/checklist/settings';
import { assess, quote } from '../../src/scoring/score';
import type { Assessment, Finding, ManualAnswer } from '../../src/contract/assessment';
import type { BuyerStatement, DealFacts, Touch } from '../../src/signals/types';
import { makeFacts } from './factories';

// ---------------------------------------------------------------- builders

/** Local noon, like a date-only value read off a page. */
const day = (offset: number) => new Date(2026, 5, 15 + offset, 12).getTime();
const NOW = new Date(2026, 5, 15, 10, 0).getTime();
const daysAgo = (n: number) => day(-n);
const inDays = (n: number) => day(n);

const touch = (direction: Touch['direction'], ago: number, kind: Touch['kind'] = 'email', outcome = ''): Touch => ({
  at: daysAgo(ago),
  direction,
  kind,
  outcome,
});

/** Buyer messages, one array of sentences per message. */
function buyerSaid(...messages: string[][]): Pick<DealFacts, 'buyerStatements' | 'buyerMessageCount'> {
  const buyerStatements: BuyerStatement[] = messages.flatMap((sentences, messageIndex) =>
    sentences.map((text) => ({ text, at: daysAgo(5), messageIndex, where: `Email from jordan@hooli.example, message ${messageIndex}` })),
  );
  return { buyerStatements, buyerMessageCount: messages.length };
}

/** A deal on which every readable item is clear (six known). */
function healthyFacts(overrides: Partial<DealFacts> = {}): DealFacts {
  return makeFacts({
    raw: {
      stage: 'Proposal',
      daysInStage: '6',
      closeDate: 'Jul 15, 2026',
      lastActivityDate: 'Jun 13, 2026',
      competitors: 'Contoso',
      budget: '$120,000 approved',
    },
    stage: 'Proposal',
    daysInStage: 6,
    closeDate: inDays(30),
    lastActivity: daysAgo(2),
    competitors: ['Contoso'],
    budget: '$120,000 approved',
    contacts: [{ name: 'Dana Whitfield', role: 'decision-maker', roleText: 'Decision maker' }],
    touches: [touch('ours', 9), touch('theirs', 2)],
    ...overrides,
  });
}

function settingsWith(change: (settings: Settings) => void): Settings {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

function answer(itemId: ItemId, status: ManualAnswer['status'], note = '', at = NOW): ManualAnswer {
  return { dealKey: 'demo:deal-1', itemId, status, note, at };
}

function run(facts: DealFacts | null, options: { checklist?: ChecklistItem[]; answers?: ManualAnswer[]; settings?: Settings } = {}): Assessment {
  return assess(facts, options.checklist ?? defaultChecklist(), options.answers ?? [], options.settings ?? defaultSettings(), NOW);
}

function finding(assessment: Assessment, itemId: ItemId): Finding {
  const found = assessment.findings.find((f) => f.itemId === itemId);
  if (!found) throw new Error(`no finding for ${itemId}`);
  return found;
}

const statusOf = (itemId: ItemId, facts: DealFacts | null, settings?: Settings) =>
  finding(run(facts, settings ? { settings } : {}), itemId).status;

// ---------------------------------------------------------------- verdicts

describe('verdict', () => {
  it('a healthy deal is pursue with no flags', () => {
    const result = run(healthyFacts());
    expect(result).toMatchObject({ verdict: 'pursue', score: 0, flags: [], knownCount: 6 });
    expect(result.findings.map((f) => f.itemId)).toEqual(defaultChecklist().map((item) => item.id));
  });

  // Manual answers set the flags here, so these tests are about the cutoffs alone.
  const flagsByHand = (ids: ItemId[], clears: ItemId[] = []) => [...ids.map((id) => answer(id, 'flagged')), ...clears.map((id) => answer(id, 'clear'))];

  it.each([
    [0, 'unknown'],
    [1, 'caution'],
    [2, 'caution'],
    [3, 'walk-away'],
    [4, 'walk-away'],
  ] as const)('score %i -> %s (nothing else known)', (flagCount, verdict) => {
    const ids = defaultChecklist()
      .slice(0, flagCount)
      .map((item) => item.id);
    const result = run(null, { answers: flagsByHand(ids) });
    expect(result.score).toBe(flagCount);
    expect(result.verdict).toBe(verdict);
  });

  it('score 0 is pursue from 4 known items, unknown with 3', () => {
    const four = run(null, { answers: flagsByHand([], ['no-need', 'poor-fit', 'gatekeeper', 'stalled']) });
    expect(four).toMatchObject({ verdict: 'pursue', knownCount: 4, score: 0 });
    const three = run(null, { answers: flagsByHand([], ['no-need', 'poor-fit', 'gatekeeper']) });
    expect(three).toMatchObject({ verdict: 'unknown', knownCount: 3, score: 0 });
  });

  it('weights: an item of weight 2 and one more flag reach walk-away', () => {
    const checklist = defaultChecklist().map((item) => (item.id === 'stalled' ? { ...item, weight: 2 } : item));
    const facts = healthyFacts({ daysInStage: 45, competitors: ['Contoso', 'Fabrikam', 'Litware'] });
    const result = run(facts, { checklist });
    expect(result.flags).toEqual(['crowded-field', 'stalled']);
    expect(result.score).toBe(3);
    expect(result.verdict).toBe('walk-away');
    // With default weights the same deal is only caution.
    expect(run(facts).verdict).toBe('caution');
  });

  it('follows changed cutoffs', () => {
    const facts = healthyFacts({ daysInStage: 45, competitors: ['Contoso', 'Fabrikam', 'Litware'] });
    expect(run(facts, { settings: settingsWith((s) => (s.cutoffs.walkAway = 2)) }).verdict).toBe('walk-away');
    const oneFlag = healthyFacts({ daysInStage: 45 });
    expect(run(oneFlag).verdict).toBe('caution');
    // Below a raised caution cutoff, one flag counts as nothing flagged.
    expect(run(oneFlag, { settings: settingsWith((s) => (s.cutoffs.caution = 2)) }).verdict).toBe('pursue');
    expect(run(healthyFacts(), { settings: settingsWith((s) => (s.cutoffs.minKnownForPursue = 7)) }).verdict).toBe('unknown');
  });

  it('disabled items get no finding and do not count', () => {
    const facts = healthyFacts({ daysInStage: 45, competitors: ['Contoso', 'Fabrikam', 'Litware'] });
    const checklist = defaultChecklist().map((item) => (item.id === 'stalled' ? { ...item, enabled: false } : item));
    const result = run(facts, { checklist });
    expect(result.findings.map((f) => f.itemId)).not.toContain('stalled');
    expect(result.findings).toHaveLength(BUILT_IN_ITEM_IDS.length - 1);
    expect(result.flags).toEqual(['crowded-field']);
    expect(result.score).toBe(1);
    expect(result.knownCount).toBe(5);
  });

  it('lists findings and flags in checklist order', () => {
    const checklist = defaultChecklist().map((item) => (item.id === 'stalled' ? { ...item, order: -1 } : item));
    const result = run(healthyFacts({ daysInStage: 45, competitors: ['A', 'B', 'C'] }), { checklist });
    expect(result.findings[0]?.itemId).toBe('stalled');
    expect(result.flags).toEqual(['stalled', 'crowded-field']);
  });

  it('is deterministic and leaves its inputs alone', () => {
    const facts = healthyFacts({ ...buyerSaid(['We already have a tool for that.', 'Can you do a better price?']) });
    const checklist = defaultChecklist();
    const answers = [answer('poor-fit', 'clear', 'Good fit')];
    const settings = defaultSettings();
    const before = JSON.stringify({ facts, checklist, answers, settings });
    const first = assess(facts, checklist, answers, settings, NOW);
    const second = assess(facts, checklist, answers, settings, NOW);
    expect(second).toEqual(first);
    expect(JSON.stringify({ facts, checklist, answers, settings })).toBe(before);
  });
});

describe('nothing read', () => {
  it('every automatic finding is unknown, and manual answers still count', () => {
    const result = run(null, { answers: [answer('gatekeeper', 'flagged', 'Jordan blocks every meeting')] });
    expect(result.findings).toHaveLength(BUILT_IN_ITEM_IDS.length);
    for (const f of result.findings.filter((f) => f.itemId !== 'gatekeeper')) {
      expect(f).toMatchObject({ status: 'unknown', source: 'auto', reason: "couldn't read this page", evidence: [] });
    }
    expect(finding(result, 'gatekeeper')).toMatchObject({ status: 'flagged', source: 'manual', reason: 'Jordan blocks every meeting' });
    expect(result).toMatchObject({ verdict: 'caution', flags: ['gatekeeper'], knownCount: 1 });
  });
});

describe('manual answers', () => {
  it('override an automatic flag with clear, keeping the automatic finding', () => {
    const result = run(healthyFacts({ daysInStage: 45 }), { answers: [answer('stalled', 'clear', 'Waiting on legal, moving')] });
    const stalled = finding(result, 'stalled');
    expect(stalled).toMatchObject({ status: 'clear', source: 'manual', reason: 'Waiting on legal, moving' });
    expect(stalled.auto?.status).toBe('flagged');
    expect(stalled.auto?.evidence[0]?.where).toBe('Days in stage field');
    expect(result.flags).toEqual([]);
    expect(result.verdict).toBe('pursue');
  });

  it('override a clear finding with flagged', () => {
    const result = run(healthyFacts(), { answers: [answer('gatekeeper', 'flagged')] });
    expect(finding(result, 'gatekeeper')).toMatchObject({ status: 'flagged', source: 'manual', reason: 'answered by hand', evidence: [] });
    expect(finding(result, 'gatekeeper').auto?.status).toBe('clear');
    expect(result).toMatchObject({ verdict: 'caution', flags: ['gatekeeper'] });
  });

  it('the latest answer for an item wins', () => {
    const answers = [answer('no-need', 'flagged', '', NOW - 1000), answer('no-need', 'clear', 'They do need it', NOW)];
    const noNeed = finding(run(null, { answers }), 'no-need');
    expect(noNeed.status).toBe('clear');
    expect(noNeed.evidence).toEqual([{ quote: 'They do need it', where: 'Your answer of 15 Jun 2026' }]);
  });
});

// ---------------------------------------------------------------- items

describe('crowded-field', () => {
  it('3 vendors counting us are clear, 4 are flagged (2 vs 3 competitors)', () => {
    expect(statusOf('crowded-field', healthyFacts({ competitors: ['Contoso', 'Fabrikam'] }))).toBe('clear');
    const flagged = finding(run(healthyFacts({ competitors: ['Contoso', 'Fabrikam', 'Litware'], raw: { competitors: 'Contoso, Fabrikam, Litware' } })), 'crowded-field');
    expect(flagged).toMatchObject({ status: 'flagged', evidence: [{ quote: 'Contoso, Fabrikam, Litware', where: 'Competitors field' }] });
  });

  it('an empty competitors field is clear; no field and no messages is unknown', () => {
    expect(statusOf('crowded-field', healthyFacts({ competitors: [] }))).toBe('clear');
    expect(finding(run(healthyFacts({ competitors: null })), 'crowded-field')).toMatchObject({
      status: 'unknown',
      reason: "couldn't read Competitors; no buyer messages read",
    });
  });

  it('counts the vendors the buyer names', () => {
    expect(statusOf('crowded-field', makeFacts(buyerSaid(["Honestly, we're evaluating five vendors for this."])))).toBe('flagged');
    expect(statusOf('crowded-field', makeFacts(buyerSaid(['It is between three vendors, including you.'])))).toBe('clear');
    expect(statusOf('crowded-field', makeFacts(buyerSaid(['It is you and two others.'])))).toBe('clear');
    expect(statusOf('crowded-field', makeFacts(buyerSaid(['We are talking to three other vendors.'])))).toBe('flagged');
  });

  it('follows maxVendors', () => {
    const facts = healthyFacts({ competitors: ['Contoso', 'Fabrikam', 'Litware'] });
    expect(statusOf('crowded-field', facts, settingsWith((s) => (s.thresholds.maxVendors = 4)))).toBe('clear');
  });
});

describe('unresponsive', () => {
  it('2 of our touches since the last reply are clear, 3 are flagged', () => {
    const two = healthyFacts({ touches: [touch('theirs', 5), touch('ours', 3), touch('ours', 1)] });
    expect(statusOf('unresponsive', two)).toBe('clear');
    const three = healthyFacts({ touches: [touch('theirs', 5), touch('ours', 4, 'call', 'no answer'), touch('ours', 3), touch('ours', 1, 'call', 'left voicemail')] });
    const result = finding(run(three), 'unresponsive');
    expect(result.status).toBe('flagged');
    expect(result.evidence[0]?.quote).toBe("3 touches from us since the buyer's last reply on 10 Jun 2026 (5 days ago)");
  });

  it('13 days since the last reply with a touch since is clear, 14 is flagged', () => {
    expect(statusOf('unresponsive', healthyFacts({ touches: [touch('theirs', 13), touch('ours', 1)] }))).toBe('clear');
    expect(statusOf('unresponsive', healthyFacts({ touches: [touch('theirs', 14), touch('ours', 1)] }))).toBe('flagged');
  });

  it('an old reply with no touch from us since is clear', () => {
    expect(statusOf('unresponsive', healthyFacts({ touches: [touch('ours', 40), touch('theirs', 30)] }))).toBe('clear');
  });

  it('counts engaged outcomes of our touches as replies', () => {
    const connected = healthyFacts({ touches: [touch('ours', 9), touch('ours', 6), touch('ours', 3, 'call', 'connected')] });
    expect(statusOf('unresponsive', connected)).toBe('clear');
    const held = healthyFacts({ touches: [touch('ours', 9), touch('ours', 6), touch('ours', 3, 'meeting', 'held')] });
    expect(statusOf('unresponsive', held)).toBe('clear');
    const notConnected = healthyFacts({ touches: [touch('theirs', 10), touch('ours', 9), touch('ours', 6), touch('ours', 3, 'call', 'not connected')] });
    expect(statusOf('unresponsive', notConnected)).toBe('flagged');
  });

  it('ignores notes and touches in the future', () => {
    const facts = healthyFacts({
      touches: [touch('theirs', 5), touch('ours', 3, 'note'), touch('ours', 2), touch('ours', 1, 'note'), touch('ours', -2, 'meeting', 'scheduled')],
    });
    expect(statusOf('unresponsive', facts)).toBe('clear');
  });

  it('with no reply at all, counts the silence from our first touch', () => {
    expect(statusOf('unresponsive', healthyFacts({ touches: [touch('ours', 13), touch('ours', 2)] }))).toBe('clear');
    expect(statusOf('unresponsive', healthyFacts({ touches: [touch('ours', 14), touch('ours', 2)] }))).toBe('flagged');
  });

  it('follows its thresholds', () => {
    const facts = healthyFacts({ touches: [touch('theirs', 14), touch('ours', 3), touch('ours', 2), touch('ours', 1)] });
    const relaxed = settingsWith((s) => {
      s.thresholds.unresponsiveTouches = 4;
      s.thresholds.unresponsiveDays = 15;
    });
    expect(statusOf('unresponsive', facts)).toBe('flagged');
    expect(statusOf('unresponsive', facts, relaxed)).toBe('clear');
  });

  it('is unknown without touches', () => {
    expect(finding(run(healthyFacts({ touches: [] })), 'unresponsive')).toMatchObject({ status: 'unknown', reason: "couldn't read the activity timeline" });
  });
});

describe('stalled', () => {
  it('29 days in stage are clear, 30 are flagged', () => {
    expect(statusOf('stalled', healthyFacts({ daysInStage: 29 }))).toBe('clear');
    expect(statusOf('stalled', healthyFacts({ daysInStage: 30 }))).toBe('flagged');
  });

  it('13 idle days are clear, 14 are flagged (Last activity field, or the newest touch)', () => {
    const idle = (days: number) => healthyFacts({ lastActivity: daysAgo(days), touches: [touch('ours', days + 5), touch('theirs', days)] });
    expect(statusOf('stalled', idle(13))).toBe('clear');
    expect(statusOf('stalled', idle(14))).toBe('flagged');
    const byTouch = (days: number) => healthyFacts({ lastActivity: null, daysInStage: null, touches: [touch('theirs', days)] });
    expect(statusOf('stalled', byTouch(13))).toBe('clear');
    expect(statusOf('stalled', byTouch(14))).toBe('flagged');
    // The newer of the two counts.
    expect(statusOf('stalled', healthyFacts({ lastActivity: daysAgo(20), touches: [touch('theirs', 1)] }))).toBe('clear');
  });

  it('a close date in the past flags an open deal, not a closed one, and not today', () => {
    const passed = finding(run(healthyFacts({ closeDate: daysAgo(10), raw: { closeDate: 'Jun 5, 2026' } })), 'stalled');
    expect(passed).toMatchObject({ status: 'flagged', evidence: [{ quote: 'Jun 5, 2026', where: 'Close date field' }] });
    expect(statusOf('stalled', healthyFacts({ closeDate: daysAgo(10), closed: true, stage: 'Closed won' }))).toBe('clear');
    expect(statusOf('stalled', healthyFacts({ closeDate: daysAgo(0) }))).toBe('clear');
  });

  it('1 close-date push is clear, 2 are flagged', () => {
    expect(statusOf('stalled', healthyFacts({ closeDatePushes: 1 }))).toBe('clear');
    const pushed = finding(run(healthyFacts({ closeDatePushes: 2 })), 'stalled');
    expect(pushed.status).toBe('flagged');
    expect(pushed.evidence).toContainEqual({ quote: 'Close date pushed 2 times', where: 'Earlier visits to this deal' });
  });

  it('is unknown without days in stage or activity', () => {
    const facts = healthyFacts({ daysInStage: null, lastActivity: null, touches: [], closeDate: inDays(30) });
    expect(finding(run(facts), 'stalled')).toMatchObject({ status: 'unknown', reason: "couldn't read Days in stage or Last activity date" });
  });
});

describe('no-urgency', () => {
  it('a close date 180 days out is clear, 181 is flagged', () => {
    expect(statusOf('no-urgency', healthyFacts({ closeDate: inDays(180) }))).toBe('clear');
    expect(statusOf('no-urgency', healthyFacts({ closeDate: inDays(181) }))).toBe('flagged');
  });

  it('a no-hurry phrase flags; a question about it does not', () => {
    expect(statusOf('no-urgency', makeFacts(buyerSaid(['There is no rush on our side.'])))).toBe('flagged');
    expect(statusOf('no-urgency', makeFacts(buyerSaid(['Is there a rush?'])))).toBe('clear');
  });

  it('is unknown with neither a close date nor buyer messages', () => {
    expect(finding(run(makeFacts()), 'no-urgency')).toMatchObject({ status: 'unknown', reason: "couldn't read Close date; no buyer messages read" });
  });
});

describe('gatekeeper', () => {
  it('flags contacts without a decision maker, clears with one', () => {
    const champions = healthyFacts({ contacts: [{ name: 'Sam', role: 'champion', roleText: 'Champion' }] });
    expect(finding(run(champions), 'gatekeeper')).toMatchObject({ status: 'flagged', evidence: [{ quote: 'Sam (Champion)', where: 'Contacts' }] });
    const economicBuyer = healthyFacts({ contacts: [{ name: 'Renee', role: 'economic-buyer', roleText: 'Economic buyer' }] });
    expect(statusOf('gatekeeper', economicBuyer)).toBe('clear');
  });

  it('flags on a buyer phrase even with a decision maker listed', () => {
    expect(statusOf('gatekeeper', healthyFacts(buyerSaid(["I'll have to run it by my boss."])))).toBe('flagged');
  });

  it('contacts shown without roles say nothing', () => {
    const noRoles = makeFacts({ contacts: [{ name: 'Sam', role: 'other', roleText: '' }] });
    expect(finding(run(noRoles), 'gatekeeper')).toMatchObject({ status: 'unknown', reason: 'contacts show no roles; no buyer messages read' });
    expect(finding(run(makeFacts()), 'gatekeeper')).toMatchObject({ status: 'unknown', reason: "couldn't read contacts; no buyer messages read" });
  });
});

describe('budget-hidden', () => {
  it('an empty budget past the early stages flags', () => {
    const facts = healthyFacts({ budget: '', stage: 'Negotiation', raw: { budget: '-', stage: 'Negotiation' } });
    expect(finding(run(facts), 'budget-hidden')).toMatchObject({
      status: 'flagged',
      evidence: [
        { quote: '-', where: 'Budget field' },
        { quote: 'Negotiation', where: 'Stage field' },
      ],
    });
  });

  it.each(['Qualification', 'Discovery', 'Appointment scheduled', 'New', 'Prospecting', 'Lead in'])('an empty budget at %s is clear', (stage) => {
    expect(statusOf('budget-hidden', healthyFacts({ budget: '', stage }))).toBe('clear');
  });

  it('an empty budget at a renewal proposal is not early', () => {
    expect(statusOf('budget-hidden', healthyFacts({ budget: 'TBD', stage: 'Renewal proposal' }))).toBe('flagged');
  });

  it('a budget value is clear; a buyer phrase flags anyway', () => {
    expect(statusOf('budget-hidden', healthyFacts())).toBe('clear');
    expect(statusOf('budget-hidden', healthyFacts(buyerSaid(["We can't share the budget."])))).toBe('flagged');
  });

  it('is unknown without a budget field or buyer messages, or without the stage', () => {
    expect(finding(run(healthyFacts({ budget: null })), 'budget-hidden')).toMatchObject({ status: 'unknown', reason: "couldn't read Budget; no buyer messages read" });
    expect(finding(run(healthyFacts({ budget: '', stage: null })), 'budget-hidden')).toMatchObject({
      status: 'unknown',
      reason: "Budget is empty and couldn't read Stage",
    });
  });
});

describe('price-only', () => {
  it('flags price talk in at least 2 messages and half of them, with no value language', () => {
    const facts = makeFacts(buyerSaid(['Can you do a better price?'], ['The other vendor is cheaper.'], ['Thanks.']));
    const result = finding(run(facts), 'price-only');
    expect(result.status).toBe('flagged');
    expect(result.evidence.map((e) => e.quote)).toEqual(['Can you do a better price?', 'The other vendor is cheaper.']);
  });

  it('one price message is not enough, nor 2 of 5', () => {
    expect(statusOf('price-only', makeFacts(buyerSaid(['Can you do a better price?'])))).toBe('clear');
    expect(statusOf('price-only', makeFacts(buyerSaid(['Any discount?'], ['Cheaper elsewhere.'], ['Ok.'], ['Fine.'], ['Sure.'])))).toBe('clear');
  });

  it('value language clears it', () => {
    const facts = makeFacts(buyerSaid(['Can you do a better price?'], ['The other vendor is cheaper.', 'But this would save us hours.']));
    expect(statusOf('price-only', facts)).toBe('clear');
  });

  it('counts all buyer messages read, also those whose sentences were not kept', () => {
    const facts = makeFacts({ ...buyerSaid(['Any discount?'], ['Cheaper elsewhere.']), buyerMessageCount: 5 });
    expect(statusOf('price-only', facts)).toBe('clear');
  });

  it('quotes a discount field but does not flag on it alone', () => {
    const facts = makeFacts({ discount: '25%', raw: { discount: '25%' } });
    expect(finding(run(facts), 'price-only')).toMatchObject({
      status: 'unknown',
      reason: 'no buyer messages read',
      evidence: [{ quote: '25%', where: 'Discount field' }],
    });
  });
});

describe('phrase items', () => {
  it.each([
    ['no-need', 'We already have a tool for that.'],
    ['requirements-unmet', "Your product doesn't support SAML, which is a dealbreaker."],
    ['cost-to-serve', 'We would need 24/7 on-site support.'],
    ['no-value', "Honestly, I don't see the value."],
  ] as const)('%s: one buyer statement flags it, with the sentence quoted', (itemId, sentence) => {
    const result = finding(run(makeFacts(buyerSaid(['Thanks.', sentence]))), itemId);
    expect(result).toMatchObject({ status: 'flagged', evidence: [{ quote: sentence, where: 'Email from jordan@hooli.example, message 0' }] });
  });

  it('clear with buyer messages that say nothing of it; negations never flag', () => {
    const facts = makeFacts(buyerSaid(["We don't have a tool for that.", 'We do have budget.']));
    expect(statusOf('no-need', facts)).toBe('clear');
    expect(statusOf('no-value', facts)).toBe('clear');
  });

  it('unknown without buyer messages', () => {
    expect(finding(run(healthyFacts()), 'no-need')).toMatchObject({ status: 'unknown', reason: 'no buyer messages read', evidence: [] });
  });
});

describe('poor-fit', () => {
  it('is answered by hand unless a field says disqualified', () => {
    expect(finding(run(healthyFacts()), 'poor-fit')).toMatchObject({ status: 'unknown', reason: 'answer by hand' });
    const facts = healthyFacts({ raw: { segment: 'Disqualified - too small' } });
    expect(finding(run(facts), 'poor-fit')).toMatchObject({ status: 'flagged', evidence: [{ quote: 'Disqualified - too small', where: 'Segment field' }] });
    expect(statusOf('poor-fit', healthyFacts({ raw: { companySize: 'Not a fit' } }))).toBe('flagged');
  });
});

describe('custom items', () => {
  const custom: ChecklistItem = {
    id: 'custom-hiring-freeze',
    title: 'Hiring freeze',
    question: 'Are they in a hiring freeze?',
    yesMeans: 'flagged',
    weight: 1,
    enabled: true,
    builtIn: false,
    order: 12,
    phrases: ['hiring freeze', 'reorg'],
  };
  const withCustom = (facts: DealFacts, item: ChecklistItem = custom) => finding(run(facts, { checklist: [...defaultChecklist(), item] }), item.id);

  it('flags on a trigger phrase in a buyer sentence', () => {
    const result = withCustom(makeFacts(buyerSaid(['We are in a Hiring Freeze until March.'])));
    expect(result).toMatchObject({ status: 'flagged', evidence: [{ quote: 'We are in a Hiring Freeze until March.' }] });
  });

  it('ignores negated phrases and questions, and is clear then', () => {
    expect(withCustom(makeFacts(buyerSaid(['There is no hiring freeze.', 'Is a reorg coming?']))).status).toBe('clear');
  });

  it('is unknown without buyer messages, or without phrases to look for', () => {
    expect(withCustom(makeFacts()).reason).toBe('no buyer messages read');
    expect(withCustom(makeFacts(buyerSaid(['Hello.'])), { ...custom, phrases: [' '] })).toMatchObject({ status: 'unknown', reason: 'answer by hand' });
  });

  it('counts toward the verdict with its weight', () => {
    const result = run(healthyFacts(buyerSaid(['We have a reorg going on.'])), { checklist: [...defaultChecklist(), { ...custom, weight: 3 }] });
    expect(result).toMatchObject({ verdict: 'walk-away', score: 3, flags: ['custom-hiring-freeze'] });
  });
});

describe('quote', () => {
  it('keeps short text, collapsing whitespace', () => {
    expect(quote('  We already\n have a tool.  ')).toBe('We already have a tool.');
  });

  it('cuts long text to 200 characters with an ellipsis', () => {
    const long = 'a'.repeat(150) + ' ' + 'b'.repeat(100);
    const cut = quote(long);
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(quote('x'.repeat(200))).toBe('x'.repeat(200));
  });

  it('every evidence quote in an assessment is at most 200 characters', () => {
    const longSentence = `We already have a tool for that, ${'and a long story about it '.repeat(20)}.`;
    const result = run(healthyFacts({ ...buyerSaid([longSentence]), raw: { budget: 'x'.repeat(500) } }));
    for (const f of result.findings) for (const e of f.evidence) expect(Array.from(e.quote).length).toBeLessThanOrEqual(200);
    expect(finding(result, 'no-need').status).toBe('flagged');
  });
});

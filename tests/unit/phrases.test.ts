import { describe, expect, it } from 'vitest';
import {
  detectPhrases,
  isNegatedAt,
  isQuestion,
  matchesCustomPhrase,
  normalizeForMatching,
  splitSentences,
  vendorCountIn,
  type PhraseKind,
} from '../../src/signals/phrases';

const kindsIn = (sentence: string): PhraseKind[] => detectPhrases(sentence).map((hit) => hit.kind);
const vendorsIn = (sentence: string): number | undefined => detectPhrases(sentence).find((hit) => hit.kind === 'crowded-field')?.vendorCount;

describe('the demo thread', () => {
  it('reads five vendors from the first buyer message, and nothing else', () => {
    expect(detectPhrases("Thanks Alex. Honestly, we're evaluating five vendors for this.")).toEqual([
      { kind: 'crowded-field', phrase: 'five vendors', vendorCount: 5 },
    ]);
  });

  it('reads a gatekeeper from the second buyer message, and nothing else', () => {
    expect(detectPhrases("Looks interesting, but I'll have to run it by my boss before we go any further.")).toEqual([
      { kind: 'gatekeeper', phrase: 'run it by my boss' },
    ]);
  });

  it('finds nothing in the greeting', () => {
    expect(detectPhrases('Thanks Alex.')).toEqual([]);
  });
});

describe('phrase items', () => {
  const cases: Array<[PhraseKind, string]> = [
    ['no-need', 'We already have a tool for that.'],
    ['no-need', "Honestly I'm not sure we need this."],
    ['no-need', 'We already use Salesforce for this.'],
    ['no-need', "It's more of a nice-to-have."],
    ['no-need', "We don't really need another dashboard."],
    ['requirements-unmet', "Your platform doesn't support SAML."],
    ['requirements-unmet', 'The lack of an on-prem option is a dealbreaker for us.'],
    ['requirements-unmet', 'It must support single sign-on.'],
    ['requirements-unmet', "The product doesn't meet our security requirements."],
    ['cost-to-serve', 'We would need custom development for our ERP.'],
    ['cost-to-serve', 'We expect 24/7 support from your team.'],
    ['cost-to-serve', 'We need someone on-site support during rollout.'],
    ['cost-to-serve', 'Our procurement requires special payment terms, net 120.'],
    ['price-only', 'Can you do a better price?'],
    ['price-only', 'The other vendor is cheaper.'],
    ['price-only', 'We need a 20% discount to move ahead.'],
    ['price-only', 'Can you price match their offer?'],
    ['no-urgency', 'There is no rush on our side.'],
    ['no-urgency', "It's not a priority right now."],
    ['no-urgency', "Let's circle back next quarter."],
    ['no-urgency', "We won't do anything until next year."],
    ['no-urgency', 'We put the project on hold.'],
    ['gatekeeper', "It's not my call."],
    ['gatekeeper', "I'll need sign-off from my CFO."],
    ['gatekeeper', 'My manager will make the final decision.'],
    ['gatekeeper', 'Please route everything through me; do not contact my team.'],
    ['budget-hidden', "We can't share the budget at this stage."],
    ['budget-hidden', 'Budget is TBD.'],
    ['budget-hidden', "We'd rather not disclose our budget."],
    ['budget-hidden', "We haven't set a budget yet."],
    ['no-value', "I don't see the value."],
    ['no-value', "Frankly it's not worth the money."],
    ['no-value', 'The ROI is unclear to us.'],
    ['no-value', "It's hard to justify to the board."],
    ['value-language', 'This would save us hours every week.'],
    ['value-language', 'The ROI case looks strong.'],
  ];
  it.each(cases)('flags %s in %j', (kind, sentence) => {
    expect(kindsIn(sentence)).toContain(kind);
  });

  it('quotes the normalised words it matched', () => {
    expect(detectPhrases("We can't share the budget.")).toEqual([{ kind: 'budget-hidden', phrase: 'can not share the budget' }]);
  });
});

describe('negations and questions', () => {
  it.each([
    ['We do have budget.'],
    ["We don't have a tool for that."],
    ['We do not have a tool for that.'],
    ["We're not happy with what we have."],
    ['We already have budget approved for this.'],
    ['Is there a rush?'],
    ['Is this a nice to have?'],
    ['Do you need to run it by your boss?'],
    ['This is not a low priority for us.'],
    ["It isn't a dealbreaker."],
    ['We are not looking for custom development.'],
    ['We never said we already have a tool for that.'],
  ])('%j flags nothing', (sentence) => {
    expect(kindsIn(sentence)).toEqual([]);
  });

  it('"there is no rush" flags no-urgency: the negation is the phrase', () => {
    expect(kindsIn('There is no rush.')).toEqual(['no-urgency']);
    expect(kindsIn("We're in no hurry.")).toEqual(['no-urgency']);
  });

  it('still reads price and value language in questions', () => {
    expect(kindsIn('Can you do a better price?')).toEqual(['price-only']);
    expect(kindsIn('What is the ROI?')).toEqual(['value-language']);
  });

  it('does not read "the value" in a no-value sentence as value language', () => {
    expect(kindsIn("We don't see the value.")).toEqual(['no-value']);
    expect(kindsIn("It's not worth it.")).toEqual(['no-value']);
  });

  it('limits a negation to its own clause', () => {
    expect(kindsIn("We aren't in a hurry to switch, but we already have a tool for that.")).toEqual(['no-need', 'no-urgency']);
    expect(kindsIn('No problem, there is no rush.')).toEqual(['no-urgency']);
  });

  it('isNegatedAt looks a few words back in the same clause', () => {
    const text = normalizeForMatching("we don't think we already have one");
    expect(isNegatedAt(text, text.indexOf('already'))).toBe(true);
    const far = normalizeForMatching('we do not, as you know, already have one');
    expect(isNegatedAt(far, far.indexOf('already'))).toBe(false);
  });

  it('isQuestion', () => {
    expect(isQuestion('Is there a rush?')).toBe(true);
    expect(isQuestion('Is there a rush?" ')).toBe(true);
    expect(isQuestion('There is no rush.')).toBe(false);
  });
});

describe('vendor counts', () => {
  it.each([
    ["We're evaluating five vendors.", 5],
    ['We are comparing 4 vendors for this project.', 4],
    ['We shortlisted three vendors, including you.', 3],
    ['There are three vendors in the running, you included.', 3],
    ['It is between you and two others.', 3],
    ['We are looking at you and 3 other vendors.', 4],
    ['We are talking to three other vendors.', 4],
    ['We are considering two other providers.', 3],
    ['We are evaluating four vendors besides you.', 5],
    ['You are one of six.', 6],
    ["We've narrowed it down to two.", 2],
    ['We are talking to a dozen vendors.', 12],
    ['We had demos from twelve companies.', 12],
    ['We are talking to two of your competitors.', 3],
  ])('%j -> %i vendors counting us', (sentence, count) => {
    expect(vendorsIn(sentence)).toBe(count);
  });

  it.each([
    ['We have worked with five vendors over the years.'],
    ['We are evaluating several vendors.'],
    ["We're not evaluating five vendors, just you."],
    ['Are you one of five vendors we are evaluating?'],
    ['Five people will join the call.'],
  ])('%j states no vendor count', (sentence) => {
    expect(vendorsIn(sentence)).toBeUndefined();
  });

  it('takes the largest count in a sentence', () => {
    expect(vendorCountIn(normalizeForMatching('We went from ten vendors down to three.'))?.count).toBe(10);
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends and skips abbreviations', () => {
    expect(splitSentences('Thanks Alex. Honestly, we are evaluating five vendors. Dr. Smith agrees, e.g. Contoso is out! Is it?')).toEqual([
      'Thanks Alex.',
      'Honestly, we are evaluating five vendors.',
      'Dr. Smith agrees, e.g. Contoso is out!',
      'Is it?',
    ]);
  });

  it('joins hard-wrapped lines and splits paragraphs and bullets', () => {
    expect(splitSentences('Hi Alex,\n\nWe are evaluating five\nvendors for this.\n- first point\n- second point\n\nBest,\nJordan')).toEqual([
      'Hi Alex,',
      'We are evaluating five vendors for this.',
      '- first point',
      '- second point',
      'Best,',
      'Jordan',
    ]);
  });

  it('keeps decimals and drops text without letters', () => {
    expect(splitSentences('The quote was 1.5 times higher. 123\n---')).toEqual(['The quote was 1.5 times higher.']);
  });
});

describe('matchesCustomPhrase', () => {
  const phrases = ['hiring freeze', 'reorg'];

  it('matches case-insensitively, word-bounded', () => {
    expect(matchesCustomPhrase('We are in a Hiring  Freeze until March.', phrases)).toBe('hiring freeze');
    expect(matchesCustomPhrase('The reorg is done.', phrases)).toBe('reorg');
    expect(matchesCustomPhrase('The reorganisation is done.', phrases)).toBeNull();
  });

  it('ignores negated matches and questions', () => {
    expect(matchesCustomPhrase('There is no hiring freeze.', phrases)).toBeNull();
    expect(matchesCustomPhrase('Is there a hiring freeze?', phrases)).toBeNull();
  });

  it('treats phrases as text, not patterns', () => {
    expect(matchesCustomPhrase('We need SOC 2 (type II) first.', ['soc 2 (type ii)'])).toBe('soc 2 (type ii)');
    expect(matchesCustomPhrase('anything', ['.*'])).toBeNull();
  });

  it('spells contractions out on both sides', () => {
    expect(matchesCustomPhrase("We can't sign this quarter.", ['cannot sign'])).toBe('cannot sign');
  });
});

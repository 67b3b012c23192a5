/**
 * The mail threads the e2e browser reads, and what the badge must say about each. Between
 * them they exercise every phrase item and `unresponsive`, on both sites, on all three
 * Outlook hosts and in en-US, en-GB and de-DE; two threads say nothing that may flag.
 */

export const PEOPLE = {
  rep: { email: 'dana@seller.example', name: 'Dana Rep' },
  buyer: { email: 'jordan@acme.example', name: 'Jordan Buyer' },
  cfo: { email: 'kim@acme.example', name: 'Kim Lee' },
  vandelay: { email: 'art.vandelay@vandelay.example', name: 'Art Vandelay' },
} as const;
type Person = keyof typeof PEOPLE;

export interface ThreadMessageSpec {
  from: Person;
  to: Person[];
  daysAgo: number;
  body: string;
  collapsed?: boolean;
  /** An earlier message of ours quoted under the reply (must never count as the buyer's words). */
  quoted?: string;
  signature?: string;
}

export interface MailThread {
  site: 'gmail' | 'outlook';
  host: string;
  id: string;
  locale: 'en-US' | 'en-GB' | 'de-DE';
  subject: string;
  messages: ThreadMessageSpec[];
  expected: { verdict: string; flags: string };
  /** Read only by the linking test, which undoes its effect on the demo deal afterwards. */
  linking?: true;
}

const SIGNATURE = '--\nJordan Buyer\nHead of Operations | Acme';
/** Trigger words of ours, quoted back under a reply: they must not flag anything. */
const OUR_WORDS = 'Is there a rush on your side? We can offer a 20% discount. Do you already have a tool for that?';

export const MAIL_THREADS: MailThread[] = [
  {
    site: 'gmail',
    host: 'mail.google.com',
    id: 'FMfcgzQbNoNeedReqUnmetKxWvGRXGDtQJ',
    locale: 'en-US',
    subject: 'Acme x Seller: next steps',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 6, body: 'Hi Jordan,\nThanks for the call. Proposal attached.', collapsed: true },
      {
        from: 'buyer',
        to: ['rep'],
        daysAgo: 4,
        body: 'Hi Dana,\nTo be honest we already have a tool for that.\nAlso your platform does not support SAML, which is a dealbreaker for our IT team.',
        quoted: OUR_WORDS,
        signature: SIGNATURE,
      },
      { from: 'rep', to: ['buyer'], daysAgo: 3, body: 'Understood. Could we talk about SAML on Friday?' },
      { from: 'buyer', to: ['rep'], daysAgo: 1, body: 'Sure, Friday works.' },
    ],
    expected: { verdict: 'caution', flags: 'no-need requirements-unmet' },
  },
  {
    site: 'gmail',
    host: 'mail.google.com',
    id: 'FMfcgzQbCostPriceOnlyWvGRXGDtQJfM',
    locale: 'en-GB',
    subject: 'Quote for Acme',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 9, body: 'Hi Jordan, here is our quote.' },
      { from: 'buyer', to: ['rep'], daysAgo: 8, body: 'We would need 24/7 support and custom development for our ERP.' },
      { from: 'buyer', to: ['rep'], daysAgo: 7, body: 'Can you do a better price? The other vendor is cheaper.', collapsed: false },
      { from: 'rep', to: ['buyer'], daysAgo: 5, body: 'Let me see what I can do.', collapsed: true },
      { from: 'buyer', to: ['rep'], daysAgo: 2, body: 'We need a 20% discount to move ahead.', quoted: OUR_WORDS },
    ],
    expected: { verdict: 'caution', flags: 'cost-to-serve price-only' },
  },
  {
    site: 'gmail',
    host: 'mail.google.com',
    id: 'FMfcgzQbNoUrgencyGatekeeperBudgetX',
    locale: 'de-DE',
    subject: 'Angebot Acme',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 12, body: 'Hallo Jordan,\nanbei unser Angebot.' },
      { from: 'buyer', to: ['rep'], daysAgo: 10, body: "Hi Dana,\nthere is no rush on our side, let's circle back next quarter." },
      { from: 'rep', to: ['buyer'], daysAgo: 9, body: 'Verstanden. Wer entscheidet bei Ihnen?', collapsed: true },
      { from: 'buyer', to: ['rep'], daysAgo: 3, body: "I'll have to run it by my boss.\nAnd we can't share the budget at this stage.", quoted: OUR_WORDS },
    ],
    expected: { verdict: 'walk-away', flags: 'no-urgency gatekeeper budget-hidden' },
  },
  {
    site: 'gmail',
    host: 'mail.google.com',
    id: 'FMfcgzQbCrowdedNoValueSilentKxWvGR',
    locale: 'en-US',
    subject: 'Evaluation',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 26, body: 'Hi Jordan, how is the evaluation going?' },
      { from: 'buyer', to: ['rep'], daysAgo: 21, body: "Honestly, we're evaluating five vendors.\nAnd I don't see the value compared to what we have." },
      { from: 'rep', to: ['buyer'], daysAgo: 15, body: 'Hi Jordan, checking in.', collapsed: true },
      { from: 'rep', to: ['buyer'], daysAgo: 10, body: 'Hi Jordan, any update?', collapsed: true },
      { from: 'rep', to: ['buyer'], daysAgo: 4, body: 'Hi Jordan, one last try.' },
    ],
    expected: { verdict: 'walk-away', flags: 'crowded-field unresponsive no-value' },
  },
  {
    site: 'gmail',
    host: 'mail.google.com',
    id: 'FMfcgzQbNegativesOnlyKxWvGRXGDtQJ',
    locale: 'en-US',
    subject: 'Re: pilot',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 5, body: 'Hi Jordan, is there a rush on your side?' },
      {
        from: 'buyer',
        to: ['rep'],
        daysAgo: 4,
        body: "We do have budget, and it's approved.\nIf we had no budget, we wouldn't be talking to you.\nWe are not looking for custom development.\nIs next quarter too late for you?",
        quoted: OUR_WORDS,
        signature: SIGNATURE,
      },
      { from: 'rep', to: ['buyer', 'cfo'], daysAgo: 3, body: 'Great, I will send the order form.' },
      { from: 'cfo', to: ['rep'], daysAgo: 1, body: 'I make the final decision on this, and the price is fine.\nWe need this live by end of month.' },
    ],
    expected: { verdict: 'pursue', flags: '' },
  },
  {
    site: 'outlook',
    host: 'outlook.office.com',
    id: 'AAQkADAwATM0MDAAMS1hNjg5LTQ2NTEtMDACLTAwCgAQAGateNoUrg',
    locale: 'en-GB',
    subject: 'Renewal',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 8, body: 'Hi Jordan, shall we plan the rollout?', collapsed: true },
      { from: 'buyer', to: ['rep'], daysAgo: 6, body: "It's not my call, my manager will make the final decision.", quoted: OUR_WORDS },
      { from: 'buyer', to: ['rep'], daysAgo: 2, body: 'Also it is not a priority right now.', signature: SIGNATURE },
    ],
    expected: { verdict: 'caution', flags: 'no-urgency gatekeeper' },
  },
  {
    site: 'outlook',
    host: 'outlook.live.com',
    id: 'AQQkADAwATYwMAItYjQxZC1kMjNmLTAwAi0wMAoAEADnNegatives',
    locale: 'de-DE',
    subject: 'Pilot',
    messages: [
      { from: 'rep', to: ['buyer'], daysAgo: 6, body: 'Hallo Jordan, passt der Start am Montag?' },
      { from: 'buyer', to: ['rep'], daysAgo: 5, body: 'Yes, Monday works. We do not need a dedicated engineer.\nDoes it support SSO?', quoted: OUR_WORDS },
      { from: 'rep', to: ['buyer'], daysAgo: 4, body: 'Ja, SSO ist dabei.', collapsed: true },
      { from: 'buyer', to: ['rep'], daysAgo: 2, body: "Great, that works for us. The ROI is very clear to us.\nWe're not talking to any other vendors." },
    ],
    expected: { verdict: 'pursue', flags: '' },
  },
  {
    site: 'outlook',
    host: 'outlook.cloud.microsoft',
    id: 'AAQkAGI2ZDk0ODNhLWM0ZTUtNDQ1Ny04NzFhSilentBudget',
    locale: 'en-US',
    subject: 'Budget question',
    messages: [
      { from: 'buyer', to: ['rep'], daysAgo: 30, body: 'Budget is TBD, we will let you know.' },
      { from: 'rep', to: ['buyer'], daysAgo: 20, body: 'Hi Jordan, following up.', collapsed: true },
      { from: 'rep', to: ['buyer'], daysAgo: 13, body: 'Hi Jordan, following up again.', collapsed: true },
      { from: 'rep', to: ['buyer'], daysAgo: 6, body: 'Hi Jordan, is this still a priority?' },
    ],
    expected: { verdict: 'caution', flags: 'budget-hidden unresponsive' },
  },
];

/** From the company of the demo CRM's Vandelay deal (demo:deal-1150): links to it by domain. */
export const LINKED_THREAD: MailThread = {
  site: 'gmail',
  host: 'mail.google.com',
  id: 'FMfcgzQbVandelayLinkedKxWvGRXGDtQJ',
  locale: 'en-US',
  subject: 'Vandelay: import tooling',
  linking: true,
  messages: [
    { from: 'rep', to: ['vandelay'], daysAgo: 3, body: 'Hi Art, following up on the demo.' },
    { from: 'vandelay', to: ['rep'], daysAgo: 2, body: "We already have a tool for that.\nAnyway, I'll have to run it by my boss." },
  ],
  expected: { verdict: 'caution', flags: 'no-need gatekeeper' },
};
MAIL_THREADS.push(LINKED_THREAD);

/** The real URL a thread opens at. */
export function threadUrl(thread: MailThread): string {
  if (thread.site === 'gmail') {
    const hl = thread.locale === 'de-DE' ? '?hl=de' : thread.locale === 'en-GB' ? '?hl=en-GB' : '';
    return `https://mail.google.com/mail/u/0/${hl}#inbox/${thread.id}`;
  }
  return `https://${thread.host}/mail/inbox/id/${encodeURIComponent(thread.id)}`;
}

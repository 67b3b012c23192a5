/**
 * Linking a mail thread with the CRM deal of the same company (storage v3, background/links.ts):
 * the v2 -> v3 upgrade, the domain index, and the worker counting a thread toward the deal.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawReading } from '../../src/adapters/types';
import { FakePlatform } from './fake-platform';
import { createService } from '../../src/background/service';
import { buyerDomains } from '../../src/signals/domains';
import { openDb } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { SCHEMA_V1, SCHEMA_V2 } from '../../src/storage/schema';
import { makeAssessment, makeFacts } from './factories';

let indexedDB: IDBFactory;
const options = () => ({ indexedDB, IDBKeyRange });
beforeEach(() => {
  indexedDB = new IDBFactory();
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 28, 12);
const day = (offset: number) => new Date(NOW + offset * DAY).toISOString().slice(0, 10);

describe('buyerDomains', () => {
  const reading = (contacts: string[], account?: string): RawReading => ({
    site: 'demo', dealKey: 'demo:deal-1', url: 'https://demo.walkaway.test/deals/1', locale: 'en-US', title: '',
    fields: {}, missing: [], activities: [], messages: [],
    contacts: contacts.map((email) => ({ name: 'X', role: '', email })),
    ...(account ? { accountEmail: account } : {}),
  });
  it('keeps company domains, drops ours and public mailbox providers', () => {
    expect(buyerDomains(reading(['a@Acme.example', 'b@acme.example', 'c@gmail.com', 'me@seller.example']), ['me@seller.example'], ['d@eu.acme.example'])).toEqual([
      'acme.example',
      'eu.acme.example',
    ]);
    expect(buyerDomains(reading(['x@seller.example'], 'rep@seller.example'), [], [])).toEqual([]);
    expect(buyerDomains(reading(['not an address', 'a@-bad-.'],), [], [])).toEqual([]);
  });
});

describe('schema upgrade v2 -> v3', () => {
  it('keeps every deal, gives old ones an empty domain list, and indexes domains', async () => {
    const v2 = new Dexie('links-upgrade', options());
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const old = Array.from({ length: 5 }, (_, i) => ({
      key: `hubspot:1:${i}`, site: 'hubspot', title: `Deal ${i}`, url: `https://app.hubspot.com/contacts/1/record/0-3/${i}`,
      facts: makeFacts({ dealKey: `hubspot:1:${i}` }), assessment: makeAssessment(), firstSeen: NOW, lastSeen: NOW + i,
      visits: 1, msSpent: 0, lastVisitId: `visit-${i}-aaaaaaaa`, lastSnapshotId: null,
    }));
    await v2.table('deals').bulkAdd(old);
    v2.close();

    const db = openDb('links-upgrade', options());
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // later versions upgrade on top
    const deals = await db.deals.toArray();
    expect(deals).toHaveLength(5);
    for (const deal of deals) {
      const before = old.find((o) => o.key === deal.key)!;
      expect(deal).toMatchObject({ title: before.title, url: before.url, assessment: before.assessment, lastSeen: before.lastSeen });
      expect(deal.facts.domains).toEqual([]);
    }
    await db.deals.update('hubspot:1:2', { 'facts.domains': ['acme.example', 'acme.co.uk'] });
    expect((await db.deals.where('facts.domains').equals('acme.co.uk').toArray()).map((d) => d.key)).toEqual(['hubspot:1:2']);
    expect(await db.deals.where('facts.domains').equals('other.example').count()).toBe(0);
    db.close();
  });
});


const crmDeal = (): RawReading => ({
  site: 'demo', dealKey: 'demo:deal-2001', url: 'https://demo.walkaway.test/deals/2001', locale: 'en-US', title: 'Acme — rollout',
  fields: { stage: 'Proposal', closeDate: day(30), daysInStage: '4', budget: '$80,000', competitors: 'Contoso', lastActivityDate: day(-1), amount: '$80,000', nextStep: 'Call' },
  missing: [],
  contacts: [{ name: 'Jordan Buyer', role: 'Decision maker', email: 'jordan@acme.example' }],
  activities: [{ kind: 'email', direction: 'theirs', date: day(-1), outcome: 'Replied' }],
  messages: [],
  accountEmail: 'dana@seller.example',
});

const thread = (from: string, body: string): RawReading => ({
  site: 'gmail', dealKey: 'gmail:FMfcgzQbLinkedThreadKxWvGRXGDtQJfM', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbLinkedThreadKxWvGRXGDtQJfM',
  locale: 'en-US', title: 'Re: rollout', fields: {}, missing: [], contacts: [], activities: [],
  messages: [
    { fromEmail: 'dana@seller.example', fromName: 'Dana', toEmails: [from], date: `${day(-3)} 09:00`, body: 'Hi, any news?', direction: 'unknown' },
    { fromEmail: from, fromName: 'Buyer', toEmails: ['dana@seller.example'], date: `${day(-2)} 09:00`, body, direction: 'unknown' },
  ],
  accountEmail: 'dana@seller.example',
});

describe('the worker links a thread to the CRM deal of the same company', () => {
  async function setup() {
    const repo = new Repository(openDb('links-service', options()));
    await repo.ensureSeeded();
    const platform = new FakePlatform(NOW);
    return { service: createService(repo, platform), platform, repo };
  }

  it("counts the thread's findings toward the deal, shows both together, and updates the deal's tab", async () => {
    const { service, platform, repo } = await setup();
    const before = await service.onReading(crmDeal(), 'visit-crm-0001', 1);
    expect(before.ok && before.value?.flags).toEqual([]);

    const read = await service.onReading(thread('kim@acme.example', 'We already have a tool for that.\nBudget is TBD.'), 'visit-mail-0001', 2);
    // The thread's own verdict.
    expect(read.ok && read.value?.flags).toEqual(['no-need', 'budget-hidden']);
    // The linked deal follows after the reply.
    await service.settled();
    // The deal's stored verdict now counts them, with the quote and where it came from.
    const deal = await repo.db.deals.get('demo:deal-2001');
    expect(deal?.assessment.flags).toEqual(['no-need', 'budget-hidden']);
    const noNeed = deal?.assessment.findings.find((f) => f.itemId === 'no-need');
    expect(noNeed?.evidence[0]).toMatchObject({ quote: 'We already have a tool for that.', where: expect.stringContaining('thread "Re: rollout"') });
    // Pushed to the tab that shows the deal, and to the view its popup opens with.
    expect(platform.sent.filter((s) => s.tabId === 1).at(-1)?.message).toMatchObject({ type: 'badge/state', state: { dealKey: 'demo:deal-2001', verdict: 'caution' } });
    expect(platform.tabViews.get(1)).toMatchObject({ dealKey: 'demo:deal-2001', assessment: { verdict: 'caution', flags: ['no-need', 'budget-hidden'] } });

    // Each side's popup shows the other.
    const threadView = await service.tabDeal(2);
    expect(threadView.ok && threadView.value.kind === 'deal' && threadView.value.linked).toEqual([
      { dealKey: 'demo:deal-2001', site: 'demo', title: 'Acme — rollout', url: 'https://demo.walkaway.test/deals/2001', verdict: 'caution', flags: ['no-need', 'budget-hidden'] },
    ]);
    const dealView = await service.tabDeal(1);
    expect(dealView.ok && dealView.value.kind === 'deal' && dealView.value.linked?.map((l) => l.dealKey)).toEqual(['gmail:FMfcgzQbLinkedThreadKxWvGRXGDtQJfM']);
    // Re-reading the deal page keeps counting the thread.
    const again = await service.onReading(crmDeal(), 'visit-crm-0002', 1);
    expect(again.ok && again.value?.flags).toEqual(['no-need', 'budget-hidden']);
  });

  it("updates the linked deal after the thread's reply, and logs a failure there without losing the reply", async () => {
    const repo = new Repository(openDb('links-after-reply', options()));
    await repo.ensureSeeded();
    const reported: Array<[unknown, string]> = [];
    const service = createService(repo, new FakePlatform(NOW), undefined, (error, what) => reported.push([error, what]));
    await service.onReading(crmDeal(), 'visit-crm-0001', 1);
    const failure = new Error('disk went away');
    const update = vi.spyOn(repo, 'updateAssessment').mockRejectedValueOnce(failure);
    const read = await service.onReading(thread('kim@acme.example', 'We already have a tool for that.'), 'visit-mail-0001', 2);
    expect(read.ok && read.value?.flags).toEqual(['no-need']);
    await service.settled();
    expect(update).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([[failure, 'page/reading']]);
    // The next thread's update runs again (the failure does not stick).
    await service.onReading(thread('kim@acme.example', 'Budget is TBD.'), 'visit-mail-0002', 2);
    await service.settled();
    expect((await repo.db.deals.get('demo:deal-2001'))?.assessment.flags).toEqual(['budget-hidden']);
    expect(reported).toHaveLength(1);
  });

  it('leaves a deal of another company alone', async () => {
    const { service, repo } = await setup();
    await service.onReading(crmDeal(), 'visit-crm-0001', 1);
    await service.onReading(thread('kim@initech.example', 'We already have a tool for that.'), 'visit-mail-0001', 2);
    await service.settled();
    expect((await repo.db.deals.get('demo:deal-2001'))?.assessment.flags).toEqual([]);
    const view = await service.tabDeal(2);
    expect(view.ok && view.value.kind === 'deal' && view.value.linked).toEqual([]);
  });
});

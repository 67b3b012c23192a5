/**
 * Upgrades keep data: a database as each earlier schema version left it (v1, v2, v3),
 * filled with realistic rows, is opened by the current code and every row is checked.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultChecklist } from '../../src/checklist/items';
import { defaultSettings } from '../../src/checklist/settings';
import { openDb } from '../../src/storage/db';
import { CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../src/storage/schema';
import { makeAssessment, makeFacts } from './factories';

const SCHEMAS: Record<number, Record<string, string>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3 };
const T0 = 1_780_000_000_000;
const DAY = 86_400_000;

/** Rows as version `v` wrote them: the fields each version had, and no later ones. */
function dataset(v: number) {
  const checklist = [
    ...defaultChecklist().map((item, i) => ({ ...item, weight: (i % 3) + 1, enabled: i !== 4 })),
    { id: 'custom-legal-review', title: 'Legal review not started', description: 'Our own item', enabled: true, weight: 2, order: defaultChecklist().length, custom: true },
  ];
  const settings = { ...defaultSettings(), ownEmails: ['rep@seller.example'], walkAwayAt: 4 };
  const deals = Array.from({ length: 12 }, (_, i) => {
    const key = i % 3 === 0 ? `salesforce:org1:006${i}` : `hubspot:1234:${1000 + i}`;
    const facts = makeFacts({
      dealKey: key,
      site: i % 3 === 0 ? 'salesforce' : 'hubspot',
      title: `Globex expansion ${i} — "quoted" <b>text</b>`,
      raw: { amount: '$80,000', stage: 'Proposal', competitors: 'Contoso, Fabrikam' },
      stage: 'Proposal',
      amount: { value: 80_000, currency: 'USD' },
      closeDate: T0 + (30 + i) * DAY,
      competitors: ['Contoso', 'Fabrikam'],
      contacts: [{ name: 'Dana Díaz', role: 'champion', roleText: 'Champion' }],
      buyerStatements: [{ text: 'we are evaluating five vendors', at: null, messageIndex: 0, where: 'Buyer email' }],
    });
    if (v >= 3) facts.domains = ['globex.example'];
    else delete facts.domains;
    const assessment = makeAssessment({
      verdict: i % 2 ? 'caution' : 'pursue',
      score: i % 2,
      flags: i % 2 ? ['crowded-field'] : [],
      findings: [{ itemId: 'crowded-field', status: i % 2 ? 'flagged' : 'clear', source: 'auto', evidence: [{ quote: 'five vendors', where: 'Buyer email' }], reason: '' }],
    });
    const base = {
      key,
      site: facts.site,
      title: facts.title,
      url: `https://example.test/deal/${i}`,
      facts,
      assessment,
      lastSeen: T0 + i * DAY,
      lastVisitId: `visit-${i}-aaaaaaaa`,
      lastSnapshotId: null as number | null,
    };
    return v >= 2 ? { ...base, firstSeen: T0 - i * DAY, visits: i + 1, msSpent: i * 60_000 } : base;
  });
  // Ids are given so deals can point at their newest snapshot, as the product stores them.
  let id = 0;
  const snapshots = deals.flatMap((deal, i) =>
    Array.from({ length: (i % 4) + 1 }, (_, n) => ({
      id: ++id,
      dealKey: deal.key,
      at: T0 - (10 - n) * DAY + i,
      verdict: n % 2 ? 'caution' : 'pursue',
      score: n % 2,
      findings: [{ itemId: 'crowded-field', status: n % 2 ? 'flagged' : 'clear' }],
      closeDate: n === 2 ? null : T0 + (20 + n * 7) * DAY,
      stage: n === 0 ? 'Discovery' : 'Proposal',
    })),
  );
  for (const deal of deals) deal.lastSnapshotId = snapshots.filter((s) => s.dealKey === deal.key).at(-1)?.id ?? null;
  const answers = deals.slice(0, 7).map((deal, i) => ({
    dealKey: deal.key,
    itemId: i % 2 ? 'custom-legal-review' : 'crowded-field',
    status: i % 2 ? 'flagged' : 'clear',
    note: i === 3 ? '' : `Only Contoso left ${i} <script>not run</script>`,
    at: T0 + i,
  }));
  return { checklist, settings, deals, snapshots, answers };
}

/** What each deal must read after upgrading from version `v`. */
function upgradedDeal(deal: ReturnType<typeof dataset>['deals'][number], snapshots: ReturnType<typeof dataset>['snapshots'], v: number) {
  let upgraded: Record<string, unknown> = { ...deal };
  if (v < 2) {
    // v1 -> v2: sunk-cost fields derived from the snapshots kept.
    const own = snapshots.filter((s) => s.dealKey === deal.key);
    upgraded = { ...upgraded, firstSeen: Math.min(...own.map((s) => s.at)), visits: own.length, msSpent: 0 };
  }
  // v2 -> v3: no domains were kept before v3.
  if (v < 3) upgraded = { ...upgraded, facts: { ...deal.facts, domains: [] } };
  return upgraded;
}

for (const version of [1, 2, 3]) {
  describe(`a database from schema v${version}`, () => {
    it(`opens at v${CURRENT_VERSION} with every deal, snapshot, answer, checklist item and setting intact`, async () => {
      const indexedDB = new IDBFactory();
      const name = `upgrade-from-v${version}`;
      const old = new Dexie(name, { indexedDB, IDBKeyRange });
      old.version(version).stores(SCHEMAS[version] as Record<string, string>);
      const before = dataset(version);
      await old.table('checklist').bulkAdd(before.checklist);
      await old.table('settings').add({ key: 'settings', value: before.settings });
      await old.table('deals').bulkAdd(before.deals);
      await old.table('snapshots').bulkAdd(before.snapshots);
      await old.table('answers').bulkAdd(before.answers);
      old.close();

      const db = openDb(name, { indexedDB, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);

      const deals = await db.deals.orderBy('key').toArray();
      const expected = before.deals.map((deal) => upgradedDeal(deal, before.snapshots, version)).sort((a, b) => String(a['key']).localeCompare(String(b['key'])));
      expect(deals).toEqual(expected);
      expect(await db.snapshots.orderBy('id').toArray()).toEqual(before.snapshots);
      expect(await db.answers.toArray()).toEqual(
        [...before.answers].sort((a, b) => a.dealKey.localeCompare(b.dealKey) || a.itemId.localeCompare(b.itemId)),
      );
      expect(await db.checklist.orderBy('order').toArray()).toEqual(before.checklist);
      expect(await db.settings.toArray()).toEqual([{ key: 'settings', value: before.settings }]);
      expect(await db.diagnostics.count()).toBe(0);

      // The new indexes answer queries over the old rows.
      const first = before.deals[1]!;
      expect(await db.snapshots.where('[dealKey+at]').between([first.key, -Infinity], [first.key, Infinity]).count()).toBe(2);
      expect(await db.deals.where('facts.domains').equals('globex.example').count()).toBe(version >= 3 ? 12 : 0);
      expect(await db.deals.orderBy('firstSeen').count()).toBe(12);
      db.close();
    });
  });
}

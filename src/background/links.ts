/**
 * Linking a mail thread with the CRM deal of the same company: the buyer's domains
 * (facts.domains, indexed in storage v3) match. A CRM deal is scored with the buyer
 * statements, touches and message counts of its linked threads added, so what the buyer
 * says by email counts toward the deal's verdict; each thread keeps its own verdict.
 */
import { isMail, SITE_IDS, type SiteId } from '../sites';
import type { DealFacts } from '../signals/types';
import type { DealRecord } from '../storage/db';
import type { Repository } from '../storage/repository';
import type { LinkedDeal } from '../ui/views';

/** The sites whose pages are email threads (src/sites/index.ts). */
const MAIL_SITES: readonly SiteId[] = SITE_IDS.filter(isMail);
/** A company with many threads: the most recent ones are enough. */
const MAX_LINKED = 10;

/** Up to this many matching deals are simply loaded and sorted; beyond it, only keys are read. */
const LOAD_ALL_BELOW = 50;

/**
 * The other side of the link: threads for a CRM deal, CRM deals for a thread; newest first.
 * A very common domain may be shared by thousands of deals, and loading each record costs
 * (10,000 took 1.36 s, docs/PERFORMANCE.md): the indexes give the keys, and at most
 * MAX_LINKED records are loaded.
 */
export async function linkedDeals(repo: Repository, facts: DealFacts): Promise<DealRecord[]> {
  const domains = facts.domains ?? [];
  if (domains.length === 0) return [];
  const { deals } = repo.db;
  const wantThreads = !isMail(facts.site);
  const matching = new Set(await deals.where('facts.domains').anyOf(domains).primaryKeys());
  matching.delete(facts.dealKey);
  if (matching.size <= LOAD_ALL_BELOW) {
    const found = await deals.bulkGet([...matching]);
    return found
      .filter((deal): deal is DealRecord => deal !== undefined && isMail(deal.site) === wantThreads)
      .sort((a, b) => b.lastSeen - a.lastSeen)
      .slice(0, MAX_LINKED);
  }
  // Keys only: the threads (or not) by the site index, then newest first by the lastSeen index.
  const threadKeys = new Set(await deals.where('site').anyOf(MAIL_SITES).primaryKeys());
  const newest: string[] = [];
  for (const key of await deals.orderBy('lastSeen').reverse().primaryKeys()) {
    if (matching.has(key) && threadKeys.has(key) === wantThreads) newest.push(key);
    if (newest.length === MAX_LINKED) break;
  }
  const found = await deals.bulkGet(newest);
  return found.filter((deal): deal is DealRecord => deal !== undefined);
}

/** A CRM deal's facts with its linked threads added (a thread's own facts are left alone). */
export function withThreads(facts: DealFacts, threads: readonly DealRecord[]): DealFacts {
  if (threads.length === 0 || isMail(facts.site)) return facts;
  return {
    ...facts,
    touches: [...facts.touches, ...threads.flatMap((thread) => thread.facts.touches)].sort((a, b) => a.at - b.at),
    buyerStatements: [
      ...facts.buyerStatements,
      ...threads.flatMap((thread) =>
        thread.facts.buyerStatements.map((statement) => ({ ...statement, where: `${statement.where}, thread "${thread.title}"`.slice(0, 300) })),
      ),
    ],
    buyerMessageCount: facts.buyerMessageCount + threads.reduce((sum, thread) => sum + thread.facts.buyerMessageCount, 0),
  };
}

export function linkedView(deals: readonly DealRecord[]): LinkedDeal[] {
  return deals.map((deal) => ({
    dealKey: deal.key,
    site: deal.site,
    title: deal.title,
    url: deal.url,
    verdict: deal.assessment.verdict,
    flags: deal.assessment.flags,
  }));
}

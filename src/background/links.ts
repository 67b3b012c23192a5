/**
 * Linking a mail thread with the CRM deal of the same company: the buyer's domains
 * (facts.domains) match. A CRM deal is scored with the buyer statements, touches and message
 * counts of its linked threads added, so what the buyer says by email counts toward the
 * deal's verdict; each thread keeps its own verdict.
 */
import { isMail, SITE_IDS, type SiteId } from '../sites';
import type { DealFacts } from '../signals/types';
import type { DealRecord } from '../storage/db';
import type { Repository } from '../storage/repository';

/** The sites whose pages are email threads (src/sites/index.ts). */
const MAIL_SITES: readonly SiteId[] = SITE_IDS.filter(isMail);
/** A company with many threads: the most recent ones are enough. */
export const MAX_LINKED = 10;

/** The other side of the link: threads for a CRM deal, CRM deals for a thread; newest first. */
export function linkedDeals(repo: Repository, facts: DealFacts): Promise<DealRecord[]> {
  const domains = facts.domains ?? [];
  if (domains.length === 0) return Promise.resolve([]);
  return repo.dealsSharingDomains(domains, { threads: !isMail(facts.site), threadSites: MAIL_SITES, except: facts.dealKey, max: MAX_LINKED });
}

/**
 * A CRM deal's facts with its linked threads added (a thread's own facts are left alone).
 * Each statement keeps the thread it was said in, so evidence points at that thread.
 */
export function withThreads(facts: DealFacts, threads: readonly DealRecord[]): DealFacts {
  if (threads.length === 0 || isMail(facts.site)) return facts;
  return {
    ...facts,
    touches: [...facts.touches, ...threads.flatMap((thread) => thread.facts.touches)].sort((a, b) => a.at - b.at),
    buyerStatements: [
      ...facts.buyerStatements,
      ...threads.flatMap((thread) =>
        thread.facts.buyerStatements.map((statement) => ({
          ...statement,
          dealKey: statement.dealKey ?? thread.key,
          where: `${statement.where}, thread "${thread.title}"`.slice(0, 300),
        })),
      ),
    ],
    buyerMessageCount: facts.buyerMessageCount + threads.reduce((sum, thread) => sum + thread.facts.buyerMessageCount, 0),
  };
}

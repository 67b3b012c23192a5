/** The same company on the other side: the CRM deal for a mail thread, or the threads for a deal. */
import { VERDICT_LABELS } from '../shared/labels';
import type { LinkedDeal } from '../../protocol/views';
import { siteLabel } from '../../sites';

/** Stored URLs come from pages we read: only plain https links are offered. */
function safeHref(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function LinkedDeals({ linked, isThread }: { linked: LinkedDeal[] | undefined; isThread: boolean }) {
  if (!linked || linked.length === 0) return null;
  return (
    <section class="linked" aria-labelledby="linked-title" data-testid="linked-deals">
      <h2 id="linked-title">{isThread ? 'Deal for this company' : 'Email threads with this company'}</h2>
      <p class="muted">{isThread ? "This thread's findings count toward its verdict." : 'What the buyer wrote there counts toward this verdict.'}</p>
      <ul>
        {linked.map((deal) => {
          const href = safeHref(deal.url);
          return (
            <li key={deal.dealKey} data-deal={deal.dealKey}>
              <span class="linked__site">{siteLabel(deal.site)}</span>{' '}
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {deal.title || deal.dealKey}
                </a>
              ) : (
                <span>{deal.title || deal.dealKey}</span>
              )}{' '}
              <span class="linked__verdict">
                {VERDICT_LABELS[deal.verdict]}
                {deal.flags.length > 0 ? ` · ${deal.flags.length}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

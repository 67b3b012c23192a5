/**
 * The pipeline: every deal Walk Away has seen, most recent first, with its last verdict
 * and what it has cost so far. One page of rows at a time, so it opens fast with
 * thousands of deals.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Verdict } from '../../contract/assessment';
import { workerClient, type WorkerClient } from '../client';
import { errorMessage } from '../shared/errors';
import { formatDuration, formatRelative } from '../shared/format';
import { VERDICT_LABELS } from '../shared/labels';
import type { PipelinePage } from '../../protocol/views';
import { siteLabel } from '../../sites';

export const PAGE_SIZE = 50;

type Filter = Verdict | 'all';
const FILTERS: Filter[] = ['all', 'walk-away', 'caution', 'pursue', 'unknown'];

export interface PipelineProps {
  client?: Pick<WorkerClient, 'pipeline'>;
  now?: () => number;
}

export function Pipeline({ client = workerClient, now = Date.now }: PipelineProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<PipelinePage | null>(null);
  const [error, setError] = useState('');

  // A layout effect runs in the same task as the render, so the request leaves at once; a
  // plain effect waits for the next frame (Preact: up to 35 ms), which the page shows later.
  useLayoutEffect(() => {
    let cancelled = false;
    setError('');
    client
      .pipeline(offset, PAGE_SIZE, filter === 'all' ? null : filter)
      .then((next) => !cancelled && setPage(next))
      .catch((failure: unknown) => !cancelled && setError(errorMessage(failure)));
    return () => {
      cancelled = true;
    };
  }, [client, offset, filter]);

  const at = now();
  return (
    <main class="pipeline">
      <header class="pipeline__header">
        <h1>Pipeline</h1>
        <p class="muted">Every deal Walk Away has read, most recently seen first, with its last verdict.</p>
        <div role="group" aria-label="Show" class="pipeline__filters">
          {FILTERS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={filter === option}
              data-testid={`filter-${option}`}
              onClick={() => {
                setFilter(option);
                setOffset(0);
              }}
            >
              {option === 'all' ? 'All' : VERDICT_LABELS[option]}
            </button>
          ))}
        </div>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {page && page.rows.length === 0 && <p data-testid="pipeline-empty">No deals here yet. Open a deal in your CRM or an email thread.</p>}
      {page && page.rows.length > 0 && (
        <table class="pipeline__table" data-testid="pipeline-table">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Verdict</th>
              <th scope="col">Reasons to walk away</th>
              <th scope="col">First seen</th>
              <th scope="col">Visits</th>
              <th scope="col">Time spent</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.dealKey} data-testid="pipeline-row" data-deal={row.dealKey} data-verdict={row.verdict}>
                <td>
                  <a href={safeHref(row.url)} target="_blank" rel="noreferrer noopener">
                    {row.title || row.dealKey}
                  </a>
                  <div class="muted">{siteLabel(row.site)}</div>
                </td>
                <td>
                  <span class={`pill pill--${row.verdict}`}>{VERDICT_LABELS[row.verdict]}</span>
                </td>
                <td>{row.flagTitles.join(', ') || '—'}</td>
                <td>{formatRelative(row.firstSeen, at)}</td>
                <td>{row.visits}</td>
                <td>{formatDuration(row.msSpent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && (
        <nav class="pipeline__pager" aria-label="Pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Newer
          </button>
          <span class="muted">
            {page.total === 0 ? 0 : offset + 1}–{offset + page.rows.length} of {page.total}
          </span>
          <button type="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Older
          </button>
        </nav>
      )}
    </main>
  );
}

/** Only http(s) links: a stored URL came from a page and must not become javascript:. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../src/contract/assessment';
import type { WorkerClient } from '../../src/ui/client';

type PipelineClient = Pick<WorkerClient, 'pipeline'>;
import type { PipelinePage, PipelineRow } from '../../src/protocol/views';

// The real polyfill refuses to load outside an extension; the default client imports it.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: vi.fn() } } }));
const { Pipeline, PAGE_SIZE, safeHref } = await import('../../src/ui/pipeline/Pipeline');

const NOW = Date.UTC(2026, 10, 28, 12);
const VERDICTS: Verdict[] = ['walk-away', 'caution', 'pursue', 'unknown'];

function rows(count: number): PipelineRow[] {
  return Array.from({ length: count }, (_, i) => ({
    dealKey: `hubspot:1:${i}`,
    site: 'hubspot',
    title: i === 0 ? '<img src=x onerror=alert(1)>' : `Deal ${i}`,
    url: i === 1 ? 'javascript:alert(1)' : `https://app.hubspot.com/contacts/1/record/0-3/${i}`,
    verdict: VERDICTS[i % 4]!,
    flagTitles: i % 4 === 0 ? ['Stalled', 'Unresponsive'] : [],
    firstSeen: NOW - 30 * 86_400_000,
    lastSeen: NOW - i * 60_000,
    visits: i + 1,
    msSpent: 90 * 60_000,
  }));
}

/** An in-memory worker answering pages of 120 deals. */
function fakeClient() {
  const all = rows(120);
  const pipeline = vi.fn((offset: number, limit: number, verdict: Verdict | null): Promise<PipelinePage> => {
    const matching = verdict ? all.filter((row) => row.verdict === verdict) : all;
    return Promise.resolve({ rows: matching.slice(offset, offset + limit), total: matching.length });
  });
  const client: PipelineClient = { pipeline };
  return { client, pipeline };
}

afterEach(cleanup);

describe('Pipeline', () => {
  it('shows one page of deals, newest first, with verdict, reasons, visits and time spent', async () => {
    const { client, pipeline } = fakeClient();
    render(<Pipeline client={client} now={() => NOW} />);
    const table = await screen.findByTestId('pipeline-table');
    expect(pipeline).toHaveBeenCalledWith(0, PAGE_SIZE, null);
    const shown = screen.getAllByTestId('pipeline-row');
    expect(shown).toHaveLength(PAGE_SIZE);
    expect(shown[0]?.dataset.verdict).toBe('walk-away');
    expect(shown[0]?.textContent).toContain('Stalled, Unresponsive');
    expect(shown[0]?.textContent).toContain('1 h 30 min');
    // A hostile title is text; a javascript: URL never becomes a link target.
    expect(shown[0]?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(table.querySelector('img')).toBeNull();
    expect(shown[1]?.querySelector('a')?.getAttribute('href')).toBeNull();
    expect(screen.getByText(/1–50 of 120/)).toBeTruthy();
  });

  it('pages and filters by verdict', async () => {
    const { client, pipeline } = fakeClient();
    render(<Pipeline client={client} now={() => NOW} />);
    await screen.findByTestId('pipeline-table');
    fireEvent.click(screen.getByText('Older'));
    await waitFor(() => expect(screen.getByText(/51–100 of 120/)).toBeTruthy());
    fireEvent.click(screen.getByTestId('filter-caution'));
    await waitFor(() => expect(pipeline).toHaveBeenLastCalledWith(0, PAGE_SIZE, 'caution'));
    await waitFor(() => expect(screen.getAllByTestId('pipeline-row').every((row) => row.dataset.verdict === 'caution')).toBe(true));
    expect(screen.getByText(/1–30 of 30/)).toBeTruthy();
  });

  it('says when there is nothing yet', async () => {
    const client: PipelineClient = {
      ...fakeClient().client,
      pipeline: () => Promise.resolve({ rows: [], total: 0 }),
    };
    render(<Pipeline client={client} now={() => NOW} />);
    expect((await screen.findByTestId('pipeline-empty')).textContent).toMatch(/No deals/);
  });

  it('keeps only http(s) links', () => {
    expect(safeHref('https://acme.pipedrive.com/deal/1')).toBe('https://acme.pipedrive.com/deal/1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});

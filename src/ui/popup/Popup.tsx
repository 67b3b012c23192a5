/**
 * The toolbar popup: the active tab's deal, its verdict, each checklist item with the
 * rep's manual answer, and the sunk-cost meter. Talks to the worker only via the client.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { ChecklistItem } from '../../checklist/items';
import type { EvidenceSource } from '../../contract/assessment';
import { workerClient, type WorkerClient } from '../client';
import type { DealView, TabDealView } from '../../protocol/views';
import { errorMessage } from '../shared/errors';
import { VERDICT_LABELS } from '../shared/labels';
import { ItemRow, statusOf, type AnswerChoice } from './ItemRow';
import { LinkedDeals } from './LinkedDeals';
import { ReadSummary } from './ReadSummary';
import { SunkCostMeter } from './SunkCostMeter';
import { findTabId, openOptionsPage } from './tab';
import { isMail, openADealHint, siteLabel } from '../../sites';

/** The part of the client the popup uses; the saved view and reveal are optional for test doubles. */
export type PopupClient = Pick<WorkerClient, 'tabDeal' | 'setAnswer'> & Partial<Pick<WorkerClient, 'savedTabDeal' | 'revealEvidence'>>;

export interface PopupProps {
  client?: PopupClient;
  getTabId?: () => Promise<number>;
  openOptions?: () => Promise<void>;
  now?: () => number;
}

/**
 * Where the shown view came from: `saved` (the worker's view as of the tab's last reading,
 * shown while the worker answers), `worker` (its answer now), `answer` (after the rep's own).
 */
type ViewSource = 'saved' | 'worker' | 'answer';
type LoadState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; view: TabDealView; source: ViewSource; refreshError?: string };

export function Popup({ client = workerClient, getTabId = findTabId, openOptions = openOptionsPage, now = Date.now }: PopupProps) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const [optionsError, setOptionsError] = useState('');

  // A layout effect runs in the same task as the render, so the request leaves at once; a
  // plain effect waits for the next frame (Preact: up to 35 ms), which the page shows later.
  useLayoutEffect(() => {
    let cancelled = false;
    const show = (next: (current: LoadState) => LoadState) => {
      if (!cancelled) setState(next);
    };
    void (async () => {
      let tabId: number;
      try {
        tabId = await getTabId();
      } catch (error) {
        show(() => ({ phase: 'failed', message: errorMessage(error) }));
        return;
      }
      const fresh = client.tabDeal(tabId);
      // The saved view needs no worker: it shows while a stopped worker starts, and only
      // until the worker answers.
      client.savedTabDeal?.(tabId).then(
        (saved) => {
          if (saved) show((current) => (current.phase === 'loading' ? { phase: 'ready', view: saved, source: 'saved' } : current));
        },
        () => undefined,
      );
      try {
        const view = await fresh;
        // An answer the rep gave meanwhile came back with a newer view than this one.
        show((current) => (current.phase === 'ready' && current.source === 'answer' ? current : { phase: 'ready', view, source: 'worker' }));
      } catch (error) {
        const message = errorMessage(error);
        show((current) => (current.phase === 'ready' ? { ...current, refreshError: message } : { phase: 'failed', message }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, getTabId]);

  const showOptions = () => {
    setOptionsError('');
    openOptions().catch((error: unknown) => setOptionsError(errorMessage(error)));
  };

  return (
    <main class="popup">
      {state.phase === 'loading' && <p class="muted" role="status">Reading this tab…</p>}
      {state.phase === 'failed' && (
        <p class="error" role="alert" data-testid="popup-error">
          {state.message}
        </p>
      )}
      {state.phase === 'ready' && state.view.kind === 'none' && (
        <section class="no-deal" data-testid="no-deal">
          <h1>No deal here</h1>
          <p>{state.view.reason}</p>
          <p class="muted">{openADealHint()}</p>
        </section>
      )}
      {state.phase === 'ready' && state.refreshError && (
        <p class="error" role="alert" data-testid="popup-refresh-error">
          Couldn't refresh this deal: {state.refreshError} It shows the verdict of the page's last reading.
        </p>
      )}
      {state.phase === 'ready' && state.view.kind === 'deal' && (
        <DealPanel
          view={state.view}
          source={state.source}
          client={client}
          now={now()}
          onView={(view) => setState({ phase: 'ready', view, source: 'answer' })}
          onReveal={(evidenceSource) => {
            if (!client.revealEvidence) return;
            void getTabId()
              .then((tabId) => client.revealEvidence?.(tabId, evidenceSource))
              .catch(() => undefined);
          }}
        />
      )}
      <footer class="popup__footer">
        <a href="../pipeline/index.html" target="_blank" rel="noopener" data-testid="open-pipeline">
          Pipeline
        </a>
        <button type="button" class="link-button" data-testid="open-options" onClick={showOptions}>
          Open settings
        </button>
        {optionsError && (
          <p class="error" role="alert">
            {optionsError}
          </p>
        )}
      </footer>
    </main>
  );
}

interface DealPanelProps {
  view: DealView;
  source: ViewSource;
  client: PopupClient;
  now: number;
  onView: (view: TabDealView) => void;
  /** Scroll the thread in the tab to the message a quote came from. */
  onReveal?: (source: EvidenceSource) => void;
}

function DealPanel({ view, source, client, now, onView, onReveal }: DealPanelProps) {
  const [pending, setPending] = useState<Record<string, AnswerChoice>>({});
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  // Notes being typed, by item id; dropped once saved so the stored note shows.
  const [noteDrafts, setNoteDrafts] = useState<Record<string, string>>({});

  const { assessment } = view;
  const itemsById = new Map(view.checklist.map((item) => [item.id, item]));
  const answersById = new Map(view.answers.map((answer) => [answer.itemId, answer]));
  const offCount = view.checklist.filter((item) => !item.enabled).length;

  const noteFor = (itemId: string) => noteDrafts[itemId] ?? answersById.get(itemId)?.note ?? '';

  async function saveAnswer(item: ChecklistItem, choice: AnswerChoice) {
    setPending((current) => ({ ...current, [item.id]: choice }));
    setItemErrors((current) => without(current, item.id));
    try {
      const next = await client.setAnswer(view.dealKey, item.id, statusOf(choice, item), choice === 'auto' ? '' : noteFor(item.id));
      setNoteDrafts((current) => without(current, item.id));
      onView(next);
    } catch (error) {
      setItemErrors((current) => ({ ...current, [item.id]: `Couldn't save your answer: ${errorMessage(error)}` }));
    } finally {
      setPending((current) => without(current, item.id));
    }
  }

  function commitNote(item: ChecklistItem) {
    const answer = answersById.get(item.id);
    const draft = noteDrafts[item.id];
    // A note belongs to a Yes/No answer; with Auto it waits to be saved with the next answer.
    if (!answer || draft === undefined || draft === answer.note) return;
    void saveAnswer(item, answer.status === item.yesMeans ? 'yes' : 'no');
  }

  return (
    <article class="deal">
      <header class="deal__header">
        <p class="deal__site">{siteLabel(view.site)}</p>
        <h1 class="deal__title" data-testid="deal-title">
          {view.title || 'Untitled deal'}
        </h1>
      </header>
      {view.storageWarning && (
        <p class="error" role="alert" data-testid="storage-warning">
          {view.storageWarning}
        </p>
      )}

      <div class={`verdict verdict--${assessment.verdict}`} data-testid="verdict" data-verdict={assessment.verdict} data-source={source} role="status">
        <span class="verdict__label">{VERDICT_LABELS[assessment.verdict]}</span>
        <span class="verdict__detail">
          {assessment.flags.length} flagged · score {assessment.score} · {assessment.knownCount} of {assessment.findings.length} known
        </span>
      </div>

      <WhySummary view={view} />
      <LinkedDeals linked={view.linked} isThread={isMail(view.site)} />
      <SunkCostMeter sunkCost={view.sunkCost} verdict={assessment.verdict} now={now} />

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">Checklist</h2>
        <ul class="items">
          {assessment.findings.map((finding) => {
            const item = itemsById.get(finding.itemId);
            if (!item) return null;
            return (
              <ItemRow
                key={item.id}
                item={item}
                finding={finding}
                answer={answersById.get(item.id)}
                pendingChoice={pending[item.id]}
                note={noteFor(item.id)}
                error={itemErrors[item.id]}
                now={now}
                onChoose={(choice) => void saveAnswer(item, choice)}
                onNoteInput={(note) => setNoteDrafts((current) => ({ ...current, [item.id]: note }))}
                onNoteCommit={() => commitNote(item)}
                onReveal={onReveal}
                openSources={view.openSources}
              />
            );
          })}
        </ul>
        {offCount > 0 && (
          <p class="muted">
            {offCount} {offCount === 1 ? 'item is' : 'items are'} turned off in settings.
          </p>
        )}
      </section>

      <ReadSummary read={view.read} missed={view.missed} />
    </article>
  );
}

/** The reasons to walk away, first thing under the verdict, each with its strongest evidence. */
function WhySummary({ view }: { view: DealView }) {
  const titles = new Map(view.checklist.map((item) => [item.id, item.title]));
  const flagged = view.assessment.findings.filter((finding) => finding.status === 'flagged');
  if (!flagged.length) return null;
  return (
    <section class="why" aria-labelledby="why-title" data-testid="why">
      <h2 id="why-title">Why</h2>
      <ul>
        {flagged.map((finding) => {
          const evidence = finding.evidence[0];
          return (
            <li key={finding.itemId}>
              <strong>{titles.get(finding.itemId) ?? finding.itemId}</strong>
              {finding.source === 'manual' && <span class="muted"> (your answer)</span>}
              {evidence && (
                <span class="why__evidence">
                  {' '}
                  “{evidence.quote}” <span class="muted">({evidence.where})</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}

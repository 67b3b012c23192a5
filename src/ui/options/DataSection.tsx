/**
 * "Your data": export everything to one JSON file, import such a file (checked whole by
 * the worker; a bad file changes nothing), and erase everything after an explicit
 * confirmation step. After an import or erase the page reloads so the settings above
 * show what is stored now; the result message survives the reload in sessionStorage.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../shared/errors';
import { workerClient, type WorkerClient } from '../client';
import { download } from '../shared/download';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const CARRIED = 'walkaway-data-status';


const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type DataClient = Pick<WorkerClient, 'exportAll' | 'importAll' | 'eraseAll'>;

export function DataSection({ client = workerClient, reload = () => location.reload() }: { client?: DataClient; reload?: () => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const carried = sessionStorage.getItem(CARRIED);
    if (carried) {
      sessionStorage.removeItem(CARRIED);
      setStatus({ kind: 'done', text: carried });
    }
  }, []);

  const finish = (text: string) => {
    sessionStorage.setItem(CARRIED, text);
    reload();
  };

  async function exportAll() {
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      const file = await client.exportAll();
      const day = new Date(file.exportedAt).toISOString().slice(0, 10);
      download(`walk-away-${day}.json`, JSON.stringify(file));
      setStatus({ kind: 'done', text: `Exported ${plural(file.deals.length, 'deal')}, ${plural(file.snapshots.length, 'snapshot')} and ${plural(file.answers.length, 'answer')}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Couldn't export: ${errorMessage(error)}` });
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus({ kind: 'busy', text: 'Checking the file…' });
    try {
      const summary = await client.importAll(await file.text());
      finish(`Imported ${plural(summary.deals, 'deal')}, ${plural(summary.snapshots, 'snapshot')} and ${plural(summary.answers, 'answer')}.`);
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) });
    }
  }

  async function erase() {
    setConfirming(false);
    setStatus({ kind: 'busy', text: 'Erasing…' });
    try {
      await client.eraseAll();
      finish('Everything was erased; the default checklist and settings are back.');
    } catch (error) {
      setStatus({ kind: 'error', text: `Couldn't erase: ${errorMessage(error)}` });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <section aria-labelledby="data-title" class="data-section" data-testid="data-section">
      <h2 id="data-title">Your data</h2>
      <p class="muted">Everything Walk Away knows stays in this browser. Nothing is ever sent anywhere.</p>
      <div class="data-actions">
        <button type="button" data-testid="export" disabled={busy} onClick={() => void exportAll()}>
          Export all data
        </button>
        <label class="file-button">
          Import a file (replaces all data)
          <input type="file" accept="application/json,.json" data-testid="import" disabled={busy} onChange={(event) => void importFile(event.currentTarget)} />
        </label>
        <button type="button" class="danger" data-testid="erase" disabled={busy || confirming} onClick={() => setConfirming(true)}>
          Erase all data…
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="erase-question" data-testid="erase-confirm-box">
          <p id="erase-question">
            Erase every deal, snapshot, answer, custom item and setting? This can't be undone; export first if you may want them back.
          </p>
          <button type="button" class="danger" data-testid="erase-confirm" onClick={() => void erase()}>
            Yes, erase everything
          </button>
          <button type="button" data-testid="erase-cancel" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p class={status.kind === 'error' ? 'error' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="data-status">
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </section>
  );
}

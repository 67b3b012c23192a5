/**
 * "Diagnostics": the local log of failures (src/contract/diagnostics.ts) for the rep to look
 * at or hand to support as a JSON file. It stays in this browser; nothing is sent.
 */
import { useState } from 'preact/hooks';
import { workerClient, type WorkerClient } from '../client';
import { download } from '../shared/download';
import type { DiagnosticRecord } from '../../contract/diagnostics';
import { errorMessage } from '../shared/errors';

export type DiagnosticsClient = Pick<WorkerClient, 'diagnostics'>;

export function DiagnosticsSection({ client = workerClient }: { client?: DiagnosticsClient }) {
  const [entries, setEntries] = useState<DiagnosticRecord[] | null>(null);
  const [error, setError] = useState('');

  async function load(): Promise<DiagnosticRecord[] | null> {
    try {
      const list = await client.diagnostics();
      setEntries(list);
      setError('');
      return list;
    } catch (caught) {
      setError(`Couldn't read the log: ${errorMessage(caught)}`);
      return null;
    }
  }

  async function exportLog() {
    const list = await load();
    if (list) download(`walk-away-diagnostics-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ format: 'walk-away-diagnostics', entries: list }, null, 2));
  }

  return (
    <section aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <p class="hint">
        Failures Walk Away caught, kept only in this browser (the newest 500). Entries hold our own error codes and file
        positions, never text from the pages you read.
      </p>
      <div class="actions">
        <button type="button" data-testid="diagnostics-show" onClick={() => void load()}>
          Show diagnostics
        </button>
        <button type="button" data-testid="diagnostics-export" onClick={() => void exportLog()}>
          Export diagnostics
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && <p data-testid="diagnostics-empty">No failures recorded.</p>}
      {entries && entries.length > 0 && (
        <table class="diagnostics" data-testid="diagnostics-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Where</th>
              <th>What</th>
              <th>Site</th>
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="diagnostics-row">
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td>{entry.where}</td>
                <td>{entry.adapter ? `${entry.code} (${entry.adapter})` : entry.code}</td>
                <td>{entry.site}</td>
                <td title={entry.frames.join('\n')}>{entry.errorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

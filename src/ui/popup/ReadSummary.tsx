import type { DealView } from '../../protocol/views';

/** What the page showed and what it didn't, so the rep can judge how far to trust the verdict. */
export function ReadSummary({ read, missed }: Pick<DealView, 'read' | 'missed'>) {
  return (
    <details class="read-summary" data-testid="read-summary">
      <summary>
        What was read ({read.length}) / couldn't read ({missed.length})
      </summary>
      <h3>What was read</h3>
      {read.length > 0 ? (
        <dl class="facts">
          {read.map((entry, index) => (
            <div key={index} class="facts__row">
              <dt>{entry.label}</dt>
              <dd>{entry.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted">Nothing could be read from this page.</p>
      )}
      <h3>Couldn't read</h3>
      {missed.length > 0 ? (
        <ul class="missed">
          {missed.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">Every expected field was found.</p>
      )}
    </details>
  );
}

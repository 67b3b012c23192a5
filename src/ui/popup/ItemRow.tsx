import type { ChecklistItem } from '../../checklist/items';
import type { Evidence, EvidenceSource, Finding, ManualAnswer } from '../../contract/assessment';
import { formatRelative } from '../shared/format';
import { STATUS_LABELS } from '../shared/labels';

/** The rep's three-state answer, as the radios show it. */
export type AnswerChoice = 'auto' | 'yes' | 'no';

export function choiceOf(answer: ManualAnswer | undefined, item: ChecklistItem): AnswerChoice {
  if (!answer) return 'auto';
  return answer.status === item.yesMeans ? 'yes' : 'no';
}

/** Yes/No become flagged/clear through the item's own reading of its question. */
export function statusOf(choice: AnswerChoice, item: ChecklistItem): 'auto' | 'flagged' | 'clear' {
  if (choice === 'auto') return 'auto';
  if (choice === 'yes') return item.yesMeans;
  return item.yesMeans === 'flagged' ? 'clear' : 'flagged';
}

const CHOICES: ReadonlyArray<{ value: AnswerChoice; label: string }> = [
  { value: 'auto', label: 'Auto' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

interface ItemRowProps {
  item: ChecklistItem;
  finding: Finding;
  answer: ManualAnswer | undefined;
  /** The choice being saved, shown until the worker answers. */
  pendingChoice: AnswerChoice | undefined;
  note: string;
  error: string | undefined;
  now: number;
  onChoose: (choice: AnswerChoice) => void;
  onNoteInput: (note: string) => void;
  onNoteCommit: () => void;
  /** Offered for a quote whose thread a tab shows now (DealView.openSources). */
  onReveal?: ((source: EvidenceSource) => void) | undefined;
  openSources?: readonly string[];
}

export function ItemRow(props: ItemRowProps) {
  const { item, finding, answer, pendingChoice, note, error, now } = props;
  const choice = pendingChoice ?? choiceOf(answer, item);
  const saving = pendingChoice !== undefined;
  const questionId = `question-${item.id}`;
  const noteId = `note-${item.id}`;

  return (
    <li class={`item item--${finding.status}`} data-testid={`item-${item.id}`} data-status={finding.status}>
      <div class="item__head">
        <span class="item__title">{item.title}</span>
        <span class={`status status--${finding.status}`}>{STATUS_LABELS[finding.status]}</span>
      </div>

      {finding.source === 'manual' ? (
        <>
          <p class="item__meta">
            Your answer{answer ? `, ${formatRelative(answer.at, now)}` : ''}.
          </p>
          {finding.auto && (
            <div class="item__auto">
              <p class="item__meta">Read automatically: {STATUS_LABELS[finding.auto.status]}</p>
              <FindingDetail evidence={finding.auto.evidence} reason={finding.auto.reason} onReveal={props.onReveal} openSources={props.openSources} />
            </div>
          )}
        </>
      ) : (
        <FindingDetail evidence={finding.evidence} reason={finding.reason} onReveal={props.onReveal} openSources={props.openSources} />
      )}

      <fieldset class="answer" disabled={saving} aria-describedby={error ? `answer-error-${item.id}` : undefined}>
        <legend id={questionId}>{item.question}</legend>
        <div class="answer__choices" role="radiogroup" aria-labelledby={questionId}>
          {CHOICES.map(({ value, label }) => {
            const id = `answer-${item.id}-${value}`;
            return (
              <label key={value} for={id} class="answer__choice">
                <input
                  type="radio"
                  id={id}
                  name={`answer-${item.id}`}
                  value={value}
                  checked={choice === value}
                  onChange={() => props.onChoose(value)}
                />
                {label}
              </label>
            );
          })}
          {saving && <span class="answer__saving">Saving…</span>}
        </div>
        <label class="answer__note-label" for={noteId}>
          Note on {item.title}
        </label>
        <input
          id={noteId}
          class="answer__note"
          type="text"
          data-testid={noteId}
          maxLength={500}
          placeholder={choice === 'auto' ? 'Saved with a Yes or No answer' : 'Why? (optional)'}
          value={note}
          onInput={(event) => props.onNoteInput(event.currentTarget.value)}
          onChange={() => props.onNoteCommit()}
        />
      </fieldset>
      {error && (
        <p class="error" role="alert" id={`answer-error-${item.id}`}>
          {error}
        </p>
      )}
    </li>
  );
}

interface FindingDetailProps {
  evidence: Evidence[];
  reason: string;
  onReveal?: ((source: EvidenceSource) => void) | undefined;
  openSources?: readonly string[] | undefined;
}

function FindingDetail({ evidence, reason, onReveal, openSources = [] }: FindingDetailProps) {
  if (evidence.length > 0) {
    return (
      <ul class="evidence">
        {evidence.map((entry, index) => (
          <li key={index}>
            {onReveal && entry.source && openSources.includes(entry.source.dealKey) ? (
              // A quote from a mail message whose thread is open: clicking it shows that message.
              <button
                type="button"
                class="evidence__reveal link-button"
                title="Show this message in the thread"
                data-message-index={entry.source.messageIndex}
                data-source-deal={entry.source.dealKey}
                onClick={() => entry.source && onReveal(entry.source)}
              >
                <q class="evidence__quote">{entry.quote}</q>
              </button>
            ) : (
              <q class="evidence__quote">{entry.quote}</q>
            )}{' '}
            <span class="evidence__where">{entry.where}</span>
          </li>
        ))}
      </ul>
    );
  }
  return reason ? <p class="item__reason">{reason}</p> : null;
}

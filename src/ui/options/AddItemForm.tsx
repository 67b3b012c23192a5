import { useState } from 'preact/hooks';
import { QUESTION_MAX, TITLE_MAX } from '../../checklist/validate';
import type { FieldErrors } from '../../protocol/views';
import { YesMeansField } from './ChecklistEditor';
import { errorProps, FieldError } from './fields';

export interface NewItemFields {
  title: string;
  question: string;
  yesMeans: 'flagged' | 'clear';
  phrases: string;
}

const EMPTY: NewItemFields = { title: '', question: '', yesMeans: 'flagged', phrases: '' };

/**
 * `onAdd` checks the candidate and answers with its errors keyed by field name
 * ("title", "phrases"); none means it was added and the form starts over.
 */
export function AddItemForm({ onAdd }: { onAdd: (fields: NewItemFields) => FieldErrors }) {
  const [fields, setFields] = useState<NewItemFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (field: keyof NewItemFields, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const add = () => {
    const problems = onAdd(fields);
    setErrors(problems);
    if (Object.keys(problems).length === 0) setFields(EMPTY);
  };

  // Enter in a one-line field adds the item instead of submitting (saving) the whole page.
  const addOnEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  const path = (field: string) => `new-item.${field}`;
  return (
    <div class="add-item" data-testid="add-item-form">
      <div class="field">
        <label for={path('title')}>Title</label>
        <input
          type="text"
          id={path('title')}
          name={path('title')}
          maxLength={TITLE_MAX}
          value={fields.title}
          onInput={(event) => set('title', event.currentTarget.value)}
          onKeyDown={addOnEnter}
          {...errorProps(path('title'), errors.title)}
        />
        <FieldError path={path('title')} error={errors.title} />
      </div>
      <div class="field">
        <label for={path('question')}>Question you answer by hand</label>
        <input
          type="text"
          id={path('question')}
          name={path('question')}
          maxLength={QUESTION_MAX}
          placeholder="Is the buyer asking for a pilot we can't staff?"
          value={fields.question}
          onInput={(event) => set('question', event.currentTarget.value)}
          onKeyDown={addOnEnter}
          {...errorProps(path('question'), errors.question)}
        />
        <FieldError path={path('question')} error={errors.question} />
      </div>
      <YesMeansField path={path('yesMeans')} value={fields.yesMeans} error={errors.yesMeans} onChange={(value) => set('yesMeans', value)} />
      <div class="field">
        <label for={path('phrases')}>Trigger phrases in the buyer's words, one per line</label>
        <textarea
          id={path('phrases')}
          name={path('phrases')}
          rows={3}
          value={fields.phrases}
          onInput={(event) => set('phrases', event.currentTarget.value)}
          {...errorProps(path('phrases'), errors.phrases)}
        />
        <FieldError path={path('phrases')} error={errors.phrases} />
      </div>
      <FieldError path={path('other')} error={errors.other} />
      <button type="button" data-testid="add-item" onClick={add}>
        Add item
      </button>
    </div>
  );
}

import { QUESTION_MAX, TITLE_MAX, WEIGHT_RULE } from '../../checklist/validate';
import type { FieldErrors } from '../../protocol/views';
import type { ItemDraft } from './draft';
import { errorProps, FieldError } from './fields';

interface ChecklistEditorProps {
  items: ItemDraft[];
  errors: FieldErrors;
  onChange: (index: number, field: keyof Omit<ItemDraft, 'base'>, value: string | boolean) => void;
  onRemove: (index: number) => void;
}

export function ChecklistEditor({ items, errors, onChange, onRemove }: ChecklistEditorProps) {
  return (
    <ol class="checklist">
      {items.map((item, index) => (
        <ItemEditor
          key={item.base.id}
          item={item}
          index={index}
          errors={errors}
          onChange={(field, value) => onChange(index, field, value)}
          onRemove={() => onRemove(index)}
        />
      ))}
    </ol>
  );
}

interface ItemEditorProps {
  item: ItemDraft;
  index: number;
  errors: FieldErrors;
  onChange: (field: keyof Omit<ItemDraft, 'base'>, value: string | boolean) => void;
  onRemove: () => void;
}

function ItemEditor({ item, index, errors, onChange, onRemove }: ItemEditorProps) {
  const path = (field: string) => `checklist.${index}.${field}`;
  const custom = !item.base.builtIn;
  const heading = item.title.trim() || item.base.title || 'New item';
  const headingId = `checklist-${index}-heading`;

  return (
    <li
      class={`checklist__item${item.enabled ? '' : ' checklist__item--off'}`}
      data-testid={`checklist-item-${item.base.id}`}
      aria-labelledby={headingId}
    >
      <div class="checklist__head">
        <h3 id={headingId}>{heading}</h3>
        {custom && <span class="tag">custom</span>}
        {custom && (
          <button type="button" class="link-button danger" data-testid={`remove-${item.base.id}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      <FieldError path={`checklist.${index}`} error={errors[`checklist.${index}`]} />
      <FieldError path={path('id')} error={errors[path('id')]} />

      <div class="checklist__row">
        <label class="checkbox" for={path('enabled')}>
          <input
            type="checkbox"
            id={path('enabled')}
            name={path('enabled')}
            checked={item.enabled}
            onChange={(event) => onChange('enabled', event.currentTarget.checked)}
          />
          On
        </label>
        <div class="field field--grow">
          <label for={path('title')}>Title</label>
          <input
            type="text"
            id={path('title')}
            name={path('title')}
            maxLength={TITLE_MAX}
            value={item.title}
            onInput={(event) => onChange('title', event.currentTarget.value)}
            {...errorProps(path('title'), errors[path('title')])}
          />
        </div>
        <div class="field field--weight">
          <label for={path('weight')}>Weight</label>
          <input
            type="number"
            id={path('weight')}
            name={path('weight')}
            inputMode="decimal"
            min={WEIGHT_RULE.min}
            max={WEIGHT_RULE.max}
            step={WEIGHT_RULE.step}
            value={item.weight}
            onInput={(event) => onChange('weight', event.currentTarget.value)}
            {...errorProps(path('weight'), errors[path('weight')])}
          />
        </div>
      </div>
      <FieldError path={path('enabled')} error={errors[path('enabled')]} />
      <FieldError path={path('title')} error={errors[path('title')]} />
      <FieldError path={path('weight')} error={errors[path('weight')]} />

      {custom ? (
        <>
          <div class="field">
            <label for={path('question')}>Question you answer by hand</label>
            <input
              type="text"
              id={path('question')}
              name={path('question')}
              maxLength={QUESTION_MAX}
              value={item.question}
              onInput={(event) => onChange('question', event.currentTarget.value)}
              {...errorProps(path('question'), errors[path('question')])}
            />
            <FieldError path={path('question')} error={errors[path('question')]} />
          </div>
          <YesMeansField path={path('yesMeans')} value={item.yesMeans} error={errors[path('yesMeans')]} onChange={(value) => onChange('yesMeans', value)} />
          <div class="field">
            <label for={path('phrases')}>Trigger phrases in the buyer's words, one per line</label>
            <textarea
              id={path('phrases')}
              name={path('phrases')}
              rows={3}
              value={item.phrases}
              onInput={(event) => onChange('phrases', event.currentTarget.value)}
              {...errorProps(path('phrases'), errors[path('phrases')])}
            />
            <FieldError path={path('phrases')} error={errors[path('phrases')]} />
          </div>
        </>
      ) : (
        <>
          <p class="muted checklist__question">{item.question}</p>
          <FieldError path={path('phrases')} error={errors[path('phrases')]} />
        </>
      )}
    </li>
  );
}

export function YesMeansField({
  path,
  value,
  error,
  onChange,
}: {
  path: string;
  value: 'flagged' | 'clear';
  error: string | undefined;
  onChange: (value: 'flagged' | 'clear') => void;
}) {
  return (
    <div class="field">
      <label for={path}>A "yes" to the question means</label>
      <select
        id={path}
        name={path}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value === 'clear' ? 'clear' : 'flagged')}
        {...errorProps(path, error)}
      >
        <option value="flagged">a reason to walk away</option>
        <option value="clear">all good</option>
      </select>
      <FieldError path={path} error={error} />
    </div>
  );
}

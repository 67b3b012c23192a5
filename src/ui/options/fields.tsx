import type { NumberRule } from '../../checklist/validate';

/** The message next to a field; its id lets the input point at it (aria-describedby). */
export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="error field__error" id={`error-${path}`} data-testid={`error-${path}`}>
      {error}
    </p>
  );
}

export function errorProps(path: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `error-${path}` } : {};
}

interface NumberFieldProps {
  path: string;
  label: string;
  unit: string;
  rule: NumberRule;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

export function NumberField({ path, label, unit, rule, value, error, onInput }: NumberFieldProps) {
  return (
    <div class={`field field--number${error ? ' field--invalid' : ''}`}>
      <label for={path}>{label}</label>
      <span class="field__control">
        <input
          id={path}
          name={path}
          type="number"
          inputMode="decimal"
          min={rule.min}
          max={rule.max}
          step={rule.step}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
          {...errorProps(path, error)}
        />
        <span class="field__unit">{unit}</span>
      </span>
      <FieldError path={path} error={error} />
    </div>
  );
}

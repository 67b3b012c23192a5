/**
 * The options page: checklist, cutoffs, thresholds, sites and the rep's own addresses.
 * Everything is checked with the same validator the worker uses before anything is
 * sent, so a bad field is explained next to itself and nothing half-valid is saved.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { ChecklistItem } from '../../checklist/items';
import { SITE_IDS, THRESHOLDS } from '../../checklist/settings';
import { CUSTOM_ITEMS_MAX, CUTOFF_RULES, customItemId, validateSettings } from '../../checklist/validate';
import { workerClient, type WorkerClient } from '../client';
import type { FieldErrors } from '../../protocol/views';
import { errorMessage } from '../shared/errors';
import { AddItemForm, type NewItemFields } from './AddItemForm';
import { ChecklistEditor } from './ChecklistEditor';
import { DataSection } from './DataSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { OtherCrmsSection } from './OtherCrmsSection';
import { CUTOFF_KEYS, THRESHOLD_KEYS, draftFrom, itemDraft, lines, payloadOf, type Draft, type ItemDraft } from './draft';
import { errorProps, FieldError, NumberField } from './fields';
import { CUTOFF_TEXT, describePath } from './labels';
import { siteLabel } from '../../sites';

type SaveStatus =
  | { kind: 'idle' | 'dirty' | 'saving' | 'saved' | 'invalid' }
  | { kind: 'refused' | 'failed'; message: string };

// Paths that name an input on this page (the summary links to them).
const INPUT_PATH = /^(thresholds\.\w+|cutoffs\.\w+|sites\.\w+|ownEmails|checklist\.\d+\.(title|weight|enabled|question|yesMeans|phrases))$/;

export function Options({ client = workerClient }: { client?: Pick<WorkerClient, 'getSettings' | 'saveSettings'> }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  // A layout effect runs in the same task as the render, so the request leaves at once; a
  // plain effect waits for the next frame (Preact: up to 35 ms), which the page shows later.
  useLayoutEffect(() => {
    let cancelled = false;
    client.getSettings().then(
      (view) => {
        if (!cancelled) setDraft(draftFrom(view));
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(`Couldn't load your settings: ${errorMessage(error)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  if (!draft) {
    return (
      <main class="options">
        <h1>Walk Away settings</h1>
        {loadError ? (
          <p class="error" role="alert" data-testid="load-error">
            {loadError}
          </p>
        ) : (
          <p class="muted" role="status">
            Loading…
          </p>
        )}
      </main>
    );
  }

  /** Applies an edit and drops the now stale message for that field. */
  const edit = (path: string, update: (current: Draft) => Draft) => {
    setDraft((current) => current && update(current));
    setErrors(({ [path]: _fixed, ...rest }) => rest);
    setStatus({ kind: 'dirty' });
  };

  const editItem = (index: number, field: keyof Omit<ItemDraft, 'base'>, value: string | boolean) =>
    edit(`checklist.${index}.${field}`, (current) => ({
      ...current,
      items: current.items.map((item, at) => (at === index ? { ...item, [field]: value } : item)),
    }));

  const removeItem = (index: number) => {
    setDraft((current) => current && { ...current, items: current.items.filter((_, at) => at !== index) });
    // Item messages are keyed by position, which just shifted: the next Save recomputes them.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('checklist'))));
    setStatus({ kind: 'dirty' });
  };

  const addItem = (fields: NewItemFields): FieldErrors => {
    if (draft.items.filter((item) => !item.base.builtIn).length >= CUSTOM_ITEMS_MAX) {
      return { other: `At most ${CUSTOM_ITEMS_MAX} custom items.` };
    }
    const item: ChecklistItem = {
      id: customItemId(fields.title, draft.items.map((existing) => existing.base.id)),
      title: fields.title.trim(),
      question: fields.question.trim(),
      yesMeans: fields.yesMeans,
      weight: 1,
      enabled: true,
      builtIn: false,
      order: draft.items.length,
      phrases: lines(fields.phrases),
    };
    const candidate = itemDraft(item);
    // Same rules as Save, read only for the new item's own fields.
    const prefix = `checklist.${draft.items.length}.`;
    const payload = payloadOf({ ...draft, items: [...draft.items, candidate] });
    const check = validateSettings(payload.settings, payload.checklist);
    const problems: FieldErrors = {};
    if (!check.ok) {
      for (const [path, message] of Object.entries(check.fieldErrors)) {
        if (path.startsWith(prefix)) problems[path.slice(prefix.length)] = message;
      }
    }
    if (Object.keys(problems).length > 0) return problems;
    setDraft((current) => current && { ...current, items: [...current.items, candidate] });
    setStatus({ kind: 'dirty' });
    return {};
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const { settings, checklist } = payloadOf(draft);
    const checked = validateSettings(settings, checklist);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      setStatus({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setStatus({ kind: 'saving' });
    try {
      const reply = await client.saveSettings(checked.settings, checked.checklist);
      if (reply.ok) {
        setDraft(draftFrom(reply.value));
        setStatus({ kind: 'saved' });
      } else {
        setErrors(reply.fieldErrors ?? {});
        setStatus({ kind: 'refused', message: reply.error });
      }
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const errorCount = Object.keys(errors).length;

  return (
    <main class="options">
      <h1>Walk Away settings</h1>
      <form noValidate onSubmit={(event) => void save(event)}>
        <section aria-labelledby="cutoffs-title">
          <h2 id="cutoffs-title">Verdict</h2>
          <p class="muted">The score is the sum of the weights of the flagged items.</p>
          <FieldError path="cutoffs" error={errors.cutoffs} />
          {CUTOFF_KEYS.map((key) => (
            <NumberField
              key={key}
              path={`cutoffs.${key}`}
              label={CUTOFF_TEXT[key].label}
              unit={CUTOFF_TEXT[key].unit}
              rule={CUTOFF_RULES[key]}
              value={draft.cutoffs[key]}
              error={errors[`cutoffs.${key}`]}
              onInput={(value) => edit(`cutoffs.${key}`, (current) => ({ ...current, cutoffs: { ...current.cutoffs, [key]: value } }))}
            />
          ))}
        </section>

        <section aria-labelledby="checklist-title">
          <h2 id="checklist-title">Checklist</h2>
          <p class="muted">Turn items off, rename them, or change how much each one weighs.</p>
          <FieldError path="checklist" error={errors.checklist} />
          <ChecklistEditor items={draft.items} errors={errors} onChange={editItem} onRemove={removeItem} />
          <h3>Add your own item</h3>
          <p class="muted">It is flagged when the buyer writes one of its trigger phrases.</p>
          <AddItemForm onAdd={addItem} />
        </section>

        <section aria-labelledby="thresholds-title">
          <h2 id="thresholds-title">Thresholds</h2>
          <FieldError path="thresholds" error={errors.thresholds} />
          {THRESHOLD_KEYS.map((key) => (
            <NumberField
              key={key}
              path={`thresholds.${key}`}
              label={THRESHOLDS[key].label}
              unit={THRESHOLDS[key].unit}
              rule={THRESHOLDS[key]}
              value={draft.thresholds[key]}
              error={errors[`thresholds.${key}`]}
              onInput={(value) =>
                edit(`thresholds.${key}`, (current) => ({ ...current, thresholds: { ...current.thresholds, [key]: value } }))
              }
            />
          ))}
        </section>

        <section aria-labelledby="sites-title">
          <h2 id="sites-title">Sites</h2>
          <p class="muted">Walk Away reads deal pages only on the sites turned on here.</p>
          <FieldError path="sites" error={errors.sites} />
          {SITE_IDS.map((site) => (
            <div class="field" key={site}>
              <label class="checkbox" for={`sites.${site}`}>
                <input
                  type="checkbox"
                  id={`sites.${site}`}
                  name={`sites.${site}`}
                  checked={draft.sites[site]}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    edit(`sites.${site}`, (current) => ({ ...current, sites: { ...current.sites, [site]: on } }));
                  }}
                  {...errorProps(`sites.${site}`, errors[`sites.${site}`])}
                />
                {siteLabel(site)}
              </label>
              <FieldError path={`sites.${site}`} error={errors[`sites.${site}`]} />
            </div>
          ))}
        </section>

        <section aria-labelledby="emails-title">
          <h2 id="emails-title">Your email addresses</h2>
          <div class="field">
            <label for="ownEmails">Messages from these addresses are yours; everything else is the buyer's. One per line.</label>
            <textarea
              id="ownEmails"
              name="ownEmails"
              rows={3}
              spellcheck={false}
              value={draft.ownEmails}
              onInput={(event) => {
                const text = event.currentTarget.value;
                edit('ownEmails', (current) => ({ ...current, ownEmails: text }));
              }}
              {...errorProps('ownEmails', errors.ownEmails)}
            />
            <FieldError path="ownEmails" error={errors.ownEmails} />
          </div>
        </section>

        <div class="save-bar">
          {errorCount > 0 && (
            <div class="error-summary" role="alert" data-testid="error-summary">
              <p>
                {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} fixing; nothing was saved.
              </p>
              <ul>
                {Object.entries(errors).map(([path, message]) => (
                  <li key={path}>
                    {INPUT_PATH.test(path) ? <a href={`#${path}`}>{describePath(path, draft)}</a> : describePath(path, draft)}: {message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <button type="submit" class="primary" data-testid="save" disabled={status.kind === 'saving'}>
            Save
          </button>
          <span class={`save-status save-status--${status.kind}`} role="status" data-testid="save-status">
            {statusText(status, errorCount)}
          </span>
        </div>
      </form>
      <OtherCrmsSection />
      <DataSection />
      <DiagnosticsSection />
    </main>
  );
}

function statusText(status: SaveStatus, errorCount: number): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'invalid':
      return errorCount > 0 ? 'Not saved: fix the marked fields.' : 'Unsaved changes';
    case 'refused':
      return `Not saved: ${status.message}`;
    case 'failed':
      return `Couldn't save: ${status.message}`;
  }
}

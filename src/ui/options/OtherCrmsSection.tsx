/**
 * "Other CRMs": the rep names their CRM's address and allows Walk Away to read it (an
 * optional host permission, asked for by the browser itself), or takes that back. The
 * worker registers the content script for whatever is granted (background/any-crm.ts).
 * The permission request must run inside the click (a user gesture), so nothing is
 * awaited before it.
 */
import { useEffect, useState } from 'preact/hooks';
import { crmPatterns, parseCrmAddress } from '../../sites/generic/origins';
import { errorMessage } from '../shared/errors';
import { FieldError, errorProps } from './fields';

/** The three permission calls this section makes, so tests can pass a fake. */
export interface PermissionsPort {
  request(permissions: { origins: string[]; permissions: chrome.runtime.ManifestPermission[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export const chromePermissions: PermissionsPort = {
  request: (permissions) => chrome.permissions.request(permissions),
  getAll: () => chrome.permissions.getAll(),
  remove: (permissions) => chrome.permissions.remove(permissions),
};

type Status = { kind: 'idle' } | { kind: 'done' | 'error'; text: string };

const originOf = (pattern: string) => pattern.slice(0, -2);

export function OtherCrmsSection({ permissions = chromePermissions }: { permissions?: PermissionsPort }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [allowed, setAllowed] = useState<string[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const refresh = async () => {
    try {
      setAllowed(crmPatterns((await permissions.getAll()).origins ?? []));
    } catch (failure) {
      setStatus({ kind: 'error', text: `Couldn't list the allowed sites: ${errorMessage(failure)}` });
    }
  };

  useEffect(() => {
    void refresh();
    // Grants made elsewhere (the browser's own site-access menu) show up here too.
    const changed = () => void refresh();
    const events = typeof chrome !== 'undefined' ? chrome.permissions : undefined;
    events?.onAdded.addListener(changed);
    events?.onRemoved.addListener(changed);
    return () => {
      events?.onAdded.removeListener(changed);
      events?.onRemoved.removeListener(changed);
    };
  }, [permissions]);

  const allow = (event: Event) => {
    event.preventDefault();
    const parsed = parseCrmAddress(address);
    if (!parsed.ok) {
      setError(parsed.message);
      setStatus({ kind: 'idle' });
      return;
    }
    setError(undefined);
    // Called synchronously inside the click: the browser shows its prompt only for a user gesture.
    permissions.request({ origins: [parsed.pattern], permissions: ['scripting'] }).then(
      async (granted) => {
        setStatus(
          granted
            ? { kind: 'done', text: `Walk Away will read deal pages on ${parsed.origin}. Reload any open page of it.` }
            : { kind: 'error', text: `Not allowed: the browser did not grant access to ${parsed.origin}.` },
        );
        if (granted) setAddress('');
        await refresh();
      },
      (failure: unknown) => setStatus({ kind: 'error', text: `Couldn't ask for access: ${errorMessage(failure)}` }),
    );
  };

  const removeSite = async (pattern: string) => {
    try {
      const removed = await permissions.remove({ origins: [pattern] });
      setStatus(removed ? { kind: 'done', text: `Walk Away no longer reads ${originOf(pattern)}.` } : { kind: 'error', text: `Couldn't remove ${originOf(pattern)}.` });
    } catch (failure) {
      setStatus({ kind: 'error', text: `Couldn't remove ${originOf(pattern)}: ${errorMessage(failure)}` });
    }
    await refresh();
  };

  return (
    <section aria-labelledby="other-crms-title" data-testid="other-crms">
      <h2 id="other-crms-title">Other CRMs</h2>
      <p class="muted">
        Any CRM whose deal pages show labelled fields (Stage, Close date, Amount…) can be read too. Walk Away reads only the
        sites you allow here, and the browser asks you first.
      </p>
      <form noValidate onSubmit={allow}>
        <div class={`field${error ? ' field--invalid' : ''}`}>
          <label for="other-crm-address">Your CRM’s address</label>
          <input
            id="other-crm-address"
            name="other-crm-address"
            type="url"
            inputMode="url"
            placeholder="https://crm.example.com"
            spellcheck={false}
            value={address}
            onInput={(event) => {
              setAddress(event.currentTarget.value);
              setError(undefined);
            }}
            {...errorProps('other-crm-address', error)}
          />
          <FieldError path="other-crm-address" error={error} />
        </div>
        <button type="submit" data-testid="allow-crm">
          Allow Walk Away to read this site
        </button>
      </form>
      {status.kind !== 'idle' && (
        <p class={status.kind === 'error' ? 'error' : 'muted'} role="status" data-testid="other-crms-status">
          {status.text}
        </p>
      )}
      {allowed !== null &&
        (allowed.length === 0 ? (
          <p class="muted" data-testid="no-other-crms">
            No other CRM allowed yet.
          </p>
        ) : (
          <ul class="other-crms" data-testid="other-crms-list">
            {allowed.map((pattern) => (
              <li key={pattern}>
                <span>{originOf(pattern)}</span>{' '}
                <button type="button" onClick={() => void removeSite(pattern)} aria-label={`Remove ${originOf(pattern)}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

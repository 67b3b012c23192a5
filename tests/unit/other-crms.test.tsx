// @vitest-environment happy-dom
/** The options page's "Other CRMs" section, against a fake of chrome.permissions. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OtherCrmsSection, type PermissionsPort } from '../../src/ui/options/OtherCrmsSection';

afterEach(cleanup);

const FIXED = ['https://*.hubspot.com/*', 'https://mail.google.com/*'];

function fakePermissions(origins: string[], answer = true) {
  const state = { origins: [...origins] };
  const request = vi.fn((asked: { origins: string[] }) => {
    if (answer) state.origins.push(...asked.origins);
    return Promise.resolve(answer);
  });
  const remove = vi.fn((gone: { origins: string[] }) => {
    state.origins = state.origins.filter((origin) => !gone.origins.includes(origin));
    return Promise.resolve(true);
  });
  const port: PermissionsPort = { request, remove, getAll: () => Promise.resolve({ origins: [...state.origins] }) };
  return { port, state, request, remove };
}

const address = () => screen.getByLabelText('Your CRM’s address');
const allow = () => screen.getByRole('button', { name: 'Allow Walk Away to read this site' });

describe('Other CRMs section', () => {
  it('lists only the granted CRM origins, not the built-in sites', async () => {
    const { port } = fakePermissions([...FIXED, 'https://crm.acme.example/*']);
    render(<OtherCrmsSection permissions={port} />);
    const list = await screen.findByTestId('other-crms-list');
    expect(list.textContent).toContain('https://crm.acme.example');
    expect(list.textContent).not.toContain('hubspot');
  });

  it('asks the browser inside the click itself (a user gesture) for the origin and scripting', async () => {
    const { port, request } = fakePermissions(FIXED);
    render(<OtherCrmsSection permissions={port} />);
    await screen.findByTestId('no-other-crms');
    fireEvent.input(address(), { target: { value: 'crm.acme.example/index.php?module=Opportunities' } });
    fireEvent.click(allow());
    // Synchronously, before any await: otherwise Chromium refuses for lack of a gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.acme.example/*'], permissions: ['scripting'] });
    expect((await screen.findByTestId('other-crms-status')).textContent).toContain('will read deal pages on https://crm.acme.example');
    expect((await screen.findByTestId('other-crms-list')).textContent).toContain('https://crm.acme.example');
    expect((address() as HTMLInputElement).value).toBe('');
  });

  it('explains a bad address next to the field and asks the browser nothing', async () => {
    const { port, request } = fakePermissions(FIXED);
    render(<OtherCrmsSection permissions={port} />);
    fireEvent.input(address(), { target: { value: 'http://crm.acme.example' } });
    fireEvent.click(allow());
    expect(screen.getByTestId('error-other-crm-address').textContent).toMatch(/Only https/);
    expect(address().getAttribute('aria-invalid')).toBe('true');
    expect(address().getAttribute('aria-describedby')).toBe('error-other-crm-address');
    expect(request).not.toHaveBeenCalled();
    // Typing again clears the stale message.
    fireEvent.input(address(), { target: { value: 'https://crm.acme.example' } });
    expect(screen.queryByTestId('error-other-crm-address')).toBeNull();
  });

  it('says so when the rep declines the prompt', async () => {
    const { port } = fakePermissions(FIXED, false);
    render(<OtherCrmsSection permissions={port} />);
    fireEvent.input(address(), { target: { value: 'https://crm.acme.example' } });
    fireEvent.click(allow());
    expect((await screen.findByTestId('other-crms-status')).textContent).toMatch(/did not grant/);
    expect(await screen.findByTestId('no-other-crms')).toBeTruthy();
  });

  it('Remove gives the permission back and updates the list', async () => {
    const { port, state, remove } = fakePermissions([...FIXED, 'https://crm.acme.example/*', 'https://b.example/*']);
    render(<OtherCrmsSection permissions={port} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove https://crm.acme.example' }));
    await waitFor(() => expect(screen.getByTestId('other-crms-list').textContent).not.toContain('crm.acme.example'));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://crm.acme.example/*'] });
    expect(state.origins).toEqual([...FIXED, 'https://b.example/*']);
    expect(screen.getByTestId('other-crms-status').textContent).toContain('no longer reads https://crm.acme.example');
  });
});

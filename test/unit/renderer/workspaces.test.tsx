// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceCard } from '../../../src/renderer/src/features/workspaces/WorkspaceCard';
import { WorkspaceForm } from '../../../src/renderer/src/features/workspaces/WorkspaceForm';
import { connectionProblem } from '../../../src/renderer/src/features/workspaces/connection-errors';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, installBridge, resetStore, workspace, type Handlers } from './bridge';

const SETUP = { id: '5d0e4a1c-6a3f-4c55-9b1e-2f9d5a6b7c8d', name: 'Retail onboarding', disabled: false };
const OFF = { id: '6d0e4a1c-6a3f-4c55-9b1e-2f9d5a6b7c8d', name: 'Old flow', disabled: true };

function fillCredentials(user: ReturnType<typeof userEvent.setup>, secret = 's3cret') {
  return (async () => {
    await user.type(screen.getByLabelText('Client ID'), 'app.retail');
    await user.type(screen.getByLabelText('Client secret'), secret);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
  })();
}

function setup(handlers: Handlers) {
  const bridge = installBridge(handlers);
  const user = userEvent.setup();
  render(<WorkspaceForm />);
  return { bridge, user };
}

beforeEach(resetStore);

describe('connecting an Ondato workspace', () => {
  it('shows the specific reason when Ondato refuses the credentials', async () => {
    const { bridge, user } = setup({
      'workspaces:probe': () => {
        throw new Failure({
          code: 'auth_failed',
          message:
            'Ondato did not accept the API client ID or secret (HTTP 401). Check the credentials in the workspace settings.',
        });
      },
    });
    await fillCredentials(user, 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ondato did not accept this client ID and secret');
    expect(alert.textContent).toContain('HTTP 401');
    expect(bridge.calls('workspaces:probe')).toEqual([
      { environment: 'production', clientId: 'app.retail', clientSecret: 'wrong' },
    ]);
    expect((screen.getByRole('button', { name: 'Save workspace' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it.each([
    ['forbidden', /not allowed to do this/],
    ['network', /Could not reach Ondato/],
    ['timeout', /did not answer in time/],
  ])('explains %s in the officer’s terms', (code, text) => {
    expect(connectionProblem({ code, message: 'raw', fields: {} }).message).toMatch(text);
  });

  it('checks the fields before asking Ondato', async () => {
    const { bridge, user } = setup({});
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('Enter the client ID Ondato gave you.')).toBeTruthy();
    expect(screen.getByLabelText('Client ID').getAttribute('aria-invalid')).toBe('true');
    expect(bridge.calls('workspaces:probe')).toHaveLength(0);
  });

  it('lists the setups Ondato returned, then saves the workspace with the chosen one', async () => {
    const added = workspace({ id: 'w9', name: 'Branch desk' });
    const { bridge, user } = setup({
      'workspaces:probe': () => ({ setups: [SETUP, OFF], scopes: null }),
      'workspaces:add': () => added,
      'workspaces:activate': () => undefined,
      'workspaces:list': () => ({ workspaces: [added], activeId: 'w9' }),
    });
    await user.click(screen.getByLabelText('Sandbox (testing)'));
    await fillCredentials(user);
    await screen.findByText(/Connected\. Ondato returned 2 setups/);
    expect((screen.getByLabelText(/Old flow/) as HTMLInputElement).disabled).toBe(true);
    // The only usable setup is chosen for the officer.
    expect((screen.getByLabelText(/Retail onboarding/) as HTMLInputElement).checked).toBe(true);
    await user.type(screen.getByLabelText('Workspace name'), 'Branch desk');
    await user.click(screen.getByRole('button', { name: 'Save workspace' }));
    await waitFor(() => expect(bridge.calls('workspaces:add')).toHaveLength(1));
    expect(bridge.calls('workspaces:add')[0]).toEqual({
      name: 'Branch desk',
      environment: 'sandbox',
      clientId: 'app.retail',
      clientSecret: 's3cret',
      setupId: SETUP.id,
      customerBaseUrl: '',
    });
    await waitFor(() => expect(useStore.getState().activeWorkspaceId).toBe('w9'));
  });

  it('forgets the tested setups when the credentials change', async () => {
    const { user } = setup({ 'workspaces:probe': () => ({ setups: [SETUP], scopes: null }) });
    await fillCredentials(user);
    await screen.findByText(/Connected/);
    await user.type(screen.getByLabelText('Client secret'), 'x');
    expect(screen.queryByText(/Connected/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Save workspace' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('managing a workspace', () => {
  it('never shows the secret, only that one is stored, and asks before removing', async () => {
    const ws = workspace();
    const bridge = installBridge({
      'workspaces:remove': () => undefined,
      'workspaces:list': () => ({ workspaces: [], activeId: null }),
    });
    const user = userEvent.setup();
    render(<WorkspaceCard workspace={ws} active />);
    expect(screen.getByText('A secret is stored in the system keychain')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const secret = screen.getByLabelText(/New client secret/) as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(screen.getByText(/A secret is stored in the system keychain\. Leave this empty/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    const remove = screen.getByRole('button', { name: 'Remove' });
    await user.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove “Retail onboarding”?' });
    expect(dialog.textContent).toMatch(/cached cases, document images and decisions/);
    expect(dialog.textContent).toMatch(/client secret in the system keychain/);
    expect(document.activeElement?.textContent).toBe('Keep workspace');
    await user.keyboard('{Escape}');
    expect(bridge.calls('workspaces:remove')).toHaveLength(0);
    expect(document.activeElement).toBe(remove);

    await user.click(remove);
    await user.click(screen.getByRole('button', { name: 'Remove workspace' }));
    await waitFor(() => expect(bridge.calls('workspaces:remove')).toEqual([{ id: 'w1' }]));
  });
});

// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceCard } from '../../../src/renderer/src/features/workspaces/WorkspaceCard';
import { Failure, installBridge, resetStore, workspace, type Handlers } from './bridge';

function openEditor(handlers: Handlers, patch: Parameters<typeof workspace>[0] = {}) {
  const bridge = installBridge({
    'workspaces:list': () => ({ workspaces: [], activeId: null }),
    ...handlers,
  });
  const user = userEvent.setup();
  render(<WorkspaceCard workspace={workspace(patch)} active />);
  return { bridge, user };
}

beforeEach(resetStore);

describe('changing a workspace’s Ondato addresses', () => {
  it('asks for the secret again when an address changed, and sends nothing without it', async () => {
    const { bridge, user } = openEditor({ 'workspaces:update': () => workspace() });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    // The KYC API address is in plain sight, not folded away.
    const kyc = screen.getByLabelText(/KYC API address/) as HTMLInputElement;
    expect(kyc.closest('details')).toBeNull();
    expect(screen.getByLabelText(/New client secret/)).toBeTruthy();

    await user.type(kyc, 'https://kycapi.example.com');
    const secret = screen.getByLabelText(/Client secret for the new addresses/) as HTMLInputElement;
    expect(secret.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText(/only sends a secret to the address it was entered for/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getAllByText(/Enter the client secret again/).length).toBeGreaterThan(0);
    expect(bridge.calls('workspaces:update')).toEqual([]);

    await user.type(secret, 's3cret');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bridge.calls('workspaces:update')).toHaveLength(1));
    expect(bridge.calls('workspaces:update')[0]).toMatchObject({
      id: 'w1',
      overrides: { authUrl: '', idvApiUrl: '', kycApiUrl: 'https://kycapi.example.com' },
      clientSecret: 's3cret',
    });
  });

  it('says clearly when main refused because the change was not confirmed', async () => {
    const { user } = openEditor({
      'workspaces:update': () => {
        throw new Failure({
          code: 'not_confirmed',
          message: 'The change was not confirmed, so nothing was changed.',
        });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText(/White-label customer address/), 'https://verify.example.com');
    await user.type(screen.getByLabelText(/Client secret for the new addresses/), 's3cret');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was changed/);
    expect(alert.textContent).toMatch(/confirmation window/);
  });

  it.each([['not_found'], ['network']])(
    'hints at the KYC API address when a test fails with %s',
    async (code) => {
      const { user } = openEditor({
        'workspaces:test': () => {
          throw new Failure({ code, message: 'raw' });
        },
      });
      await user.click(screen.getByRole('button', { name: 'Edit' }));
      expect(screen.queryByText(/KYC calls failed/)).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Change setup' }));
      expect(await screen.findByText(/KYC calls failed with “not found” or an unknown host/)).toBeTruthy();
    },
  );
});

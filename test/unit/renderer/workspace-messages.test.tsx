// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DemoForm } from '../../../src/renderer/src/features/workspaces/DemoForm';
import { WorkspaceCard } from '../../../src/renderer/src/features/workspaces/WorkspaceCard';
import { WorkspaceForm } from '../../../src/renderer/src/features/workspaces/WorkspaceForm';
import { Failure, installBridge, resetStore, workspace, type Handlers } from './bridge';

/*
 * What the workspace forms say when something is wrong: the officer's words, each thing once, nothing
 * lost. Main's own sentence may repeat ours; only the facts it adds (HTTP status, a wait) are shown.
 */

function editor(handlers: Handlers, patch: Parameters<typeof workspace>[0] = {}) {
  const bridge = installBridge({
    'workspaces:list': () => ({ workspaces: [], activeId: null }),
    ...handlers,
  });
  const user = userEvent.setup();
  render(<WorkspaceCard workspace={workspace(patch)} active />);
  return { bridge, user };
}

/** How often `text` occurs in the element's text. */
function occurrences(element: HTMLElement, text: string): number {
  return (element.textContent ?? '').split(text).length - 1;
}

beforeEach(resetStore);

describe('workspace form messages', () => {
  it('asks for a name in plain words when the officer clears it, before sending anything', async () => {
    const { bridge, user } = editor({ 'workspaces:update': () => workspace() });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('Workspace name'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Enter a name for the workspace.')).toBeTruthy();
    expect(screen.getByLabelText('Workspace name').getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Check the highlighted fields.');
    expect(bridge.calls('workspaces:update')).toEqual([]);
  });

  it('never adds main’s generic sentence as “Details” under its own', async () => {
    const { user } = editor({
      'workspaces:update': () => {
        throw new Failure({
          code: 'invalid_input',
          message: 'Check the highlighted fields: KYC Desk could not accept them as they are.',
          fields: { officerName: ['Use at most 100 characters for the officer name.'] },
        });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('Use at most 100 characters for the officer name.')).toBeTruthy();
  });

  it('lists a message for an input the form has no field for instead of pointing at nothing', async () => {
    const { user } = editor(
      {
        'workspaces:update': () => {
          throw new Failure({
            code: 'invalid_input',
            message: 'Check the highlighted fields: KYC Desk could not accept them as they are.',
            fields: { id: ['The id is empty.'] },
          });
        },
      },
      { environment: 'demo' },
    );
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The id is empty.');
  });

  it('says a sandbox connection failure once, with only the facts main adds', async () => {
    installBridge({
      'workspaces:probe': () => {
        throw new Failure({
          code: 'network',
          message: 'Could not reach Ondato to list setups. Check the internet connection, proxy or firewall.',
        });
      },
    });
    const user = userEvent.setup();
    render(<WorkspaceForm />);
    await user.click(screen.getByLabelText('Sandbox (testing)'));
    await user.type(screen.getByLabelText('Client ID'), 'app.sandbox');
    await user.type(screen.getByLabelText('Client secret'), 's3cret');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(occurrences(alert, 'Could not reach Ondato')).toBe(1);
    expect(occurrences(alert, 'Check the internet connection')).toBe(1);
    expect(alert.textContent).not.toMatch(/Details/);
  });

  it('keeps the HTTP status and the wait time main reports', async () => {
    installBridge({
      'workspaces:probe': () => {
        throw new Failure({
          code: 'rate_limited',
          message: 'Ondato is limiting requests (HTTP 429); could not list setups. Try again in 30 seconds.',
        });
      },
    });
    const user = userEvent.setup();
    render(<WorkspaceForm />);
    await user.type(screen.getByLabelText('Client ID'), 'app');
    await user.type(screen.getByLabelText('Client secret'), 's');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toContain('Ondato answered HTTP 429. Try again in 30 seconds.'),
    );
    expect(occurrences(alert, 'limiting requests')).toBe(1);
  });

  it('puts a refused demo officer name on the name field, in plain words', async () => {
    installBridge({
      'workspaces:create-demo': () => {
        throw new Failure({
          code: 'invalid_input',
          message: 'Use at most 100 characters for the officer name.',
          fields: { officerName: ['Use at most 100 characters for the officer name.'] },
        });
      },
    });
    const user = userEvent.setup();
    render(<DemoForm />);
    await user.type(screen.getByLabelText(/Your name/), 'Rasa');
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    const name = screen.getByLabelText(/Your name/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Use at most 100 characters for the officer name.',
    );
  });
});

// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheStatus, Settings } from '../../../src/shared/domain/views';
import { App } from '../../../src/renderer/src/App';
import { ONLINE, SETTINGS, caseRow, installBridge, resetStore, workspace } from './bridge';

const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
const PROMPT = /Save a recovery code: it re-opens your cases/;

function boot(settings: Partial<Settings> = {}, recoverySet = false) {
  let current: Settings = { ...SETTINGS, ...settings };
  let cache: CacheStatus = {
    damaged: false,
    problem: null,
    recovery: { set: recoverySet, createdAt: recoverySet ? 1 : null },
    backups: 0,
    latestBackupAt: null,
    backupKeep: 7,
  };
  const bridge = installBridge({
    'settings:get': () => current,
    'settings:set': (patch) => (current = { ...current, ...patch }),
    'workspaces:list': () => ({ workspaces: [workspace()], activeId: 'w1' }),
    'sync:status': () => ONLINE,
    'cases:list': () => ({ rows: [caseRow(0)], total: 1, nextCursor: null }),
    'cache:status': () => cache,
    'cache:recovery-code': () => {
      cache = { ...cache, recovery: { set: true, createdAt: 2 } };
      return { code: CODE };
    },
  });
  const user = userEvent.setup();
  render(<App />);
  return { bridge, user, settings: () => current };
}

beforeEach(() => resetStore());

describe('first-start recovery code prompt', () => {
  it('asks for a recovery code on the cases screen and keeps the code on screen once made', async () => {
    const { user, bridge } = boot();
    const banner = await screen.findByRole('region', { name: 'Recovery code' });
    expect(banner.textContent).toMatch(PROMPT);
    await user.click(within(banner).getByRole('button', { name: 'Save a recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Create the code' }));
    const shown = await screen.findByRole('dialog', { name: 'Your recovery code' });
    expect(within(shown).getByLabelText('Recovery code').textContent).toBe(CODE);
    // A code now exists: the prompt is gone, the dialog with the code is not.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Recovery code' })).toBeNull());
    await user.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls('cache:recovery-code')).toHaveLength(1);
  });

  it('remembers a dismissal in the settings', async () => {
    const { user, bridge, settings } = boot();
    const banner = await screen.findByRole('region', { name: 'Recovery code' });
    await user.click(within(banner).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Recovery code' })).toBeNull());
    expect(bridge.calls('settings:set')).toEqual([{ recoveryPromptDismissed: true }]);
    expect(settings().recoveryPromptDismissed).toBe(true);
    expect(document.activeElement?.textContent).toBe('Cases');
  });

  it('stays away once dismissed or when a code exists', async () => {
    boot({ recoveryPromptDismissed: true });
    await screen.findByText('Customer 0');
    expect(screen.queryByText(PROMPT)).toBeNull();
    resetStore();
    const { bridge } = boot({}, true);
    await screen.findByText('Customer 0');
    await waitFor(() => expect(bridge.calls('cache:status')).toHaveLength(1));
    await screen.findByRole('button', { name: 'Add existing case' });
    expect(screen.queryByText(PROMPT)).toBeNull();
  });
});

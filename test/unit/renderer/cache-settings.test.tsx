// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheStatus } from '../../../src/shared/domain/views';
import { SettingsScreen } from '../../../src/renderer/src/features/settings/SettingsScreen';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, SETTINGS, installBridge, resetStore } from './bridge';

const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
const AT = new Date(2026, 10, 30, 9, 15).getTime();

function status(patch: Partial<CacheStatus> = {}): CacheStatus {
  return {
    damaged: false,
    problem: null,
    recovery: { set: false, createdAt: null },
    backups: 3,
    latestBackupAt: AT,
    backupKeep: 7,
    ...patch,
  };
}

function mount(initial: CacheStatus = status()) {
  let current = initial;
  let settings = { ...SETTINGS };
  const bridge = installBridge({
    'app:info': () => ({ name: 'KYC Desk', version: '1.2.3', versions: {} }),
    'app:storage': () => ({ dataDir: '/data', cacheBytes: 2048, cases: 1, images: 0 }),
    'cache:status': () => current,
    'cache:recovery-code': () => {
      current = { ...current, recovery: { set: true, createdAt: AT } };
      return { code: CODE };
    },
    'cache:backup-now': () => (current = { ...current, backups: current.backups + 1 }),
    'settings:set': (patch) => (settings = { ...settings, ...patch }),
  });
  useStore.setState({ settings });
  const user = userEvent.setup();
  render(<SettingsScreen />);
  return { bridge, user, section: () => screen.getByRole('region', { name: 'Cache and recovery' }) };
}

beforeEach(() => resetStore());
afterEach(() => vi.restoreAllMocks());

describe('Settings → Cache and recovery', () => {
  it('says how many backups are kept, the latest one, and that no recovery code exists', async () => {
    const { section } = mount();
    await screen.findByText('3 backups kept, the latest from 2026-11-30 09:15');
    expect(within(section()).getByText(/None: if the keychain entry is lost/)).toBeTruthy();
    expect(within(section()).queryByRole('alert')).toBeNull();
  });

  it('names damage in plain words and points at the backup', async () => {
    mount(status({ damaged: true, problem: { code: 'cache_damaged', message: 'Damaged.' } }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The cache is damaged');
    expect(alert.textContent).toContain('Restore the latest backup');
  });

  it('shows a new code once, copies it, prints it, and closes only on "I have saved it"', async () => {
    const writeText = vi.fn(async () => undefined);
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    const { bridge, user, section } = mount();
    // After userEvent.setup(), which installs its own clipboard.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(await within(section()).findByRole('button', { name: 'Create recovery code' }));
    const intro = screen.getByRole('dialog', { name: 'Create a recovery code' });
    expect(within(intro).queryByText(/stops working/)).toBeNull();
    await user.click(within(intro).getByRole('button', { name: 'Create the code' }));

    const shown = await screen.findByRole('dialog', { name: 'Your recovery code' });
    expect(within(shown).getByLabelText('Recovery code').textContent).toBe(CODE);
    expect(document.activeElement).toBe(within(shown).getByRole('button', { name: 'Copy' }));
    expect(bridge.calls('cache:recovery-code')).toHaveLength(1);

    await user.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(CODE);
    expect(within(shown).getByRole('status').textContent).toBe('Copied to the clipboard.');
    await user.click(within(shown).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    expect(document.querySelector('.print-only')?.textContent).toContain(CODE);

    // Esc must not make the code vanish before it is saved.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Your recovery code' })).toBeTruthy();
    await user.click(within(shown).getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('.print-only')).toBeNull();
    expect(document.body.textContent).not.toContain(CODE);
    await within(section()).findByText('Created 2026-11-30 09:15');
  });

  it('warns that replacing a code makes the earlier one stop working', async () => {
    const { user, section } = mount(status({ recovery: { set: true, createdAt: AT } }));
    await user.click(await within(section()).findByRole('button', { name: 'Create a new recovery code' }));
    const dialog = screen.getByRole('dialog', { name: 'Replace the recovery code' });
    expect(within(dialog).getByText('The recovery code you saved earlier stops working.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why a code could not be created', async () => {
    const { user, section } = mount();
    installBridge({
      'cache:status': () => status(),
      'cache:recovery-code': () => {
        throw new Failure({ code: 'cache_key_missing', message: 'The keychain entry is missing.' });
      },
    });
    await user.click(await within(section()).findByRole('button', { name: 'Create recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Create the code' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a recovery code' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The keychain entry is missing.');
  });

  it('backs up now and shows the new count', async () => {
    const { bridge, user, section } = mount();
    await user.click(await within(section()).findByRole('button', { name: 'Back up now' }));
    await within(section()).findByText('Backup taken.');
    expect(within(section()).getByText(/4 backups kept/)).toBeTruthy();
    expect(bridge.calls('cache:backup-now')).toHaveLength(1);
  });

  it('keeps 1 to 30 backups through settings:set', async () => {
    const { bridge, user } = mount();
    const field = await screen.findByLabelText('Backups to keep');
    expect((field as HTMLInputElement).value).toBe('7');
    await user.clear(field);
    await user.type(field, '31');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a number from 1 to 30.')).toBeTruthy();
    expect(bridge.calls('settings:set')).toEqual([]);
    await user.clear(field);
    await user.type(field, '14');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.calls('settings:set')).toEqual([{ backupKeep: 14 }]));
    expect(useStore.getState().settings.backupKeep).toBe(14);
  });
});

// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LockStatus, Settings } from '../../../src/shared/domain/views';
import { App } from '../../../src/renderer/src/App';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, ONLINE, SETTINGS, caseRow, installBridge, resetStore, workspace } from './bridge';

const PIN = '2468';

function boot(initial: Partial<LockStatus> = {}, settings: Partial<Settings> = {}) {
  let lock: LockStatus = { locked: false, pinSet: false, retryAt: null, ...initial };
  let current: Settings = { ...SETTINGS, ...settings };
  const guard = <T,>(value: () => T): T => {
    if (lock.locked) throw new Failure({ code: 'locked', message: 'KYC Desk is locked.' });
    return value();
  };
  const bridge = installBridge({
    'lock:status': () => lock,
    'lock:unlock': ({ pin }) => {
      if (pin !== PIN) throw new Failure({ code: 'pin_incorrect', message: 'That PIN is not correct.' });
      lock = { ...lock, locked: false };
      return lock;
    },
    'lock:set-pin': () => (lock = { ...lock, pinSet: true }),
    'lock:clear-pin': () => (lock = { ...lock, pinSet: false }),
    'lock:now': () => (lock = { ...lock, locked: true }),
    'lock:activity': () => undefined,
    'settings:get': () => current,
    'settings:set': (patch) => guard(() => (current = { ...current, ...patch })),
    'workspaces:list': () => guard(() => ({ workspaces: [workspace()], activeId: 'w1' })),
    'sync:status': () => ONLINE,
    'cases:list': () => guard(() => ({ rows: [caseRow(0)], total: 1, nextCursor: null })),
    'app:info': () => ({ name: 'KYC Desk', version: '1.2.3', versions: {} }),
    'app:storage': () => guard(() => ({ dataDir: '/data', cacheBytes: 0, cases: 1, images: 0 })),
  });
  const user = userEvent.setup();
  render(<App />);
  return { bridge, user, lockState: () => lock };
}

beforeEach(() => resetStore());

describe('lock screen', () => {
  it('starts on the lock screen with a PIN set, shows no app content, and unlocks with the PIN', async () => {
    const { bridge, user } = boot({ locked: true, pinSet: true });
    const pin = await screen.findByLabelText('PIN');
    expect(screen.getByRole('heading', { level: 1, name: 'KYC Desk is locked' })).toBeTruthy();
    expect(document.activeElement).toBe(pin);
    expect(pin.getAttribute('aria-describedby')).toContain('lock-explain');
    // Nothing behind the lock: no top bar, no case list, and main was not asked for data.
    expect(screen.queryByText('Customer 0')).toBeNull();
    expect(screen.queryByText('Retail onboarding')).toBeNull();
    expect(bridge.calls('workspaces:list')).toHaveLength(0);
    expect(document.title).toBe('Locked — KYC Desk');

    await user.type(pin, '1111');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That PIN is not correct.');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect((pin as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(pin);

    await user.type(pin, `${PIN}{Enter}`);
    expect(bridge.calls('lock:unlock')).toEqual([{ pin: '1111' }, { pin: PIN }]);
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    expect(screen.queryByLabelText('PIN')).toBeNull();
  });

  it('hides the open screen when main locks, and returns to it after unlocking', async () => {
    const { bridge, user } = boot({ pinSet: true }, { autoLockMinutes: 5 });
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    act(() => bridge.emit('lock:changed', { locked: true, pinSet: true, retryAt: null }));
    expect(screen.queryByText('Customer 0')).toBeNull();
    expect(screen.queryByRole('banner')).toBeNull();
    const pin = screen.getByLabelText('PIN');
    await waitFor(() => expect(document.activeElement).toBe(pin));
    await user.type(pin, `${PIN}{Enter}`);
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    expect(useStore.getState().route).toEqual({ name: 'cases' });
  });

  it('reports activity at most once per 30 seconds while auto-lock is on', async () => {
    const { bridge, user } = boot({ pinSet: true }, { autoLockMinutes: 5 });
    await screen.findByText('Customer 0');
    await user.keyboard('a');
    await user.click(document.body);
    await user.keyboard('b');
    expect(bridge.calls('lock:activity')).toHaveLength(1);
  });
});

describe('settings › auto-lock', () => {
  it('sets a PIN, turns auto-lock on and locks now', async () => {
    const { bridge, user } = boot();
    await screen.findByText('Customer 0');
    act(() => useStore.getState().navigate({ name: 'settings' }));
    const section = within(
      (await screen.findByRole('heading', { name: 'Auto-lock' })).closest('section') as HTMLElement,
    );
    const minutes = section.getByLabelText<HTMLSelectElement>('Lock when idle');
    expect(minutes.disabled).toBe(true);
    expect(section.getByRole('button', { name: 'Lock now' })).toHaveProperty('disabled', true);

    await user.type(section.getByLabelText('PIN'), '12');
    await user.click(section.getByRole('button', { name: 'Set PIN' }));
    expect(section.getByText('Use 4 to 12 digits.')).toBeTruthy();
    expect(bridge.calls('lock:set-pin')).toHaveLength(0);

    await user.clear(section.getByLabelText('PIN'));
    await user.type(section.getByLabelText('PIN'), PIN);
    await user.type(section.getByLabelText('Repeat the PIN'), PIN);
    await user.click(section.getByRole('button', { name: 'Set PIN' }));
    expect(bridge.calls('lock:set-pin')).toEqual([{ pin: PIN }]);
    await waitFor(() => expect(minutes.disabled).toBe(false));
    expect(section.getByRole('status').textContent).toContain('PIN set.');

    await user.selectOptions(minutes, '10');
    expect(bridge.calls('settings:set')).toContainEqual({ autoLockMinutes: 10 });

    await user.click(section.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', { name: 'KYC Desk is locked' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Auto-lock' })).toBeNull();
  });
});

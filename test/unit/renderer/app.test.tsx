// @vitest-environment happy-dom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../src/shared/domain/views';
import { App } from '../../../src/renderer/src/App';
import { useStore } from '../../../src/renderer/src/store';
import { ONLINE, SETTINGS, caseRow, installBridge, resetStore, workspace } from './bridge';

/** A prefers-color-scheme the test can flip. */
function fakeColorScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation(() => query as unknown as MediaQueryList);
  return {
    set(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
  };
}

function boot(settings: Partial<Settings> = {}) {
  let current: Settings = { ...SETTINGS, ...settings };
  const bridge = installBridge({
    'settings:get': () => current,
    'settings:set': (patch) => (current = { ...current, ...patch }),
    'workspaces:list': () => ({
      workspaces: [workspace(), workspace({ id: 'w2', name: 'Test bench', environment: 'sandbox' })],
      activeId: 'w1',
    }),
    'sync:status': () => ({
      ...ONLINE,
      state: 'offline',
      lastSuccessAt: new Date(2024, 2, 5, 14, 5).getTime(),
    }),
    'cases:list': () => ({ rows: [caseRow(0)], total: 1, nextCursor: null }),
    'app:info': () => ({ name: 'KYC Desk', version: '1.2.3', versions: {} }),
    'app:storage': () => ({ dataDir: '/data', cacheBytes: 2048, cases: 1, images: 0 }),
    'audit:verify': () => ({
      ok: false,
      checked: 40,
      firstBadSeq: 17,
      decisionsChecked: 3,
      head: { seq: 40, mac: 'f'.repeat(64) },
      problems: [{ kind: 'mac_mismatch', severity: 'tamper', chain: 'workspace', seq: 17 }],
    }),
    'workspaces:setups': () => [],
  });
  const user = userEvent.setup();
  render(<App />);
  return { bridge, user };
}

beforeEach(() => {
  resetStore();
  delete document.documentElement.dataset.theme;
});
afterEach(() => vi.restoreAllMocks());

describe('app shell', () => {
  it('keeps the active workspace, its environment and the sync state in view', async () => {
    fakeColorScheme(false);
    boot();
    const banner = await screen.findByRole('banner');
    const switcher = within(banner).getByRole('button', { name: /Workspace:/ });
    expect(switcher.textContent).toContain('Retail onboarding');
    expect(switcher.textContent).toContain('Production');
    expect(within(banner).getByText('Offline')).toBeTruthy();
    expect(within(banner).getByText('last synced 14:05')).toBeTruthy();
    expect(within(banner).getByRole('status').textContent).toBe('Offline, last synced 14:05.');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
  });

  it('switches themes from Settings and puts them on <html data-theme>', async () => {
    const scheme = fakeColorScheme(false);
    const { bridge, user } = boot({ theme: 'system' });
    await screen.findByRole('heading', { name: 'Cases' });
    expect(document.documentElement.dataset.theme).toBe('light');
    scheme.set(true); // the OS turns dark: "system" follows
    expect(document.documentElement.dataset.theme).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('radio', { name: 'Light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    await waitFor(() => expect(bridge.calls('settings:set')).toEqual([{ theme: 'light' }]));
    scheme.set(true); // an explicit choice ignores the OS
    expect(document.documentElement.dataset.theme).toBe('light');

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);

    // A change made elsewhere (another window) arrives as an event.
    act(() => bridge.emit('settings:changed', { ...SETTINGS, theme: 'light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('runs single-key shortcuts, but never while typing', async () => {
    fakeColorScheme(false);
    const { user } = boot();
    await screen.findByRole('heading', { name: 'Cases' });
    await screen.findByText('Customer 0');
    await user.keyboard('/');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Search')));
    await user.keyboard('n'); // typed into the search field
    expect(useStore.getState().route.name).toBe('cases');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('n');

    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard('n');
    expect(useStore.getState().route.name).toBe('new-case');
    await user.keyboard('gc');
    expect(useStore.getState().route.name).toBe('cases');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.keyboard('n'); // not behind a dialog
    expect(useStore.getState().route.name).toBe('cases');
    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
  });

  it('does nothing on shortcut keys when they are turned off', async () => {
    fakeColorScheme(false);
    const { user } = boot({ shortcuts: false });
    await screen.findByRole('heading', { name: 'Cases' });
    await user.keyboard('n');
    expect(useStore.getState().route.name).toBe('cases');
  });

  it('reports the audit chain and storage in Settings', async () => {
    fakeColorScheme(false);
    const { user } = boot();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByText('/data');
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    expect(screen.getByText('KYC Desk 1.2.3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Verify the audit trail' }));
    await screen.findByText(/Entry #17 of the audit trail was changed/);
  });
});

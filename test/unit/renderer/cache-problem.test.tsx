// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheRescueProblem } from '../../../src/shared/domain/views';
import type { RequestChannel } from '../../../src/shared/ipc/channels';
import { App } from '../../../src/renderer/src/App';
import { CacheProblemScreen } from '../../../src/renderer/src/features/rescue/CacheProblemScreen';
import { useStore } from '../../../src/renderer/src/store';
import { Failure, installBridge, resetStore, type Handlers } from './bridge';

const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345';
const MISSING = { code: 'cache_key_missing', message: 'The key is missing from the keychain.' };

function problem(patch: Partial<CacheRescueProblem> = {}): CacheRescueProblem {
  return {
    code: 'cache_key_missing',
    message: MISSING.message,
    backups: [{ at: new Date(2026, 10, 29, 8, 0).getTime(), path: '/data/backups/cache.db.1.v5.bak' }],
    recoverySet: true,
    keyInKeychain: false,
    ...patch,
  };
}

/** What main's rescue core answers: the problem on every channel, except the rescue ones. */
function rescueBridge(view: CacheRescueProblem, extra: Handlers = {}) {
  const fail = () => {
    throw new Failure(MISSING);
  };
  const channels: RequestChannel[] = ['lock:status', 'settings:get', 'workspaces:list', 'sync:status'];
  const handlers: Handlers = Object.fromEntries(channels.map((c) => [c, fail]));
  return installBridge({ ...handlers, 'rescue:problem': () => view, ...extra });
}

beforeEach(() => resetStore());

describe('the cache problem screen', () => {
  it('replaces the app when main serves the rescue screen, and names the ways out', async () => {
    rescueBridge(problem());
    render(<App />);
    const heading = await screen.findByRole('heading', { level: 1, name: 'KYC Desk cannot open your cases' });
    expect(screen.getByText(/missing from this computer’s keychain/)).toBeTruthy();
    for (const name of [
      'Enter recovery code',
      'Restore the latest backup (2026-11-29 08:00)',
      'Restore the keychain entry and restart',
      'Discard the cache and start empty',
    ])
      expect(screen.getByRole('region', { name })).toBeTruthy();
    // The backups open only with the key: recover first.
    expect(screen.getByRole('button', { name: 'Restore the backup' }).hasAttribute('disabled')).toBe(true);
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('recovers with the code: a wrong code is shown at the field, the right one restarts', async () => {
    const recover = vi.fn(({ code }: { code: string }) => {
      if (code !== CODE)
        throw new Failure({
          code: 'recovery_code_wrong',
          message: 'That recovery code does not open this cache.',
        });
      return { restart: true as const };
    });
    const bridge = rescueBridge(problem(), { 'rescue:recover': recover });
    await useStore.getState().start();
    expect(useStore.getState().boot).toEqual({ status: 'rescue' });
    const onRestart = vi.fn();
    const user = userEvent.setup();
    render(<CacheProblemScreen onRestart={onRestart} />);
    const field = screen.getByLabelText('Recovery code');
    await user.type(field, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await user.click(screen.getByRole('button', { name: 'Recover' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That recovery code does not open this cache.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onRestart).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, CODE);
    await user.click(screen.getByRole('button', { name: 'Recover' }));
    await screen.findByText('Done. KYC Desk is restarting…');
    expect(onRestart).toHaveBeenCalledOnce();
    expect(bridge.calls('rescue:recover')).toEqual([
      { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' },
      { code: CODE },
    ]);
  });

  it('restores the latest backup when the key is there; a refused discard says so', async () => {
    rescueBridge(problem({ code: 'cache_missing', keyInKeychain: true }), {
      'rescue:discard': () => {
        throw new Failure({ code: 'not_confirmed', message: 'The change was not confirmed.' });
      },
      'rescue:restore-latest': () => ({ restart: true }),
    });
    await useStore.getState().start();
    const onRestart = vi.fn();
    const user = userEvent.setup();
    render(<CacheProblemScreen onRestart={onRestart} />);
    expect(screen.queryByRole('region', { name: 'Enter recovery code' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Restore the keychain entry and restart' })).toBeNull();
    const discard = screen.getByRole('region', { name: 'Discard the cache and start empty' });
    await user.click(within(discard).getByRole('button', { name: 'Discard the cache…' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The change was not confirmed.');
    expect(onRestart).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Restore the backup' }));
    await screen.findByText('Done. KYC Desk is restarting…');
    expect(onRestart).toHaveBeenCalledOnce();
  });
});

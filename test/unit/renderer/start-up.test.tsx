// @vitest-environment happy-dom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseListPage } from '../../../src/shared/domain/case';
import type { QueueCounts } from '../../../src/shared/domain/queues';
import type { WorkspaceList } from '../../../src/shared/domain/views';
import { App } from '../../../src/renderer/src/App';
import { useStore } from '../../../src/renderer/src/store';
import { ONLINE, SETTINGS, caseRow, installBridge, resetStore, workspace } from './bridge';

beforeEach(() => resetStore());

/** A promise and the function that settles it. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function counts(all: number): QueueCounts {
  return {
    'needs-decision': 0,
    'waiting-customer': 0,
    'waiting-ondato': 0,
    escalated: 0,
    decided: 0,
    all,
  };
}

const ACTIVE: WorkspaceList = { workspaces: [workspace()], activeId: 'w1' };

describe('start-up', () => {
  it('asks for the first page of cases alongside the shell, not after it, and opens the list with it', async () => {
    const listAsked = deferred<void>();
    const bridge = installBridge({
      'lock:status': () => ({ locked: false, pinSet: false, retryAt: null }),
      'settings:get': () => SETTINGS,
      // The shell's answer waits for the list to be asked: a start that asks one after the other
      // never gets past the boot screen.
      'workspaces:list': async () => {
        await listAsked.promise;
        return ACTIVE;
      },
      'sync:status': () => ONLINE,
      'cases:list': () => {
        listAsked.resolve();
        return { rows: [caseRow(0), caseRow(1)], total: 2, nextCursor: null };
      },
      'cases:queue-counts': () => counts(2),
    });
    render(<App />);
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    expect(screen.getByText('Customer 1')).toBeTruthy();
    // The list took the start-up answer rather than asking again.
    expect(bridge.calls('cases:list')).toHaveLength(1);
    expect(bridge.calls('cases:list')[0]).toMatchObject({ offset: 0, sort: 'created', dir: 'desc' });
  });

  it('asks for nothing but the lock state while locked', async () => {
    const bridge = installBridge({
      'lock:status': () => ({ locked: true, pinSet: true, retryAt: null }),
    });
    render(<App />);
    await screen.findByLabelText('PIN');
    expect(bridge.invoke.mock.calls.map(([channel]) => channel as string)).toEqual(['lock:status']);
  });

  it('does not show a first page asked for before any workspace was active', async () => {
    let workspaces: WorkspaceList = { workspaces: [], activeId: null };
    let page: CaseListPage = { rows: [], total: 0, nextCursor: null };
    const bridge = installBridge({
      'lock:status': () => ({ locked: false, pinSet: false, retryAt: null }),
      'settings:get': () => SETTINGS,
      'workspaces:list': () => workspaces,
      'sync:status': () => ONLINE,
      'cases:list': () => page,
      'cases:queue-counts': () => counts(1),
    });
    render(<App />);
    await waitFor(() => expect(useStore.getState().route).toEqual({ name: 'welcome' }));
    // A workspace is set up elsewhere (another window, the CLI) and the officer opens its cases.
    workspaces = ACTIVE;
    page = { rows: [caseRow(0)], total: 1, nextCursor: null };
    await act(async () => {
      await useStore.getState().loadWorkspaces();
      useStore.getState().navigate({ name: 'cases' });
    });
    expect(await screen.findByText('Customer 0')).toBeTruthy();
    expect(bridge.calls('cases:list').length).toBeGreaterThanOrEqual(2);
  });

  it('moves focus to the heading of a screen whose code loads when it is first opened', async () => {
    installBridge({
      'lock:status': () => ({ locked: false, pinSet: false, retryAt: null }),
      'settings:get': () => SETTINGS,
      'workspaces:list': () => ACTIVE,
      'sync:status': () => ONLINE,
      'cases:list': () => ({ rows: [caseRow(0)], total: 1, nextCursor: null }),
      'cases:queue-counts': () => counts(1),
      'app:info': () => ({ name: 'KYC Desk', version: '1.2.3', versions: {} }),
      'app:storage': () => ({ dataDir: '/data', cacheBytes: 0, cases: 1, images: 0 }),
    });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Customer 0');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('Settings — KYC Desk');
  });
});

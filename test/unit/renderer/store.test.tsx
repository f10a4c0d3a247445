// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../../src/renderer/src/store';
import { CASES_CHANGED_DEBOUNCE_MS } from '../../../src/renderer/src/store/app-slice';
import { CASE_PAGE_SIZE } from '../../../src/renderer/src/store/case-list-slice';
import { Failure, ONLINE, SETTINGS, caseRow, installBridge, resetStore, workspace } from './bridge';

const list = { workspaces: [workspace()], activeId: 'w1' };

beforeEach(resetStore);
afterEach(() => vi.useRealTimers());

describe('start', () => {
  it('loads settings, workspaces and sync status, then opens the case list', async () => {
    const bridge = installBridge({
      'settings:get': () => ({ ...SETTINGS, theme: 'dark' }),
      'workspaces:list': () => list,
      'sync:status': () => ({ ...ONLINE, state: 'offline' }),
    });
    await useStore.getState().start();
    const state = useStore.getState();
    expect(bridge.calls('settings:get')).toHaveLength(1);
    expect(state.boot).toEqual({ status: 'ready' });
    expect(state.settings.theme).toBe('dark');
    expect(state.sync?.state).toBe('offline');
    expect(state.activeWorkspaceId).toBe('w1');
    expect(state.route).toEqual({ name: 'cases' });
  });

  it('opens the welcome screen when there is no workspace', async () => {
    installBridge({
      'settings:get': () => SETTINGS,
      'workspaces:list': () => ({ workspaces: [], activeId: null }),
      'sync:status': () => ONLINE,
    });
    await useStore.getState().start();
    expect(useStore.getState().route).toEqual({ name: 'welcome' });
  });

  it('reports a failed start with main’s message', async () => {
    installBridge({
      'settings:get': () => {
        throw new Failure({
          code: 'db_locked',
          message: 'The case cache is open in another KYC Desk window.',
        });
      },
      'workspaces:list': () => list,
      'sync:status': () => ONLINE,
    });
    await useStore.getState().start();
    expect(useStore.getState().boot).toEqual({
      status: 'error',
      message: 'The case cache is open in another KYC Desk window.',
    });
  });
});

describe('settings', () => {
  it('saves a change through settings:set and keeps what main answers', async () => {
    const bridge = installBridge({ 'settings:set': (patch) => ({ ...SETTINGS, ...patch }) });
    const result = await useStore.getState().updateSettings({ notifications: false });
    expect(result.ok).toBe(true);
    expect(bridge.calls('settings:set')).toEqual([{ notifications: false }]);
    expect(useStore.getState().settings.notifications).toBe(false);
  });

  it('puts the old value back when main refuses the change', async () => {
    installBridge({
      'settings:set': () => {
        throw new Failure({ code: 'internal', message: 'Could not save.' });
      },
    });
    const before = useStore.getState().settings.shortcuts;
    const result = await useStore.getState().updateSettings({ shortcuts: !before });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Could not save.', fields: {} },
    });
    expect(useStore.getState().settings.shortcuts).toBe(before);
  });

  it('turns polling off with sync:set-polling', async () => {
    const bridge = installBridge({
      'sync:set-polling': ({ enabled }) => ({ ...SETTINGS, polling: enabled }),
    });
    await useStore.getState().setPolling(false);
    expect(bridge.calls('sync:set-polling')).toEqual([{ enabled: false }]);
    expect(useStore.getState().settings.polling).toBe(false);
  });

  it('turns a bridge that throws (not an error result) into a generic message', async () => {
    installBridge({
      'audit:verify': () => {
        throw new Error('socket closed');
      },
    });
    await useStore.getState().verifyAudit();
    const check = useStore.getState().auditCheck;
    expect(check.status).toBe('error');
    if (check.status === 'error') expect(check.message).not.toContain('socket');
  });
});

describe('case list', () => {
  it('asks for the pages covering a range, with the filters, and keeps the total', async () => {
    const bridge = installBridge({
      'cases:list': (q) => ({
        rows: Array.from({ length: q.limit }, (_, i) => caseRow((q.offset ?? 0) + i)),
        total: 100_000,
        nextCursor: null,
      }),
    });
    useStore.getState().setCaseFilters({ decision: 'none', search: '  anna ' });
    await useStore.getState().loadCaseRange(390, 410);
    const offsets = bridge.calls('cases:list').map((q) => q.offset);
    expect(offsets).toEqual(expect.arrayContaining([0, 200, 400]));
    expect(bridge.calls('cases:list')[0]).toMatchObject({
      decision: ['none'],
      search: 'anna',
      limit: CASE_PAGE_SIZE,
      sort: 'created',
      dir: 'desc',
    });
    expect(useStore.getState().caseList.total).toBe(100_000);
    // Loaded pages are not asked for again.
    const before = bridge.calls('cases:list').length;
    await useStore.getState().loadCaseRange(0, 450);
    expect(bridge.calls('cases:list')).toHaveLength(before);
  });

  it('keeps the error of a failed page and loads it again on retry', async () => {
    let fail = true;
    installBridge({
      'cases:list': () => {
        if (fail) throw new Failure({ code: 'internal', message: 'The cache could not be read.' });
        return { rows: [caseRow(0)], total: 1, nextCursor: null };
      },
    });
    await useStore.getState().loadCaseRange(0, 10);
    expect(useStore.getState().caseList.error).toBe('The cache could not be read.');
    fail = false;
    await useStore.getState().retryCaseList();
    expect(useStore.getState().caseList).toMatchObject({ error: null, total: 1 });
  });

  it('drops the answer to an older query', async () => {
    let release: () => void = () => undefined;
    installBridge({
      'cases:list': async (q) => {
        if (q.search === 'old') await new Promise<void>((resolve) => (release = resolve));
        return {
          rows: [caseRow(q.search === 'old' ? 1 : 2)],
          total: q.search === 'old' ? 1 : 5,
          nextCursor: null,
        };
      },
    });
    useStore.getState().setCaseFilters({ search: 'old' });
    useStore.getState().setCaseFilters({ search: 'new' });
    await vi.waitFor(() => expect(useStore.getState().caseList.total).toBe(5));
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useStore.getState().caseList.total).toBe(5);
  });

  it('re-queries once for a burst of cases:changed events', async () => {
    vi.useFakeTimers();
    const bridge = installBridge({
      'cases:list': () => ({ rows: [caseRow(0)], total: 1, nextCursor: null }),
    });
    const stop = useStore.getState().listen();
    bridge.emit('cases:changed', { ids: ['a'] });
    bridge.emit('cases:changed', { ids: ['b'] });
    bridge.emit('cases:changed', { ids: ['c'] });
    expect(bridge.calls('cases:list')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(CASES_CHANGED_DEBOUNCE_MS + 1);
    expect(bridge.calls('cases:list')).toHaveLength(1);
    expect(useStore.getState().caseChanges).toEqual({ seq: 1, ids: ['a', 'b', 'c'] });
    stop();
    expect(bridge.listenerCount('cases:changed')).toBe(0);
  });

  it('follows sync:status, settings:changed and workspaces:changed events', () => {
    const bridge = installBridge({});
    const stop = useStore.getState().listen();
    bridge.emit('sync:status', { ...ONLINE, state: 'offline' });
    bridge.emit('settings:changed', { ...SETTINGS, theme: 'dark' });
    bridge.emit('workspaces:changed', list);
    const state = useStore.getState();
    expect(state.sync?.state).toBe('offline');
    expect(state.settings.theme).toBe('dark');
    expect(state.activeWorkspaceId).toBe('w1');
    stop();
  });

  it('follows the application menu (app:navigate), and keeps a new user on the welcome screen', () => {
    const bridge = installBridge({});
    const stop = useStore.getState().listen();
    bridge.emit('app:navigate', { to: 'new-case' });
    expect(useStore.getState().route).toEqual({ name: 'welcome' });
    bridge.emit('app:navigate', { to: 'settings' });
    expect(useStore.getState().route).toEqual({ name: 'settings' });
    bridge.emit('workspaces:changed', list);
    bridge.emit('app:navigate', { to: 'new-case' });
    expect(useStore.getState().route).toEqual({ name: 'new-case' });
    bridge.emit('app:navigate', { to: 'search' });
    expect(useStore.getState().route).toEqual({ name: 'cases' });
    stop();
  });
});

describe('workspaces', () => {
  it('adds a workspace, makes it active and opens its cases', async () => {
    const added = workspace({ id: 'w2', name: 'New' });
    const bridge = installBridge({
      'workspaces:add': () => added,
      'workspaces:activate': () => undefined,
      'workspaces:list': () => ({ workspaces: [added], activeId: 'w2' }),
    });
    const input = {
      name: 'New',
      environment: 'sandbox' as const,
      clientId: 'c',
      clientSecret: 's',
      setupId: added.setupId,
    };
    const result = await useStore.getState().addWorkspace(input);
    expect(result.ok).toBe(true);
    expect(bridge.calls('workspaces:add')).toEqual([input]);
    expect(bridge.calls('workspaces:activate')).toEqual([{ id: 'w2' }]);
    expect(useStore.getState()).toMatchObject({ activeWorkspaceId: 'w2', route: { name: 'cases' } });
  });

  it('returns the code and field messages of a refused workspace', async () => {
    installBridge({
      'workspaces:add': () => {
        throw new Failure({
          code: 'invalid_input',
          message: 'Check the highlighted fields: KYC Desk could not accept them as they are.',
          fields: { name: ['Too long.'] },
        });
      },
    });
    // A well-formed input (the bridge runs the contract's schema) that main refuses on its own grounds.
    const result = await useStore.getState().addWorkspace({
      name: 'Acme production',
      environment: 'production',
      clientId: 'acme-client',
      clientSecret: 'secret-value',
      setupId: 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Check the highlighted fields: KYC Desk could not accept them as they are.',
        fields: { name: ['Too long.'] },
      },
    });
  });

  it('goes back to the welcome screen when the last workspace is removed', async () => {
    installBridge({
      'workspaces:remove': () => undefined,
      'workspaces:list': () => ({ workspaces: [], activeId: null }),
    });
    useStore.getState().applyWorkspaceList(list);
    useStore.getState().navigate({ name: 'cases' });
    await useStore.getState().removeWorkspace('w1');
    expect(useStore.getState()).toMatchObject({ activeWorkspaceId: null, route: { name: 'welcome' } });
  });
});

describe('link', () => {
  it('copies to the clipboard, then records the copy', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const bridge = installBridge({ 'link:copied': () => undefined });
    const result = await useStore.getState().copyLink('case-1', 'https://idv.ondato.com/?id=1');
    expect(result).toEqual({ ok: true, value: { auditError: null } });
    expect(writeText).toHaveBeenCalledWith('https://idv.ondato.com/?id=1');
    expect(bridge.calls('link:copied')).toEqual([{ caseId: 'case-1' }]);
  });

  it('records nothing when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const bridge = installBridge({ 'link:copied': () => undefined });
    const result = await useStore.getState().copyLink('case-1', 'https://idv.ondato.com/?id=1');
    expect(result.ok).toBe(false);
    expect(bridge.calls('link:copied')).toHaveLength(0);
  });
});

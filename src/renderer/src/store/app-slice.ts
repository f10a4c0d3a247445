import type { AuditChainCheck } from '../../../shared/domain/audit';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { Settings, StorageInfo, SyncStatus } from '../../../shared/domain/views';
import type { CaseQueue } from '../../../shared/domain/queues';
import type { AppInfo, NavigateTarget } from '../../../shared/ipc/contract';
import { ApiError, call, errorMessage, subscribe } from '../api';
import { SEARCH_INPUT_ID } from '../features/shell/shortcuts';
import { attempt, type ActionResult, type Loadable } from './action-result';
import { RESCUE_CODES } from './rescue-slice';
import type { SliceCreator } from './types';

export type Route =
  | { name: 'welcome' }
  | { name: 'workspaces' }
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'new-case' }
  | { name: 'settings' };

export type RouteName = Route['name'];

export type BootState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; message: string }
  /** The cache could not be opened: main serves only the rescue screen's channels. */
  | { status: 'rescue' };

export { DEFAULT_SETTINGS };

/** How long start-up waits for the case list's first page before it shows the list loading instead. */
const FIRST_PAGE_WAIT_MS = 300;

/** `cases:changed` bursts (a sync round touching many cases) become one re-query. */
export const CASES_CHANGED_DEBOUNCE_MS = 250;

export interface AppSlice {
  route: Route;
  boot: BootState;
  settings: Settings;
  /** Null until main first reports it. */
  sync: SyncStatus | null;
  appInfo: Loadable<AppInfo>;
  storage: Loadable<StorageInfo>;
  auditCheck: Loadable<AuditChainCheck>;
  /** Every `cases:changed` main pushed, so any screen can react (`seq` grows by one each time). */
  caseChanges: { seq: number; ids: string[] };
  shortcutsHelpOpen: boolean;

  navigate(route: Route): void;
  /** A destination named by main (menu shortcuts; a notification opens a work queue). */
  navigateTo(to: NavigateTarget, queue?: CaseQueue): void;
  /** Loads what the shell needs (settings, workspaces, sync status) and picks the first screen. */
  start(): Promise<void>;
  /** Subscribes to main's events; returns the unsubscribe. Called once by the app root. */
  listen(): () => void;
  updateSettings(patch: Partial<Omit<Settings, 'polling'>>): Promise<ActionResult<Settings>>;
  setPolling(enabled: boolean): Promise<ActionResult<Settings>>;
  syncNow(): Promise<ActionResult<void>>;
  loadAbout(): Promise<void>;
  verifyAudit(): Promise<void>;
  setShortcutsHelp(open: boolean): void;
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => ({
  route: { name: 'welcome' },
  boot: { status: 'loading' },
  settings: DEFAULT_SETTINGS,
  sync: null,
  appInfo: { status: 'idle' },
  storage: { status: 'idle' },
  auditCheck: { status: 'idle' },
  caseChanges: { seq: 0, ids: [] },
  shortcutsHelpOpen: false,

  navigate(route) {
    set({ route, shortcutsHelpOpen: false });
  },

  navigateTo(to, queue) {
    // Without a workspace only the welcome and settings screens make sense.
    if (get().activeWorkspaceId === null && to !== 'settings') {
      get().navigate({ name: 'welcome' });
      return;
    }
    switch (to) {
      case 'new-case':
        return get().navigate({ name: 'new-case' });
      case 'cases':
        if (queue) get().setCaseQueue(queue);
        return get().navigate({ name: 'cases' });
      case 'search':
        get().navigate({ name: 'cases' });
        // The list renders first; then its search field exists.
        setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus(), 0);
        return;
      case 'workspaces':
        return get().navigate({ name: 'workspaces' });
      case 'settings':
        return get().navigate({ name: 'settings' });
      default: {
        const unknown: never = to;
        return unknown;
      }
    }
  },

  async start() {
    set({ boot: { status: 'loading' } });
    // Locked: only the lock screen shows, and main is asked for nothing else; unlocking (applyLock)
    // runs start() again.
    const lock = await attempt(() => call('lock:status', undefined));
    if (lock.ok) {
      set({ lock: lock.value });
      if (lock.value.locked) return;
    }
    // Then everything the first screen needs at once, not one answer after another: (on the first
    // start, before any list state was kept) the first page of the case list, the longest to answer,
    // and the shell's data.
    get().prefetchFirstCasePage(Object.keys(get().savedCaseLists).length === 0);
    const shell = Promise.all([
      call('settings:get', undefined),
      call('workspaces:list', undefined),
      call('sync:status', undefined),
    ]);
    try {
      const [settings, list, sync] = await shell;
      set({ settings, sync });
      get().applyWorkspaceList(list);
      const hasActive = list.activeId !== null && list.workspaces.some((w) => w.id === list.activeId);
      // No workspace, no list: a first page asked for now must not stand for one created later.
      if (!hasActive) get().prefetchFirstCasePage(false);
      // The list opens with its rows rather than a skeleton that they replace a moment later.
      else await get().settleFirstCasePage(FIRST_PAGE_WAIT_MS);
      set({ boot: { status: 'ready' }, route: hasActive ? { name: 'cases' } : { name: 'welcome' } });
    } catch (error) {
      get().prefetchFirstCasePage(false);
      if (error instanceof ApiError && error.code === 'locked') {
        // Locked between the two calls: main refuses data until the PIN is entered.
        set({ lock: { locked: true, pinSet: true, retryAt: null } });
        return;
      }
      // Every channel answers with the start-up problem while main serves the rescue screen.
      if (error instanceof ApiError && RESCUE_CODES.has(error.code) && (await get().loadRescue())) {
        set({ boot: { status: 'rescue' } });
        return;
      }
      set({ boot: { status: 'error', message: errorMessage(error) } });
    }
  },

  listen() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<string>();
    const offs = [
      subscribe('sync:status', (sync) => set({ sync })),
      subscribe('settings:changed', (settings) => set({ settings })),
      subscribe('workspaces:changed', (list) => get().applyWorkspaceList(list)),
      // The application menu's shortcuts (Ctrl/Cmd+N, +1, +2, +F, +,) arrive from main.
      subscribe('app:navigate', ({ to, queue }) => get().navigateTo(to, queue)),
      subscribe('lock:changed', (status) => get().applyLock(status)),
      subscribe('cases:changed', ({ ids }) => {
        for (const id of ids) pending.add(id);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const changed = [...pending];
          pending.clear();
          set((state) => ({ caseChanges: { seq: state.caseChanges.seq + 1, ids: changed } }));
          // While locked main refuses the query; the list reloads when its screen returns.
          if (get().lock?.locked !== true) void get().refreshCaseList();
        }, CASES_CHANGED_DEBOUNCE_MS);
      }),
    ];
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  },

  async updateSettings(patch) {
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    const result = await attempt(() => call('settings:set', patch));
    set({ settings: result.ok ? result.value : before });
    return result;
  },

  async setPolling(enabled) {
    const before = get().settings;
    set({ settings: { ...before, polling: enabled } });
    const result = await attempt(() => call('sync:set-polling', { enabled }));
    set({ settings: result.ok ? result.value : before });
    return result;
  },

  syncNow() {
    return attempt(() => call('sync:now', undefined));
  },

  async loadAbout() {
    set({ appInfo: { status: 'loading' }, storage: { status: 'loading' } });
    const [info, storage] = await Promise.all([
      attempt(() => call('app:info', undefined)),
      attempt(() => call('app:storage', undefined)),
    ]);
    set({
      appInfo: info.ok
        ? { status: 'ready', value: info.value }
        : { status: 'error', message: info.error.message },
      storage: storage.ok
        ? { status: 'ready', value: storage.value }
        : { status: 'error', message: storage.error.message },
    });
  },

  async verifyAudit() {
    set({ auditCheck: { status: 'loading' } });
    const result = await attempt(() => call('audit:verify', undefined));
    set({
      auditCheck: result.ok
        ? { status: 'ready', value: result.value }
        : { status: 'error', message: result.error.message },
    });
  },

  setShortcutsHelp(open) {
    set({ shortcutsHelpOpen: open });
  },
});

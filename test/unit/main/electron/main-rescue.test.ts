import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as RescueModule from '../../../../src/main/app/rescue';

// src/main/index.ts against a mocked Electron when the cache cannot open: the rescue core, not an exit.
const h = vi.hoisted(() => {
  const calls: string[] = [];
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return {
    calls,
    readyPromise,
    ready: () => ready(),
    rescue: {
      deps: null as null | { problem: { code: string }; confirmer?: unknown; nativeBinding?: string },
      restart: null as null | (() => void),
    },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const userData = mkdtempSync(join(tmpdir(), 'kyc-desk-main-'));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
    getAppPath: () => '/src/kyc-desk',
    getName: () => 'KYC Desk',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    enableSandbox: () => h.calls.push('enableSandbox'),
    whenReady: () => h.readyPromise,
    quit: vi.fn(),
    relaunch: vi.fn(() => h.calls.push('relaunch')),
    exit: vi.fn((code: number) => h.calls.push(`exit ${code}`)),
  });
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: () => h.calls.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => h.calls.push('setPermissionCheckHandler'),
    setDevicePermissionHandler: () => h.calls.push('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: () => h.calls.push('onBeforeRequest'), onHeadersReceived: () => {} },
  });
  class FakeWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => {}, send: () => {} });
    loadURL = (url: string) => h.calls.push(`loadURL ${url}`);
  }
  return {
    app,
    session: { defaultSession },
    protocol: {
      registerSchemesAsPrivileged: () => h.calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => h.calls.push(`protocol.handle ${scheme}`),
    },
    ipcMain: { handle: (channel: string) => h.calls.push(`ipc ${channel}`) },
    Menu: {
      setApplicationMenu: () => h.calls.push('setApplicationMenu'),
      buildFromTemplate: (t: unknown) => t,
    },
    BrowserWindow: Object.assign(FakeWindow, { getAllWindows: () => [] }),
    screen: { getAllDisplays: () => [] },
    dialog: { showErrorBox: (title: string) => h.calls.push(`error ${title}`) },
    Notification: { isSupported: () => false },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn() },
  };
});

vi.mock('../../../../src/main/native', () => ({
  nativeBindings: () => ({ betterSqlite3: '/n/better_sqlite3.node', keytar: '/n/keytar.node' }),
}));

vi.mock('../../../../src/main/app/core', async () => {
  const { cacheError } = await import('../../../../src/main/db/errors');
  return {
    createCore: async () => {
      h.calls.push('createCore');
      throw cacheError('cache_key_missing');
    },
  };
});

vi.mock('../../../../src/main/app/rescue', async (original) => ({
  ...(await original<typeof RescueModule>()),
  createRescueCore: (deps: NonNullable<typeof h.rescue.deps>) => {
    h.calls.push('createRescueCore');
    h.rescue.deps = deps;
    return {
      handlers: {},
      problem: deps.problem,
      onRestart(listener: () => void) {
        h.rescue.restart = listener;
        return () => {};
      },
    };
  },
}));

await import('../../../../src/main/index');
const { app } = await import('electron');

describe('main process wiring when the cache cannot open', () => {
  it('serves the rescue handler map in the same window instead of stopping', async () => {
    h.ready();
    await vi.waitFor(() => expect(h.calls.some((c) => c.startsWith('loadURL'))).toBe(true));
    const order = (name: string) => h.calls.findIndex((c) => c.startsWith(name));
    expect(order('createCore')).toBeLessThan(order('createRescueCore'));
    expect(h.rescue.deps).toMatchObject({
      problem: { code: 'cache_key_missing' },
      nativeBinding: '/n/better_sqlite3.node',
    });
    expect(h.rescue.deps?.confirmer).toBeDefined();
    expect(h.calls).toContain('ipc rescue:recover');
    expect(order('ipc rescue:recover')).toBeLessThan(order('loadURL'));
    expect(h.calls).toContain('loadURL app://kyc-desk/index.html');
    expect(h.calls.some((c) => c.startsWith('error'))).toBe(false);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('relaunches into the normal app once a rescue step succeeded', () => {
    expect(h.calls).not.toContain('relaunch');
    h.rescue.restart?.();
    expect(h.calls.slice(-2)).toEqual(['relaunch', 'exit 0']);
  });
});

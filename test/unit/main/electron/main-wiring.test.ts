import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// src/main/index.ts against a mocked Electron: what must happen before `ready`, and what `ready` wires.
const h = vi.hoisted(() => {
  const calls: string[] = [];
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return {
    calls,
    readyPromise,
    ready: () => ready(),
    core: {
      shell: null as null | { openExternal(url: string): Promise<void> },
      confirmer: null as null | { confirm(request: unknown): Promise<boolean> },
      counterScreens: null as null | { show(caseId: string): boolean; close(caseId: string): void },
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

vi.mock('../../../../src/main/app/core', () => ({
  createCore: async (deps: {
    nativeBinding?: string;
    shell: { openExternal(url: string): Promise<void> };
    confirmer?: { confirm(request: unknown): Promise<boolean> };
    counterScreens?: { show(caseId: string): boolean; close(caseId: string): void };
  }) => {
    h.calls.push(`createCore ${deps.nativeBinding}`);
    h.core.shell = deps.shell;
    h.core.confirmer = deps.confirmer ?? null;
    h.core.counterScreens = deps.counterScreens ?? null;
    return {
      handlers: {},
      events: { onAny: () => () => {}, emit: () => {} },
      start: async () => h.calls.push('core.start'),
      close: async () => {},
    };
  },
}));

await import('../../../../src/main/index');
const { app } = await import('electron');

describe('main process wiring', () => {
  it('registers app://, enables the sandbox and guards all contents before ready', () => {
    expect(h.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('on ready: session guards, app:// handler, core with the Electron native build, IPC, menu, window', async () => {
    h.ready();
    await vi.waitFor(() => expect(h.calls.some((c) => c.startsWith('loadURL'))).toBe(true));
    const order = (name: string) => h.calls.findIndex((c) => c.startsWith(name));
    expect(h.calls).toContain('setPermissionRequestHandler');
    expect(h.calls).toContain('setPermissionCheckHandler');
    expect(h.calls).toContain('onBeforeRequest');
    expect(h.calls).toContain('protocol.handle app');
    expect(h.calls).toContain('createCore /n/better_sqlite3.node');
    expect(h.calls.filter((c) => c.startsWith('ipc ')).length).toBeGreaterThan(20);
    expect(h.calls).toContain('setApplicationMenu');
    expect(h.calls).toContain('loadURL app://kyc-desk/index.html');
    expect(order('setPermissionRequestHandler')).toBeLessThan(order('loadURL'));
    expect(order('protocol.handle')).toBeLessThan(order('loadURL'));
    expect(h.calls.some((c) => c.startsWith('error'))).toBe(false);
  });

  it('gives the core an openExternal that refuses anything but web links', async () => {
    const { shell } = await import('electron');
    const open = h.core.shell?.openExternal;
    if (!open) throw new Error('core got no shell');
    await expect(open('file:///etc/passwd')).rejects.toMatchObject({ code: 'link_refused' });
    await expect(open('smb://attacker/share')).rejects.toMatchObject({ code: 'link_refused' });
    await open('https://idv.ondato.com/?id=1');
    expect(shell.openExternal).toHaveBeenCalledOnce();
    expect(shell.openExternal).toHaveBeenCalledWith('https://idv.ondato.com/?id=1');
  });

  it('gives the core the native-dialog confirmer, never a renderer-answered one', () => {
    expect(h.core.confirmer).not.toBeNull();
  });

  it('gives the core the counter windows, so counter mode opens a window of main’s own', () => {
    expect(typeof h.core.counterScreens?.show).toBe('function');
    expect(typeof h.core.counterScreens?.close).toBe('function');
  });
});

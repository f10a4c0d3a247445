import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveWindowState } from '../../../../src/main/electron/window-state';

const created = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeContents extends Emitter {
    openHandler: (() => unknown) | null = null;
    setWindowOpenHandler(handler: () => unknown): void {
      this.openHandler = handler;
    }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.windows.push(this);
    }
  }
  return {
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }] },
  };
});

const { createMainWindow } = await import('../../../../src/main/window');

interface Created extends EventEmitter {
  options: Record<string, unknown>;
  webContents: EventEmitter & { openHandler: (() => unknown) | null };
  loadURL: ReturnType<typeof vi.fn>;
  loadFile: ReturnType<typeof vi.fn>;
}
function isCreated(value: unknown): value is Created {
  return value instanceof EventEmitter && 'options' in value;
}
function lastWindow(): Created {
  const win = created.windows.at(-1);
  if (!isCreated(win)) throw new Error('no window');
  return win;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createMainWindow', () => {
  it('loads app://kyc-desk (never file://) with the hardened webPreferences and guards', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-desk-win-'));
    createMainWindow({ stateFile: join(dir, 'window-state.json') });
    const win = lastWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://kyc-desk/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.options.webPreferences).toEqual({
      preload: expect.stringMatching(/[\\/]preload[\\/]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options.show).toBe(false);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) {
      expect(win.webContents.listenerCount(event), event).toBe(1);
    }
    expect(win.webContents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('opens where the officer left it, when that is on a display', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-desk-win-'));
    const stateFile = join(dir, 'window-state.json');
    saveWindowState(stateFile, { bounds: { x: 40, y: 30, width: 1100, height: 760 }, maximized: false });
    createMainWindow({ stateFile });
    expect(lastWindow().options).toMatchObject({ x: 40, y: 30, width: 1100, height: 760 });
  });
});

import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeContents extends Emitter {
    openHandler: (() => unknown) | null = null;
    sent: [string, unknown][] = [];
    setWindowOpenHandler(handler: () => unknown): void {
      this.openHandler = handler;
    }
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    destroyed = false;
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.windows.push(this);
    }
    setMenu(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isVisible(): boolean {
      return true;
    }
    focus(): void {}
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    close(): void {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (!event.defaultPrevented) {
        this.destroyed = true;
        this.emit('closed');
      }
    }
  }
  const officer = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
  const customer = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };
  return {
    BrowserWindow: FakeWindow,
    screen: {
      getAllDisplays: () => [officer, customer],
      getDisplayMatching: () => officer,
      getPrimaryDisplay: () => officer,
    },
  };
});

const { createCounterWindows } = await import('../../../../src/main/electron/counter-window');
const { createMainWindow } = await import('../../../../src/main/window');

interface Fake extends EventEmitter {
  options: Record<string, unknown>;
  webContents: EventEmitter & { openHandler: (() => unknown) | null; sent: [string, unknown][] };
  loadURL: ReturnType<typeof vi.fn>;
  isDestroyed(): boolean;
  close(): void;
}
const last = (): Fake => created.windows.at(-1) as Fake;

describe('counter window', () => {
  it('is hardened exactly like the main window and loads only the counter page of its case', () => {
    createMainWindow({ stateFile: join(__dirname, 'no-such-dir', 'window-state.json') });
    const main = last();
    const windows = createCounterWindows({ mainWindow: () => null });
    expect(windows.show('case 1')).toBe(true);
    const win = last();
    expect(win).not.toBe(main);
    // Both bundle into out/main/index.js, so their preload paths are one file; here, unbundled, compare the rest.
    const { preload, ...hardened } = win.options.webPreferences as Record<string, unknown>;
    const { preload: mainPreload, ...mainHardened } = main.options.webPreferences as Record<string, unknown>;
    expect(hardened).toEqual(mainHardened);
    expect(preload).toMatch(/[\\/]preload[\\/]index\.js$/);
    expect(mainPreload).toMatch(/[\\/]preload[\\/]index\.js$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://kyc-desk/counter.html#case%201');
    expect(win.webContents.openHandler?.()).toEqual({ action: 'deny' });
    expect(win.options).toMatchObject({ fullscreen: true });
    expect(windows.list().map((w) => w.caseId)).toEqual(['case 1']);
  });

  it('goes to the display the officer is not on', () => {
    const main = { isDestroyed: () => false, getBounds: () => ({ x: 0, y: 0, width: 10, height: 10 }) };
    createCounterWindows({ mainWindow: () => main as never }).show('c2');
    expect(last().options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080 });
  });

  it('refuses its own close button (asks the page for the officer) but closes when main says so', () => {
    const windows = createCounterWindows({ mainWindow: () => null });
    windows.show('c3');
    const win = last();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent).toEqual([['counter:exit-requested', { caseId: 'c3' }]]);
    windows.close('c3');
    expect(win.isDestroyed()).toBe(true);
    expect(windows.list()).toEqual([]);
  });
});

describe('counter page', () => {
  it('carries the same meta CSP as the main page (no network, no inline script)', () => {
    const csp = (file: string): string | undefined =>
      /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
        readFileSync(join(__dirname, '../../../../src/renderer', file), 'utf8'),
      )?.[1];
    expect(csp('counter.html')).toBeDefined();
    expect(csp('counter.html')).toBe(csp('index.html'));
  });
});

import { join } from 'node:path';
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { counterPagePath } from '../../shared/domain/counter';
import type { CounterScreens } from '../services/context';
import type { CounterWindowRef } from './ipc-adapter';
import { APP_ORIGIN } from './protocol';
import { guardContents } from './security';

export interface CounterWindows extends CounterScreens {
  /** The open counter windows and their cases, for the IPC sender check and event forwarding. */
  list(): (CounterWindowRef & { send(event: string, payload: unknown): void })[];
  /** The officer's window is gone: no counter view outlives it. */
  closeAll(): void;
}

/**
 * The counter view's windows (ADR 0018): one per case, full screen, on another display when there is
 * one (the screen turned to the customer), else over the officer's. The page is the separate
 * `counter.html` bundle, which holds no other screen of the app; what it may call is decided in
 * ipc-adapter.ts (its own case's view and exit, nothing else). Closing it from the window's own
 * controls is refused: the page asks for the officer instead (`counter:exit-requested`).
 */
export function createCounterWindows(deps: {
  mainWindow(): BrowserWindow | null;
  icon?: string;
}): CounterWindows {
  const windows = new Map<string, { win: BrowserWindow; closing: boolean }>();

  function displayFor(): Rectangle {
    const main = deps.mainWindow();
    const officer = main && !main.isDestroyed() ? screen.getDisplayMatching(main.getBounds()) : null;
    const other = screen.getAllDisplays().find((d) => d.id !== officer?.id);
    return (other ?? officer ?? screen.getPrimaryDisplay()).bounds;
  }

  function create(caseId: string): BrowserWindow {
    const area = displayFor();
    const win = new BrowserWindow({
      x: area.x,
      y: area.y,
      width: area.width,
      height: area.height,
      fullscreen: true,
      autoHideMenuBar: true,
      show: false,
      title: 'Identity verification',
      backgroundColor: '#ffffff',
      ...(deps.icon ? { icon: deps.icon } : {}),
      // The same hardened set as the main window (window.ts), spelled out for review and scanners.
      webPreferences: {
        preload: join(__dirname, '../preload/index.js'),
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
      },
    });
    guardContents(win.webContents);
    const entry = { win, closing: false };
    windows.set(caseId, entry);
    win.setMenu(null);
    win.on('close', (event) => {
      if (entry.closing) return;
      event.preventDefault();
      win.webContents.send('counter:exit-requested', { caseId });
    });
    win.on('closed', () => {
      if (windows.get(caseId) === entry) windows.delete(caseId);
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/${counterPagePath(caseId)}`);
    return win;
  }

  return {
    show(caseId) {
      const existing = windows.get(caseId);
      const win = existing && !existing.win.isDestroyed() ? existing.win : create(caseId);
      if (win.isVisible()) win.focus();
      return true;
    },
    close(caseId) {
      const entry = windows.get(caseId);
      if (!entry || entry.win.isDestroyed()) return;
      entry.closing = true;
      entry.win.close();
    },
    closeAll() {
      for (const caseId of [...windows.keys()]) this.close(caseId);
    },
    list() {
      return [...windows].map(([caseId, { win }]) => ({
        caseId,
        isDestroyed: () => win.isDestroyed(),
        webContents: win.webContents,
        send: (event: string, payload: unknown) => {
          if (!win.isDestroyed()) win.webContents.send(event, payload);
        },
      }));
    },
  };
}

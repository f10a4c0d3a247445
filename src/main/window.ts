import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL } from './electron/protocol';
import { guardContents } from './electron/security';
import {
  loadWindowState,
  MIN_SIZE,
  placeWindow,
  saveWindowState,
  type WindowState,
} from './electron/window-state';

export interface MainWindowOptions {
  /** `<userData>/window-state.json`. */
  stateFile: string;
  /** The app icon for the window (Linux/Windows taskbar in development; packages set their own). */
  icon?: string;
}

const SAVE_DELAY_MS = 500;

/**
 * The one window. Its page comes from app:// (protocol.ts), never file:// or http, and its
 * webPreferences are the hardened set below (test/unit/main/electron/window.test.ts). guardContents runs here as well as in the
 * app-wide `web-contents-created` hook, so the window is guarded even if that hook were missed.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const placement = placeWindow(loadWindowState(options.stateFile), workAreas);
  const win = new BrowserWindow({
    width: placement.width,
    height: placement.height,
    ...(placement.x === undefined || placement.y === undefined ? {} : { x: placement.x, y: placement.y }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'KYC Desk',
    backgroundColor: '#f6f7f9',
    ...(options.icon && existsSync(options.icon) ? { icon: options.icon } : {}),
    // Spelled out here, at the call, so a review and a static scanner (Electronegativity) read the real
    // values; most are Electron's defaults, written down so a future default cannot loosen them.
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
      // A middle click on a link must not open a new window (guardContents denies them too).
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker downloads dictionaries from Google's CDN and sees every typed word (PII).
      spellcheck: false,
      safeDialogs: true,
    },
  });
  guardContents(win.webContents);
  rememberBounds(win, options.stateFile);
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function rememberBounds(win: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | null = null;
  const current = (): WindowState => ({
    // The restored size, not the maximised one, so un-maximising next time gives a sensible window.
    bounds: win.isMaximized() || win.isFullScreen() ? win.getNormalBounds() : win.getBounds(),
    maximized: win.isMaximized(),
  });
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!win.isDestroyed()) saveWindowState(file, current());
    }, SAVE_DELAY_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', () => {
    if (timer) clearTimeout(timer);
    saveWindowState(file, current());
  });
}

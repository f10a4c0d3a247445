import { userInfo } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron';
import { createCore, type Core } from './app/core';
import { createRescueCore, isRescuable } from './app/rescue';
import { showAbout } from './electron/about';
import { createDialogConfirmer } from './electron/confirm-dialog';
import { createCounterWindows } from './electron/counter-window';
import { registerIpc } from './electron/ipc-adapter';
import { electronSaveDialog } from './electron/save-dialog';
import { installMenu } from './electron/menu';
import { registerAppScheme, serveApp } from './electron/protocol';
import { guardAllContents, guardSession, isAllowedExternal } from './electron/security';
import { windowStatePath } from './electron/window-state';
import { AppError, isAppError } from './errors';
import { createFileLogger } from './logger';
import { nativeBindings } from './native';
import { defaultDataDir, logDir } from './paths';
import { createKeytarStore } from './secrets/keytar-store';
import type { SecretStore } from './secrets/secret-store';
import type { Confirmer } from './services/confirm';
import type { Events } from '../shared/ipc/contract';
import { createMainWindow } from './window';

// Wiring only: harden the process, build the core, register the handlers, forward events, open the window.
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let quitting = false;

// These three must happen before `ready`: Electron reads privileged schemes and the global sandbox
// switch at startup, and the contents guard must be in place before the first webContents exists.
registerAppScheme();
app.enableSandbox();
guardAllContents(app);

// One data directory for the app and the CLI (paths.ts); KYC_DESK_DATA_DIR overrides both.
app.setPath('userData', defaultDataDir());
const dataDir = app.getPath('userData');
const logger = createFileLogger({ dir: logDir(dataDir) });
const rendererRoot = join(__dirname, '../renderer');
const counterWindows = createCounterWindows({
  mainWindow: () => mainWindow,
  icon: join(app.getAppPath(), 'resources', 'icon.png'),
});

function versions(): Record<string, string> {
  const { electron, chrome, node, v8 } = process.versions;
  return { electron: electron ?? '', chrome: chrome ?? '', node, v8 };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The links service checks the customer host; this refuses any non-web link whatever the caller. */
async function openExternal(url: string): Promise<void> {
  if (!isAllowedExternal(url)) {
    throw new AppError('link_refused', 'KYC Desk only opens https links on the workspace’s Ondato host.');
  }
  await shell.openExternal(url);
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    stateFile: windowStatePath(dataDir),
    icon: join(app.getAppPath(), 'resources', 'icon.png'),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    counterWindows.closeAll();
  });
  mainWindow = win;
  return win;
}

function focusWindow(): BrowserWindow {
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : openWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}

/**
 * The cache could not be opened (key missing, file gone, damage blocking an upgrade): the same window
 * shows the rescue screen over the rescue handler map; a successful step relaunches into the normal app.
 */
function startRescue(
  problem: Parameters<typeof createRescueCore>[0]['problem'],
  secrets: SecretStore,
  confirmer: Confirmer,
  nativeBinding: string | undefined,
): void {
  logger.error('cache unavailable at start-up; showing the rescue screen', { code: problem.code });
  const rescue = createRescueCore({
    dataDir,
    secrets,
    logger,
    problem,
    confirmer,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
  });
  registerIpc(rescue.handlers, () => mainWindow, logger);
  rescue.onRestart(() => {
    app.relaunch();
    app.exit(0);
  });
  openWindow();
}

/** Notifications on screen (see notify() below). */
const shownNotices = new Set<Notification>();

async function boot(): Promise<void> {
  const native = nativeBindings({
    packaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
  });
  const secrets = createKeytarStore(undefined, { nativePath: native.keytar });
  const confirmer = createDialogConfirmer();
  let started: Core;
  try {
    started = await createCore({
      dataDir,
      secrets,
      nativeBinding: native.betterSqlite3,
      osUser: osUser(),
      logger,
      shell: { openExternal },
      confirmer,
      notifier: {
        notify(title, body, onClick) {
          if (!Notification.isSupported()) return;
          const notification = new Notification({ title, body });
          // Held until it is clicked or closed: a collected Notification loses its click handler.
          shownNotices.add(notification);
          notification.on('close', () => shownNotices.delete(notification));
          notification.on('click', () => {
            shownNotices.delete(notification);
            focusWindow();
            onClick?.();
          });
          notification.show();
        },
      },
      saveDialog: electronSaveDialog(() => mainWindow),
      counterScreens: counterWindows,
      app: { name: app.getName(), version: app.getVersion(), versions: versions() },
      // Team mode finds PGPASSWORD / ~/.pgpass as PostgreSQL's tools do.
      team: { env: process.env, home: app.getPath('home') },
    });
  } catch (error) {
    if (!isRescuable(error)) throw error;
    startRescue(error, secrets, confirmer, native.betterSqlite3);
    return;
  }
  core = started;
  registerIpc(
    started.handlers,
    () => mainWindow,
    logger,
    () => counterWindows.list(),
  );
  started.events.onAny((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
    // A counter window hears only about its own case (ADR 0018).
    if (event !== 'counter:changed') return;
    const { caseId } = payload as Events['counter:changed'];
    for (const w of counterWindows.list()) if (w.caseId === caseId) w.send(event, payload);
  });
  installMenu({
    appName: app.getName(),
    isMac: process.platform === 'darwin',
    packaged: app.isPackaged,
    actions: {
      navigate(to) {
        focusWindow();
        started.events.emit('app:navigate', { to });
      },
      about() {
        const info = { name: app.getName(), version: app.getVersion(), versions: versions() };
        void showAbout({ ...info, platform: process.platform, arch: process.arch }, mainWindow);
      },
      showLogs() {
        void shell.openPath(logDir(dataDir));
      },
    },
  });
  await started.start();
  openWindow();
  logger.info('app started', { version: app.getVersion(), electron: process.versions.electron });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) focusWindow();
  });

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession);
    serveApp(rendererRoot);
    try {
      await boot();
    } catch (error) {
      logger.error('startup failed', { error, code: isAppError(error) ? error.code : undefined });
      const message = isAppError(error)
        ? error.message
        : 'KYC Desk could not start. The details are in the log.';
      dialog.showErrorBox('KYC Desk cannot start', message);
      app.quit();
      return;
    }
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the cache cleanly (engine stopped, demo state saved) before the process ends.
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    void core.close().finally(() => app.quit());
  });
}

import { app, BrowserWindow } from 'electron';
import { registerIpc } from './electron/ipc-adapter';
import { createHandlers } from './handlers';
import { createMainWindow } from './window';

// Wiring only: build the services, register the handlers, open the window.
let mainWindow: BrowserWindow | null = null;

function versions(): Record<string, string> {
  const { electron, chrome, node, v8 } = process.versions;
  return { electron: electron ?? '', chrome: chrome ?? '', node, v8 };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    registerIpc(
      createHandlers({ appName: app.getName(), appVersion: app.getVersion(), versions: versions() }),
      () => mainWindow,
    );
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { NavigateTarget } from '../../shared/ipc/contract';

export interface MenuActions {
  navigate(to: NavigateTarget): void;
  about(): void;
  showLogs(): void;
}

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Packaged builds get no reload and no devtools: an officer has no use for them, an attacker does. */
  packaged: boolean;
  actions: MenuActions;
}

/** The app's own commands; the renderer handles the `app:navigate` event they send. */
export const APP_SHORTCUTS: readonly { label: string; accelerator: string; to: NavigateTarget }[] = [
  { label: 'New Case', accelerator: 'CmdOrCtrl+N', to: 'new-case' },
  { label: 'Cases', accelerator: 'CmdOrCtrl+1', to: 'cases' },
  { label: 'Workspaces', accelerator: 'CmdOrCtrl+2', to: 'workspaces' },
  { label: 'Search Cases', accelerator: 'CmdOrCtrl+F', to: 'search' },
  { label: 'Settings…', accelerator: 'CmdOrCtrl+,', to: 'settings' },
];

function shortcut(to: NavigateTarget, actions: MenuActions): MenuItemConstructorOptions {
  const item = APP_SHORTCUTS.find((s) => s.to === to);
  if (!item) throw new Error(`No shortcut for ${to}`);
  return { label: item.label, accelerator: item.accelerator, click: () => actions.navigate(to) };
}

/** The template alone (no Electron objects), so the test can read it. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, packaged, actions } = options;
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            sep,
            shortcut('settings', actions),
            sep,
            { role: 'services' },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            sep,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      shortcut('new-case', actions),
      ...(isMac ? [] : [sep, shortcut('settings', actions)]),
      sep,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      shortcut('cases', actions),
      shortcut('workspaces', actions),
      shortcut('search', actions),
      sep,
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Show Log Files', click: () => actions.showLogs() }, ...(isMac ? [] : [sep, about])],
  };

  return [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}

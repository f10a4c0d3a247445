import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  setApplicationMenu: vi.fn(),
  buildFromTemplate: vi.fn((t: unknown) => t),
}));
vi.mock('electron', () => ({ Menu: electron }));

const { APP_SHORTCUTS, buildMenuTemplate, installMenu } = await import('../../../../src/main/electron/menu');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** Our click handlers take no arguments; Electron's menu item, window and event are not needed. */
function press(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click) Reflect.apply(item.click, undefined, []);
}

function template(isMac: boolean, packaged: boolean) {
  const actions = { navigate: vi.fn(), about: vi.fn(), showLogs: vi.fn() };
  const items = flatten(buildMenuTemplate({ appName: 'KYC Desk', isMac, packaged, actions }));
  return { items, actions };
}

describe('application menu', () => {
  it.each([true, false])('has the app shortcuts, each sending app:navigate (mac: %s)', (isMac) => {
    const { items, actions } = template(isMac, true);
    for (const shortcut of APP_SHORTCUTS) {
      const item = items.find((i) => i.label === shortcut.label);
      expect(item?.accelerator, shortcut.label).toBe(shortcut.accelerator);
      press(item);
      expect(actions.navigate).toHaveBeenLastCalledWith(shortcut.to);
    }
    expect(APP_SHORTCUTS.map((s) => s.to).sort()).toEqual([
      'cases',
      'new-case',
      'search',
      'settings',
      'workspaces',
    ]);
  });

  it.each([true, false])('has the usual edit, view and window roles and a help menu (mac: %s)', (isMac) => {
    const { items } = template(isMac, true);
    const roles = items.map((i) => i.role).filter(Boolean);
    for (const role of [
      'editMenu',
      'windowMenu',
      'help',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]) {
      expect(roles).toContain(role);
    }
    expect(roles).toContain(isMac ? 'close' : 'quit');
  });

  it('offers About KYC Desk (a dialog with versions) and the log folder', () => {
    const { items, actions } = template(false, true);
    press(items.find((i) => i.label === 'About KYC Desk'));
    press(items.find((i) => i.label === 'Show Log Files'));
    expect(actions.about).toHaveBeenCalledOnce();
    expect(actions.showLogs).toHaveBeenCalledOnce();
  });

  it('has no devtools or reload in packaged builds, and has them in development', () => {
    const devRoles = ['toggleDevTools', 'reload', 'forceReload'];
    for (const isMac of [true, false]) {
      const packagedRoles = template(isMac, true).items.map((i) => i.role);
      for (const role of devRoles) expect(packagedRoles).not.toContain(role);
      const devItems = template(isMac, false).items.map((i) => i.role);
      for (const role of devRoles) expect(devItems).toContain(role);
    }
  });

  it('is installed as the application menu', () => {
    installMenu({
      appName: 'KYC Desk',
      isMac: false,
      packaged: true,
      actions: { navigate() {}, about() {}, showLogs() {} },
    });
    expect(electron.setApplicationMenu).toHaveBeenCalledOnce();
  });
});

describe('About KYC Desk', () => {
  it('shows the app and runtime versions, and nothing about the officer or cases', async () => {
    const { aboutOptions } = await import('../../../../src/main/electron/about');
    const options = aboutOptions({
      name: 'KYC Desk',
      version: '0.1.0',
      versions: { electron: '45.5.0', chrome: '140.0.0.0', node: '22.20.0', v8: '14.0' },
      platform: 'linux',
      arch: 'x64',
    });
    expect(options.title).toBe('About KYC Desk');
    expect(options.message).toBe('KYC Desk 0.1.0');
    expect(options.detail).toBe(
      'Electron: 45.5.0\nChromium: 140.0.0.0\nNode.js: 22.20.0\nV8: 14.0\nSystem: linux x64',
    );
  });
});

import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';

export interface AboutInfo {
  name: string;
  version: string;
  versions: Record<string, string | undefined>;
  platform: string;
  arch: string;
}

/**
 * The About box: the versions support needs (an Electron/Chromium version is what a security
 * advisory is checked against), and nothing about the officer, the workspace or a case.
 */
export function aboutOptions(info: AboutInfo): MessageBoxOptions {
  const line = (label: string, key: string): string => `${label}: ${info.versions[key] ?? 'unknown'}`;
  return {
    type: 'info',
    title: `About ${info.name}`,
    message: `${info.name} ${info.version}`,
    detail: [
      line('Electron', 'electron'),
      line('Chromium', 'chrome'),
      line('Node.js', 'node'),
      line('V8', 'v8'),
      `System: ${info.platform} ${info.arch}`,
    ].join('\n'),
    buttons: ['OK'],
    defaultId: 0,
    noLink: true,
  };
}

export async function showAbout(info: AboutInfo, parent: BrowserWindow | null): Promise<void> {
  const options = aboutOptions(info);
  if (parent && !parent.isDestroyed()) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

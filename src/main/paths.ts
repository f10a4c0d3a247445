import { homedir } from 'node:os';
import { join, posix, resolve, win32 } from 'node:path';

export const APP_DIR_NAME = 'KYC Desk';

export interface PathEnv {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
}

/**
 * Where the app and the CLI keep the cache, logs and backups. The same place Electron's
 * `app.getPath('userData')` would give for productName "KYC Desk", so the CLI and the app share one
 * cache without the CLI loading Electron. `KYC_DESK_DATA_DIR` overrides it (tests, portable setups).
 */
export function defaultDataDir(options: PathEnv = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  const override = env.KYC_DESK_DATA_DIR?.trim();
  // Relative to the working directory, once: a later chdir must not move the cache.
  if (override) return resolve(override);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_DIR_NAME);
  }
  const config = env.XDG_CONFIG_HOME?.trim() || posix.join(home, '.config');
  return posix.join(config, APP_DIR_NAME);
}

export function cachePath(dataDir: string): string {
  return join(dataDir, 'cache.db');
}

export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

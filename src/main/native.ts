import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './errors';

/**
 * Where the Electron builds of the two native modules live. node_modules keeps the Node builds (for
 * `npm test`, the CLI and the harness); Electron needs builds for its own ABI, so they are kept
 * beside them instead of replacing them:
 *
 * - development (`npm start`): `<project>/native/electron-<version>-<platform>-<arch>/`, built by
 *   scripts/native.ts;
 * - packaged: `<resources>/app.asar.unpacked/native/`, copied there by `npm run dist` (a .node file
 *   cannot be loaded from inside the asar archive, hence unpacked).
 */
export const NATIVE_FILES = {
  betterSqlite3: 'better_sqlite3.node',
  keytar: 'keytar.node',
} as const;

export type NativeBindings = { [K in keyof typeof NATIVE_FILES]: string };

export interface NativeLocation {
  packaged: boolean;
  /** `app.getAppPath()`: the project root in development. */
  appPath: string;
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** The side directory's name; scripts/native.ts builds into it, so both must agree. */
export function nativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export function nativeDir(loc: NativeLocation): string {
  return loc.packaged
    ? join(loc.resourcesPath, 'app.asar.unpacked', 'native')
    : join(loc.appPath, 'native', nativeDirName(loc.electronVersion, loc.platform, loc.arch));
}

/**
 * The paths of both builds, after checking they exist, so a missing build is one clear message at
 * startup instead of a cryptic dlopen error from deep inside the cache or the keychain.
 */
export function nativeBindings(
  loc: NativeLocation,
  exists: (path: string) => boolean = existsSync,
): NativeBindings {
  const dir = nativeDir(loc);
  const bindings: NativeBindings = {
    betterSqlite3: join(dir, NATIVE_FILES.betterSqlite3),
    keytar: join(dir, NATIVE_FILES.keytar),
  };
  const missing = Object.values(bindings).filter((path) => !exists(path));
  if (missing.length > 0) {
    throw new AppError(
      'native_missing',
      loc.packaged
        ? 'This installation of KYC Desk is incomplete (its database and keychain modules are missing). Reinstall KYC Desk.'
        : 'The Electron builds of the database and keychain modules are missing. Start KYC Desk with `npm start`, which builds them.',
    );
  }
  return bindings;
}

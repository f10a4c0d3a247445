import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../../src/main/db/open';
import { isAppError } from '../../../../src/main/errors';
import { NATIVE_FILES, nativeBindings, nativeDir, nativeDirName } from '../../../../src/main/native';
import { createKeytarStore } from '../../../../src/main/secrets/keytar-store';

const root = resolve(__dirname, '../../../..');
const nodeSqlite = join(
  root,
  'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
);
const nodeKeytar = join(root, 'node_modules/keytar/build/Release/keytar.node');
const dev = {
  packaged: false,
  appPath: '/src/kyc-desk',
  resourcesPath: '/unused',
  electronVersion: '45.5.0',
  platform: 'linux',
  arch: 'x64',
} as const;

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
  Reflect.deleteProperty(process.versions, 'electron');
});

describe('native module location', () => {
  it('is the side directory in development and app.asar.unpacked/native when packaged', () => {
    expect(nativeDirName('45.5.0', 'darwin', 'arm64')).toBe('electron-45.5.0-darwin-arm64');
    expect(nativeDir(dev)).toBe(join('/src/kyc-desk', 'native', 'electron-45.5.0-linux-x64'));
    const packaged = { ...dev, packaged: true, resourcesPath: '/opt/KYC Desk/resources' };
    expect(nativeDir(packaged)).toBe(join('/opt/KYC Desk/resources', 'app.asar.unpacked', 'native'));
  });

  it('returns both paths when the builds exist', () => {
    const side = nativeDir(dev);
    expect(nativeBindings(dev, () => true)).toEqual({
      betterSqlite3: join(side, NATIVE_FILES.betterSqlite3),
      keytar: join(side, NATIVE_FILES.keytar),
    });
  });

  it('says what to do when a build is missing', () => {
    const check = (packaged: boolean): string => {
      try {
        nativeBindings({ ...dev, packaged }, (path) => !path.endsWith('keytar.node'));
      } catch (error) {
        if (isAppError(error) && error.code === 'native_missing') return error.message;
      }
      return 'no error';
    };
    expect(check(false)).toContain('npm start');
    expect(check(true)).toContain('Reinstall');
  });
});

describe('openCache nativeBinding', () => {
  it('opens and reopens the cache through the given addon (both connections use it)', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-desk-native-'));
    const side = join(dir, 'native');
    mkdirSync(side);
    const binding = join(side, NATIVE_FILES.betterSqlite3);
    copyFileSync(nodeSqlite, binding);
    const path = join(dir, 'cache.db');
    const key = randomBytes(32).toString('hex');
    openCache({ path, key, nativeBinding: binding }).close();
    // The second open inspects the existing file read-only first: that connection must use it too.
    openCache({ path, key, nativeBinding: binding }).close();
    const bogus = join(dir, 'missing.node');
    expect(() => openCache({ path, key, nativeBinding: bogus })).toThrow(
      expect.objectContaining({ code: 'cache_open_failed' }),
    );
    expect(() => openCache({ path: join(dir, 'new.db'), key, nativeBinding: bogus })).toThrow(
      expect.objectContaining({ code: 'cache_open_failed' }),
    );
  });
});

describe('keytar in Electron', () => {
  async function causeOf(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
      return null;
    } catch (error) {
      return error instanceof Error ? error.cause : error;
    }
  }

  const dlopenFailed = (cause: unknown): boolean =>
    typeof cause === 'object' && cause !== null && Reflect.get(cause, 'code') === 'ERR_DLOPEN_FAILED';

  it('dlopens the side build when running in Electron', async () => {
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    const bogus = createKeytarStore('kyc-desk-native-test', { nativePath: '/nonexistent/keytar.node' });
    await expect(bogus.get('a')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(dlopenFailed(await causeOf(bogus.get('a')))).toBe(true);
    // The real (N-API) build loads; whatever the keychain then answers, it is not a load failure.
    const real = createKeytarStore('kyc-desk-native-test', { nativePath: nodeKeytar });
    expect(dlopenFailed(await causeOf(real.get('a')))).toBe(false);
  });

  it('ignores nativePath under plain Node (tests, CLI use node_modules)', async () => {
    const store = createKeytarStore('kyc-desk-native-test', { nativePath: '/nonexistent/keytar.node' });
    expect(dlopenFailed(await causeOf(store.get('a')))).toBe(false);
  });
});

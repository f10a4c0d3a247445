import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElectronBinary, noElectronMessage } from '../../../../scripts/lib/electron-binary';
import {
  ensureNative,
  NATIVE_MODULES,
  sideDir,
  verifyBuild,
  type RebuildRequest,
} from '../../../../scripts/lib/native-build';
import { installedElectron, ROOT } from '../../../electron/electron-binary';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** A project with the two native packages (and node-addon-api) holding "Node builds". */
function fakeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-native-build-'));
  for (const { pkg, file } of Object.values(NATIVE_MODULES)) {
    write(join(dir, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, version: '1.0.0' }));
    write(join(dir, 'node_modules', pkg, 'binding.gyp'), '{}');
    write(join(dir, 'node_modules', pkg, 'build', 'Release', file), 'NODE BUILD');
  }
  write(
    join(dir, 'node_modules', 'node-addon-api', 'package.json'),
    '{"name":"node-addon-api","version":"4.3.0"}',
  );
  return dir;
}

const target = (dir: string, electronVersion = '45.5.0') => ({
  root: dir,
  electronVersion,
  platform: 'linux' as const,
  arch: 'x64',
});

/** Stands in for @electron/rebuild: checks what it was given, writes "Electron builds". */
function fakeRebuild(seen: RebuildRequest[]) {
  return async (request: RebuildRequest): Promise<void> => {
    seen.push(request);
    for (const { pkg, file } of Object.values(NATIVE_MODULES)) {
      const module = join(request.buildPath, 'node_modules', pkg);
      // The copy carries the sources but none of the Node build.
      expect(existsSync(join(module, 'binding.gyp'))).toBe(true);
      expect(existsSync(join(module, 'build'))).toBe(false);
      write(join(module, 'build', 'Release', file), `ELECTRON ${request.electronVersion}`);
    }
    expect(existsSync(join(request.buildPath, 'node_modules', 'node-addon-api', 'package.json'))).toBe(true);
  };
}

describe('ensureNative (npm start / npm run dist)', () => {
  it('builds into the side directory once, leaving node_modules’ Node builds alone', async () => {
    root = fakeProject();
    const seen: RebuildRequest[] = [];
    const verify = vi.fn();
    const options = { electronPath: '/fake/electron', rebuild: fakeRebuild(seen), verify, log: () => {} };
    const dir = await ensureNative(target(root), options);
    expect(dir).toBe(join(root, 'native', 'electron-45.5.0-linux-x64'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ electronVersion: '45.5.0', force: true });
    expect(seen[0]?.onlyModules).toEqual(['better-sqlite3-multiple-ciphers', 'keytar']);
    expect(verify).toHaveBeenCalledOnce();
    for (const { pkg, file } of Object.values(NATIVE_MODULES)) {
      expect(readFileSync(join(dir, file), 'utf8')).toBe('ELECTRON 45.5.0');
      expect(readFileSync(join(root, 'node_modules', pkg, 'build', 'Release', file), 'utf8')).toBe(
        'NODE BUILD',
      );
    }
    expect(JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8'))).toEqual({
      electron: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      modules: { 'better-sqlite3-multiple-ciphers': '1.0.0', keytar: '1.0.0' },
    });
    // No scratch folder left behind.
    expect(readdir(join(root, 'native'))).toEqual(['electron-45.5.0-linux-x64']);

    await ensureNative(target(root), options);
    expect(seen).toHaveLength(1);
  });

  it('rebuilds when a module or Electron changes', async () => {
    root = fakeProject();
    const seen: RebuildRequest[] = [];
    const options = { electronPath: '/e', rebuild: fakeRebuild(seen), verify: () => {}, log: () => {} };
    await ensureNative(target(root), options);
    write(
      join(root, 'node_modules', 'keytar', 'package.json'),
      JSON.stringify({ name: 'keytar', version: '1.0.1' }),
    );
    await ensureNative(target(root), options);
    expect(seen).toHaveLength(2);
    const next = await ensureNative(target(root, '46.0.0'), options);
    expect(seen).toHaveLength(3);
    expect(next).toBe(sideDir(target(root, '46.0.0')));
  });

  it('keeps nothing when the new builds do not load', async () => {
    root = fakeProject();
    const failing = () => {
      throw new Error('wrong ABI');
    };
    const options = { electronPath: '/e', rebuild: fakeRebuild([]), verify: failing, log: () => {} };
    await expect(ensureNative(target(root), options)).rejects.toThrow('wrong ABI');
    expect(readdir(join(root, 'native'))).toEqual([]);
  });
});

function readdir(path: string): string[] {
  return existsSync(path) ? readdirSync(path) : [];
}

describe('verifyBuild', () => {
  it('loads both addons and opens a SQLite3 Multiple Ciphers database (checked here with Node’s own builds)', () => {
    root = mkdtempSync(join(tmpdir(), 'kyc-desk-verify-'));
    for (const { pkg, file } of Object.values(NATIVE_MODULES)) {
      cpSync(join(ROOT, 'node_modules', pkg, 'build', 'Release', file), join(root, file));
    }
    // Node stands in for Electron-as-Node: same script, same checks, matching ABI.
    expect(() => verifyBuild(process.execPath, ROOT, root)).not.toThrow();
    cpSync(join(root, 'keytar.node'), join(root, 'better_sqlite3.node'));
    expect(() => verifyBuild(process.execPath, ROOT, root)).toThrow(/do not load/);
  });
});

describe('Electron binary check', () => {
  it('is one sentence saying why and what still works', () => {
    const message = noElectronMessage('npm start');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(
      /^npm start needs the Electron binary, .*npm test and npm run build work without it\.$/,
    );
  });

  it('reports a failed download as not found, and finds a present binary', () => {
    root = mkdtempSync(join(tmpdir(), 'kyc-desk-electron-'));
    const electron = join(root, 'node_modules', 'electron');
    write(join(electron, 'package.json'), '{"name":"electron","version":"45.5.0","main":"index.js"}');
    write(
      join(electron, 'index.js'),
      "console.log('Downloading Electron binary...'); throw new Error('fetch failed');",
    );
    expect(findElectronBinary(root)).toEqual({ ok: false });
    write(
      join(electron, 'index.js'),
      "console.log('Downloading Electron binary...'); module.exports = process.execPath;",
    );
    expect(findElectronBinary(root)).toEqual({ ok: true, path: process.execPath, version: '45.5.0' });
  });

  it.skipIf(installedElectron() !== null)(
    'makes `npm start` print only that sentence and fail when Electron cannot be downloaded',
    () => {
      // A dead mirror and an empty download cache make the download fail on any machine, so this test
      // never fetches Electron (and never starts the app) even where the release server is reachable.
      root = mkdtempSync(join(tmpdir(), 'kyc-desk-electron-cache-'));
      const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: root };
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env,
        },
      );
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe(noElectronMessage('npm start'));
    },
  );
});

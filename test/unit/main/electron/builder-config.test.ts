import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../electron/electron-binary';

// Loaded and validated by electron-builder's own code (its loader resolves `extends`; its validator
// checks against node_modules/app-builder-lib/scheme.json), so what passes here is what `npm run dist`
// would accept. Packaging itself needs the Electron binary and cannot run on this machine.
const load = (file: string) => getConfig(ROOT, file, null);

const SHIPPED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

function targetsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((t: unknown) => (typeof t === 'string' ? t : String(Reflect.get(Object(t), 'target'))));
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(
      validateConfiguration(await load('electron-builder.yml'), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is really checked: the same validator refuses an unknown option', async () => {
    const config = { ...(await load('electron-builder.yml')), notAnOption: true };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or --inspect; cookie encryption; asar only and verified', async () => {
    expect((await load('electron-builder.yml')).electronFuses).toEqual(SHIPPED_FUSES);
  });

  it('unpacks the native modules from the asar and ships the Electron builds, not node_modules’', async () => {
    const config = await load('electron-builder.yml');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['native/*.node', '**/*.node']));
    // The loader normalises `files` into file sets: the app's own patterns, then the native set.
    const sets = Array.isArray(config.files) ? config.files : [];
    expect(sets).toContainEqual({ from: 'native/package', to: 'native', filter: ['*.node'] });
    const patterns = sets.flatMap((set) => (typeof set === 'object' && !set.from ? (set.filter ?? []) : []));
    expect(patterns).toEqual(
      expect.arrayContaining([
        'out/**/*',
        'package.json',
        '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
        '!node_modules/keytar/{build,src}/**',
      ]),
    );
    // electron-builder's in-place rebuild would break `npm test` (see the config's comment).
    expect(config.npmRebuild).toBe(false);
  });

  it('targets AppImage and deb, dmg, and nsis, with the icon', async () => {
    const config = await load('electron-builder.yml');
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    for (const platform of [config.linux, config.mac, config.win])
      expect(platform?.icon).toBe('resources/icon.png');
    expect(config.appId).toBe('com.kycdesk.desktop');
    expect(config.productName).toBe('KYC Desk');
  });

  it('has a real 512×512 PNG icon', () => {
    const icon = PNG.sync.read(readFileSync(join(ROOT, 'resources', 'icon.png')));
    expect([icon.width, icon.height]).toEqual([512, 512]);
    // Opaque in the middle (the card), transparent in the corner (the rounded square's margin).
    expect(icon.data[(256 * 512 + 256) * 4 + 3]).toBe(255);
    expect(icon.data[3]).toBe(0);
  });
});

describe('Electron version (checklist #16)', () => {
  it('is pinned exactly, so an upgrade is a reviewed change', () => {
    const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const dev: unknown = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'devDependencies') : null;
    const electron: unknown = typeof dev === 'object' && dev !== null ? Reflect.get(dev, 'electron') : null;
    expect(electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(String(electron).split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});

describe('electron-builder.e2e.yml (test package for Playwright, never shipped)', () => {
  it('is valid and differs from the shipped config only by keeping --inspect', async () => {
    const shipped = await load('electron-builder.yml');
    const e2e = await load('electron-builder.e2e.yml');
    await expect(validateConfiguration(e2e, new DebugLogger(false))).resolves.toBeUndefined();
    expect(e2e.electronFuses).toEqual({ ...SHIPPED_FUSES, enableNodeCliInspectArguments: true });
    expect(e2e.directories?.output).toBe('release/e2e');
    const strip = (c: object) => ({ ...c, electronFuses: null, directories: null, extends: null });
    expect(strip(e2e)).toEqual(strip(shipped));
  });
});

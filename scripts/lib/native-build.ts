import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NATIVE_FILES, nativeDirName } from '../../src/main/native';

/**
 * Builds better-sqlite3-multiple-ciphers and keytar for Electron's ABI into
 * `native/electron-<version>-<platform>-<arch>/`, leaving node_modules (the Node builds that
 * `npm test` uses) untouched. The packages are copied to a scratch folder and rebuilt there with
 * @electron/rebuild (a prebuilt binary when one is published for this Electron, otherwise node-gyp
 * against Electron's headers), checked by loading them in Electron, then moved into place. A stamp
 * records what they were built from, so the next start rebuilds only when Electron or a module changes.
 */
export const NATIVE_MODULES = {
  betterSqlite3: { pkg: 'better-sqlite3-multiple-ciphers', file: NATIVE_FILES.betterSqlite3 },
  keytar: { pkg: 'keytar', file: NATIVE_FILES.keytar },
} as const;

/** Copied beside the two packages: what their binding.gyp files require at build time. */
const BUILD_DEPS = ['node-addon-api'];
const STAMP = 'stamp.json';

export interface NativeTarget {
  root: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}

export interface Stamp {
  electron: string;
  platform: string;
  arch: string;
  modules: Record<string, string>;
}

export function sideDir(target: NativeTarget): string {
  return join(target.root, 'native', nativeDirName(target.electronVersion, target.platform, target.arch));
}

function packageVersion(root: string, name: string): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'version') : undefined;
  if (typeof version !== 'string') throw new Error(`${name} has no version`);
  return version;
}

export function expectedStamp(target: NativeTarget): Stamp {
  const modules: Record<string, string> = {};
  for (const { pkg } of Object.values(NATIVE_MODULES)) modules[pkg] = packageVersion(target.root, pkg);
  return { electron: target.electronVersion, platform: target.platform, arch: target.arch, modules };
}

/** Up to date when both files exist and the stamp names exactly this Electron and these modules. */
export function isUpToDate(dir: string, stamp: Stamp): boolean {
  if (!Object.values(NATIVE_MODULES).every(({ file }) => existsSync(join(dir, file)))) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(join(dir, STAMP), 'utf8'))) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

/** Copies a package without its `build/` output, so nothing of the Node build can leak into the result. */
function copyPackage(root: string, name: string, scratch: string): void {
  const from = join(root, 'node_modules', name);
  const skip = join(from, 'build');
  cpSync(from, join(scratch, 'node_modules', name), {
    recursive: true,
    filter: (path) => path !== skip && !path.startsWith(skip + sep),
  });
}

/**
 * Loads both builds in Electron-as-Node (the development binary, which has no fuses): opens an
 * in-memory database through the new better-sqlite3 addon and checks keytar's exports. A build for
 * the wrong ABI fails here, not when the officer starts the app.
 */
export function verifyBuild(electronPath: string, root: string, dir: string): void {
  const sqlite = join(dir, NATIVE_MODULES.betterSqlite3.file);
  const keytar = join(dir, NATIVE_MODULES.keytar.file);
  const script = [
    `const Database = require(${JSON.stringify(join(root, 'node_modules', NATIVE_MODULES.betterSqlite3.pkg))});`,
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(sqlite)} });`,
    `if (!db.prepare('select sqlite3mc_version() as v').get().v) throw new Error('not SQLite3 Multiple Ciphers');`,
    'db.close();',
    'const k = { exports: {} };',
    `process.dlopen(k, ${JSON.stringify(keytar)});`,
    "if (typeof k.exports.getPassword !== 'function') throw new Error('keytar exports missing');",
  ].join('\n');
  const result = spawnSync(electronPath, ['-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`The Electron builds of the native modules do not load:\n${result.stderr}`);
  }
}

export interface RebuildRequest {
  buildPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  onlyModules: string[];
  force: boolean;
  mode: 'sequential';
}

/** @electron/rebuild, loaded only when a build is needed (it is ESM and slow to import). */
async function electronRebuild(request: RebuildRequest): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(request);
}

export interface EnsureOptions {
  electronPath: string;
  log?: (line: string) => void;
  /** Tests: stand-ins for @electron/rebuild and the load check. */
  rebuild?: (request: RebuildRequest) => Promise<void>;
  verify?: (electronPath: string, root: string, dir: string) => void;
}

/** Returns the side directory, building it first when it is missing or stale. */
export async function ensureNative(target: NativeTarget, options: EnsureOptions): Promise<string> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = sideDir(target);
  const stamp = expectedStamp(target);
  if (isUpToDate(dir, stamp)) return dir;

  log(`Building the native modules for Electron ${target.electronVersion} (once per Electron version)…`);
  // Inside the project, so @electron/rebuild finds prebuild-install in the project's node_modules.
  const scratch = join(target.root, 'native', `.build-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'node_modules'), { recursive: true });
  try {
    const names = Object.values(NATIVE_MODULES).map(({ pkg }) => pkg);
    for (const name of [...names, ...BUILD_DEPS]) copyPackage(target.root, name, scratch);
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'kyc-desk-native-build', private: true, dependencies: stamp.modules }, null, 2),
    );
    await (options.rebuild ?? electronRebuild)({
      buildPath: scratch,
      electronVersion: target.electronVersion,
      platform: target.platform,
      arch: target.arch,
      onlyModules: names,
      force: true,
      mode: 'sequential',
    });

    const staged = join(scratch, 'out');
    mkdirSync(staged);
    for (const { pkg, file } of Object.values(NATIVE_MODULES)) {
      cpSync(join(scratch, 'node_modules', pkg, 'build', 'Release', file), join(staged, file));
    }
    (options.verify ?? verifyBuild)(options.electronPath, target.root, staged);
    writeFileSync(join(staged, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    renameSync(staged, dir);
    log(`Native modules ready in ${relative(target.root, dir)}.`);
    return dir;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

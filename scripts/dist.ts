// `npm run dist [-- <electron-builder args>]`: packages KYC Desk for this machine's platform with
// electron-builder (config: electron-builder.yml). `--e2e` uses electron-builder.e2e.yml instead (a
// test package that keeps --inspect for Playwright; never shipped).
//
// electron-builder's own native rebuild is off (npmRebuild: false): it would rebuild node_modules in
// place for Electron and break `npm test`. The Electron builds come from the same side directory
// `npm start` uses, staged in native/package/ and unpacked from the asar by the config.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findElectronBinary, noElectronMessage } from './lib/electron-binary';
import { ensureNative, NATIVE_MODULES } from './lib/native-build';

const root = resolve(__dirname, '..');
const STAGE_DIR = join(root, 'native', 'package');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const e2e = args.includes('--e2e');
  const builderArgs = args.filter((arg) => arg !== '--e2e');
  const electron = findElectronBinary(root);
  if (!electron.ok) {
    console.error(noElectronMessage('npm run dist'));
    process.exit(1);
  }
  const dir = await ensureNative(
    { root, electronVersion: electron.version, platform: process.platform, arch: process.arch },
    { electronPath: electron.path },
  );
  rmSync(STAGE_DIR, { recursive: true, force: true });
  mkdirSync(STAGE_DIR, { recursive: true });
  for (const { file } of Object.values(NATIVE_MODULES)) cpSync(join(dir, file), join(STAGE_DIR, file));

  run([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  const config = e2e ? 'electron-builder.e2e.yml' : 'electron-builder.yml';
  run([
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    config,
    '--publish',
    'never',
    ...builderArgs,
  ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

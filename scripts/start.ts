// `npm start`: builds the Electron-ABI native modules into native/ (first run and after an upgrade
// only), builds the app, and runs it in Electron. node_modules keeps its Node builds, so `npm test`
// works before and after, in either order, with no manual rebuild.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appEnv, findElectronBinary, noElectronMessage } from './lib/electron-binary';
import { ensureNative } from './lib/native-build';

const root = resolve(__dirname, '..');

function buildApp(): void {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  // First, before any slow work: without the Electron binary nothing below can succeed.
  const electron = findElectronBinary(root);
  if (!electron.ok) {
    console.error(noElectronMessage('npm start'));
    process.exit(1);
  }
  await ensureNative(
    { root, electronVersion: electron.version, platform: process.platform, arch: process.arch },
    { electronPath: electron.path },
  );
  buildApp();
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: appEnv(),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

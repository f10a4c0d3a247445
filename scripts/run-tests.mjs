#!/usr/bin/env node
// `npm test`: runs every suite under plain Node. On Linux the keychain tests need a Secret Service;
// rather than touch the developer's real keyring, the whole run moves into its own D-Bus session with
// a throwaway gnome-keyring in a temporary XDG home, which is deleted afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, commandArgs, env = process.env) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Newest modification time of the files under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

// The e2e tests serve the built renderer (out/renderer): build it when it is missing or older than its
// sources, so a test never runs against yesterday's UI. (The run inside the D-Bus session below
// checks again and finds it fresh.)
{
  const built = existsSync(join('out', 'renderer', 'index.html')) ? newest(join('out', 'renderer')) : 0;
  const sources = Math.max(
    newest(join('src', 'renderer')),
    newest(join('src', 'shared')),
    newest('electron.vite.config.ts'),
  );
  if (built < sources) {
    console.log(
      built === 0 ? 'Building the renderer (out/renderer is missing)…' : 'Rebuilding the renderer…',
    );
    const status = run(process.execPath, [
      join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'build',
    ]);
    if (status !== 0) process.exit(status);
  }
}

if (process.platform === 'linux' && process.env.KYC_DESK_TEST_KEYRING !== 'own') {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'npm test needs dbus-run-session and gnome-keyring-daemon for the keychain tests.\n' +
        'On Debian/Ubuntu: sudo apt-get install dbus gnome-keyring (see README, "Linux prerequisites").',
    );
    process.exit(1);
  }
  const home = mkdtempSync(join(tmpdir(), 'kyc-desk-test-'));
  for (const dir of ['data', 'config', 'cache', 'runtime']) mkdirSync(join(home, dir), { mode: 0o700 });
  const env = {
    ...process.env,
    KYC_DESK_TEST_KEYRING: 'own',
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_RUNTIME_DIR: join(home, 'runtime'),
  };
  const inner = `printf 'kyc-desk-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node "$0" "$@"`;
  const status = run('dbus-run-session', ['--', 'sh', '-c', inner, process.argv[1], ...args], env);
  rmSync(home, { recursive: true, force: true });
  process.exit(status);
}

const vitest = join('node_modules', 'vitest', 'vitest.mjs');
process.exit(run(process.execPath, [vitest, 'run', ...args]));

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = '@@kyc-desk-electron@@';

/** The one sentence `npm start` / `npm run dist` print when there is no Electron binary. */
export function noElectronMessage(command: string): string {
  return (
    `${command} needs the Electron binary, which could not be downloaded on this machine ` +
    "(no access to Electron's release server); npm test and npm run build work without it."
  );
}

export type ElectronBinary = { ok: true; path: string; version: string } | { ok: false };

/**
 * Finds the Electron executable the way `electron .` would: `require('electron')` returns its path and
 * downloads it on first use. That runs in a child process with its output captured, so a failed
 * download (no network to Electron's release server) becomes `{ ok: false }` and the caller can say
 * so in one sentence instead of a stack trace, before any native build is attempted.
 */
export function findElectronBinary(root: string): ElectronBinary {
  const script = `process.stdout.write(${JSON.stringify(MARKER)} + require('electron'))`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0 || typeof result.stdout !== 'string') return { ok: false };
  const at = result.stdout.lastIndexOf(MARKER);
  if (at < 0) return { ok: false };
  const path = result.stdout.slice(at + MARKER.length).trim();
  if (!path || !existsSync(path)) return { ok: false };
  return { ok: true, path, version: electronVersion(root) };
}

/** The version of the installed `electron` package (what the native modules must be built for). */
export function electronVersion(root: string): string {
  const pkg: unknown = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  const version = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'version') : undefined;
  if (typeof version !== 'string') throw new Error('node_modules/electron/package.json has no version');
  return version;
}

/** Environment for running Electron as the app (never as plain Node, whatever the caller's shell had). */
export function appEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

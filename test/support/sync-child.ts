/*
 * Test-only: one sync engine in its own process, so the crash test can SIGKILL it at any moment.
 * Configuration comes from the environment (cache path and key, simulator URL, shared scaled clock);
 * it prints "ready" once the engine runs and stops cleanly on SIGTERM.
 */
import { openKeyedCache } from '../unit/main/db/fixture';
import { createSyncEngine } from '../../src/main/sync/engine';
import type { Timers } from '../../src/main/sync/options';
import { syncClient } from './sync-harness';
import { wallScaledClock } from './sync-clock';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

const scale = Number(env('SYNC_SCALE'));
const clock = wallScaledClock(Number(env('SYNC_T0')), Number(env('SYNC_WALL0')), scale);
const timers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms <= 0 ? 0 : Math.ceil(ms / scale) + 1),
  clearTimeout: (handle) => clearTimeout(handle),
};

const cache = openKeyedCache(env('SYNC_CACHE_PATH'), env('SYNC_CACHE_KEY'));
const engine = createSyncEngine({
  db: cache.db,
  workspaceId: env('SYNC_WS'),
  client: syncClient(env('SYNC_SIM_URL'), clock),
  clock,
  timers,
  osUser: 'child',
  logger: {
    debug() {},
    warn() {},
    error: (message, meta) => process.stderr.write(`${message} ${JSON.stringify(meta ?? {})}\n`),
  },
});
engine.start();
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  engine
    .stop()
    .then(() => {
      cache.close();
      process.exit(0);
    })
    .catch(() => process.exit(1));
});

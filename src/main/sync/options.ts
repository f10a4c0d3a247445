import { silentLogger, type Logger, type OndatoClient } from '../ondato';
import type { Db } from '../db/sql';
import type { PollGate } from './poll-gate';

export type TimerHandle = ReturnType<typeof setTimeout>;

/** Injected so tests and benchmarks can scale time; the defaults are Node's timers. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface SyncEngineOptions {
  /** Case checks in flight at once (default 4). */
  concurrency?: number;
  /** Requests a second to Ondato, every HTTP request counted (default 5, Ondato's documented limit). */
  ratePerSecond?: number;
  /** Token bucket size (default = ratePerSecond). */
  burst?: number;
  /** Larger downloads are refused (default 15 MB). */
  maxImageBytes?: number;
  /** Consecutive network failures that make the engine offline (default 3). */
  offlineAfterFailures?: number;
  /** Wait between probes while offline, doubling from min to max, jittered (default 5 s → 5 min). */
  probeBackoff?: { min?: number; max?: number };
}

export interface SyncEngineDeps {
  db: Db;
  workspaceId: string;
  client: OndatoClient;
  clock?: { now(): number };
  /** [0, 1), for jitter. */
  random?: () => number;
  timers?: Timers;
  /** Recorded in the audit rows the engine writes. */
  osUser: string;
  logger?: Logger;
  options?: SyncEngineOptions;
  /** Team mode: only cases whose team lease this desk holds are polled (see poll-gate.ts). */
  pollGate?: PollGate | undefined;
}

export interface ResolvedOptions {
  concurrency: number;
  ratePerSecond: number;
  burst: number;
  maxImageBytes: number;
  offlineAfterFailures: number;
  probeMin: number;
  probeMax: number;
}

export interface Runtime {
  db: Db;
  ws: string;
  client: OndatoClient;
  now: () => number;
  random: () => number;
  timers: Timers;
  osUser: string;
  logger: Logger;
  options: ResolvedOptions;
}

const MB = 1024 * 1024;

function positive(value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return fallback;
  return integer ? Math.max(1, Math.floor(value)) : value;
}

export function resolveOptions(options: SyncEngineOptions = {}): ResolvedOptions {
  const ratePerSecond = positive(options.ratePerSecond, 5);
  const probeMin = positive(options.probeBackoff?.min, 5_000);
  return {
    concurrency: positive(options.concurrency, 4, true),
    ratePerSecond,
    burst: positive(options.burst, Math.max(1, ratePerSecond)),
    maxImageBytes: positive(options.maxImageBytes, 15 * MB, true),
    offlineAfterFailures: positive(options.offlineAfterFailures, 3, true),
    probeMin,
    probeMax: Math.max(probeMin, positive(options.probeBackoff?.max, 5 * 60_000)),
  };
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export function runtimeOf(deps: SyncEngineDeps): Runtime {
  const clock = deps.clock ?? { now: () => Date.now() };
  return {
    db: deps.db,
    ws: deps.workspaceId,
    client: deps.client,
    now: () => clock.now(),
    random: deps.random ?? Math.random,
    timers: deps.timers ?? nodeTimers,
    osUser: deps.osUser,
    logger: deps.logger ?? silentLogger,
    options: resolveOptions(deps.options),
  };
}

/** Logs an unexpected exception by its kind only: its message could carry customer data. */
export function logUnexpected(
  logger: Logger,
  where: string,
  error: unknown,
  meta: Record<string, unknown> = {},
): void {
  const kind = error instanceof Error ? error.name : typeof error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  logger.error(`sync: unexpected error in ${where}`, { ...meta, kind, ...(code ? { code } : {}) });
}

import type { Timers } from '../src/main/sync/options';

/**
 * Time that runs `factor` times faster than the wall clock, shared by the simulator (lifecycle and
 * autopilot), the Ondato client (token expiry) and the poller (schedule, rate limit), so an hour of
 * branch traffic takes a minute. Everything reported is in this simulated time.
 */
export interface ScaledTime {
  factor: number;
  /** Simulated and real time at the start, so another thread can compute the same clock. */
  start: number;
  realStart: number;
  clock: { now(): number };
  timers: Timers;
  /** Resolves after `ms` of simulated time. */
  sleep(ms: number): Promise<void>;
}

export function scaledTime(factor: number, start = Date.UTC(2026, 0, 5, 9, 0, 0)): ScaledTime {
  const realStart = Date.now();
  const clock = { now: (): number => start + Math.round((Date.now() - realStart) * factor) };
  const timers: Timers = {
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms / factor)),
    clearTimeout: (handle) => clearTimeout(handle),
  };
  return {
    factor,
    start,
    realStart,
    clock,
    timers,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
  };
}

import type { TimerHandle, Timers } from '../../src/main/sync/options';

/**
 * A clock that only moves when told, with timers that fire as it passes their time: unit tests of the
 * engine's pieces run instantly and deterministically. Handles are real (never-started) Node timeouts
 * so they satisfy the Timers type; the callbacks are kept here.
 */
export interface ManualTime {
  clock: { now(): number };
  timers: Timers;
  /** Moves the clock by `ms`, firing due timers in time order. */
  advance(ms: number): void;
  pending(): number;
}

export function manualTime(start = 1_000_000): ManualTime {
  let now = start;
  let order = 0;
  const queue = new Map<TimerHandle, { at: number; order: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      const handle = setTimeout(() => undefined, 0);
      clearTimeout(handle);
      queue.set(handle, { at: now + Math.max(0, ms), order: (order += 1), callback });
      return handle;
    },
    clearTimeout(handle) {
      queue.delete(handle);
    },
  };
  return {
    clock: { now: () => now },
    timers,
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const next = [...queue.entries()]
          .filter(([, t]) => t.at <= target)
          .sort(([, a], [, b]) => a.at - b.at || a.order - b.order)[0];
        if (!next) break;
        queue.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].callback();
      }
      now = target;
    },
    pending: () => queue.size,
  };
}

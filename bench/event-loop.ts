import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay of this (the main) thread over a stretch of work, in milliseconds. */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

/** The main process's budget: one frame. Beyond it the window's IPC answers and events queue up. */
export const EVENT_LOOP_P99_TARGET_MS = 16;

/**
 * Starts Node's event-loop delay histogram (10 ms sampling timer); `stop()` returns what it saw. The
 * delay is how late a timer fires because synchronous work (SQLite, JSON, crypto) held the thread.
 */
export function watchEventLoop(): { stop(): EventLoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = (ns: number): number => Math.round((ns / 1e6) * 100) / 100;
      return {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
        samples: histogram.count,
      };
    },
  };
}

/**
 * The same histogram over `ms` of doing nothing: what the machine alone costs (other processes taking
 * the CPU). On a shared, loaded machine this is far from zero, and a measured delay means little
 * without it.
 */
export async function idleBaseline(ms = 2_000): Promise<EventLoopDelay> {
  const watch = watchEventLoop();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return watch.stop();
}

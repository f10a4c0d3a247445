import { AppError } from '../errors';
import type { RateLimiter } from './rate-limiter';
import type { TimerHandle, Timers } from './options';

/** Rejects the requests still waiting for a token when the engine stops (officer-safe, typed). */
export class SyncStopped extends AppError {
  constructor() {
    super('sync_stopped', 'Syncing stopped before the case could be checked; try again.');
    this.name = 'SyncStopped';
  }
}

interface Waiter {
  priority: number;
  order: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Hands out the rate limiter's tokens to waiting requests, most urgent first (the case on screen before
 * a settled one), with one timer for the next token rather than every waiter polling on its own.
 */
export class RequestGate {
  private readonly waiters: Waiter[] = [];
  private timer: TimerHandle | null = null;
  private order = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly timers: Timers,
  ) {}

  /** Resolves when the request may be sent. Lower `priority` goes first; equal ones in arrival order. */
  acquire(priority: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ priority, order: (this.order += 1), resolve, reject });
      this.waiters.sort((a, b) => a.priority - b.priority || a.order - b.order);
      this.pump();
    });
  }

  /** A 429's Retry-After: nobody gets a token before `at` (Ondato's limit is per client). */
  pauseUntil(at: number): void {
    this.limiter.pauseUntil(at);
    this.rearm();
  }

  get pausedUntil(): number {
    return this.limiter.pausedUntilMs;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  cancelAll(error: Error = new SyncStopped()): void {
    this.clearTimer();
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private rearm(): void {
    this.clearTimer();
    this.pump();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.timer !== null) return;
    while (this.waiters.length > 0) {
      const taken = this.limiter.tryTake();
      if (!taken.ok) {
        this.timer = this.timers.setTimeout(
          () => {
            this.timer = null;
            this.pump();
          },
          Math.max(1, taken.waitMs),
        );
        return;
      }
      this.waiters.shift()!.resolve();
    }
  }
}

/**
 * At most `size` holders at once; the rest wait in arrival order. Downloads use it: a slow link
 * fetching 15 MB images must not hold the slots that status checks of other cases need.
 */
export class Slots {
  private used = 0;
  private readonly waiters: { resolve: (release: () => void) => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly size: number) {}

  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.grant();
    });
  }

  cancelAll(error: Error = new SyncStopped()): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private grant(): void {
    while (this.used < this.size && this.waiters.length > 0) {
      this.used += 1;
      let released = false;
      this.waiters.shift()!.resolve(() => {
        if (released) return;
        released = true;
        this.used -= 1;
        this.grant();
      });
    }
  }
}

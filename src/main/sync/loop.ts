import * as schedule from '../db/repos/schedule';
import * as queue from '../db/repos/sync-queue';
import type { ScheduleEntry } from '../db/repos/schedule';
import { PRIORITY } from './cadence';
import { logUnexpected, type Runtime, type TimerHandle } from './options';

/*
 * The scheduling half of the engine. It never ticks: after each pass it sleeps until the next
 * schedule entry of the workspace is due (capped, in case the wall clock jumps after a laptop sleeps),
 * and is woken early by wake() (a new case, the viewed case changed, settings) or by a check finishing
 * (a free slot). Due entries are read in batches ordered by priority class, then most overdue; a batch
 * is re-read at most once a second, so a backlog of 100,000 overdue cases costs one sorted query a
 * second, not one per request.
 */

const BATCH = 32;
const REFILL_MS = 1_000;
/** Never sleep shorter than this (clock ms): a floor against spinning on a row that cannot be taken. */
const MIN_SLEEP_MS = 100;
const MAX_SLEEP_MS = 60_000;
const ERROR_RETRY_MS = 5_000;

export type LoopMode = 'poll' | 'probe' | 'hold';

export interface LoopHooks {
  /** 'poll' normally; 'probe' while offline; 'hold' when disabled, stopped or refused by Ondato. */
  mode(): LoopMode;
  inFlightIds(): string[];
  freeSlots(): number;
  /** 'deferred': the case was not started (team mode: another desk polls it) and takes no slot. */
  dispatch(entry: ScheduleEntry): 'started' | 'deferred';
  nextProbeDelay(): number;
  probe(): Promise<void>;
  queuedChanged(queued: number): void;
}

const RANKS: Readonly<Record<string, number>> = PRIORITY;

/** The request priority of a schedule reason; reasons that are not cadence classes rank as unknown. */
export function priorityOf(reason: string | null): number {
  return reason !== null && Object.hasOwn(RANKS, reason) ? RANKS[reason] : PRIORITY.unknown;
}

export class SyncLoop {
  private batch: ScheduleEntry[] = [];
  private batchAt = Number.NEGATIVE_INFINITY;
  private dirty = true;
  private timer: TimerHandle | null = null;
  private probeTimer: TimerHandle | null = null;
  private probing = false;
  private active = false;

  constructor(
    private readonly rt: Runtime,
    private readonly hooks: LoopHooks,
  ) {}

  start(): void {
    this.active = true;
    this.wake();
  }

  stop(): void {
    this.active = false;
    this.clearTimers();
    this.batch = [];
  }

  /** Something changed (a case added, the viewed case, the state): re-read the queue now. */
  wake(): void {
    this.dirty = true;
    this.pump();
  }

  /** One pass: dispatch due cases into free slots, then sleep until the next one is due. */
  pump(): void {
    if (!this.active) return;
    this.clearTimer();
    try {
      const mode = this.hooks.mode();
      if (mode !== 'probe') this.clearProbe();
      if (mode === 'hold') return;
      if (mode === 'probe') {
        this.scheduleProbe();
        return;
      }
      const now = this.rt.now();
      let slots = this.hooks.freeSlots();
      while (slots > 0) {
        const entry = this.nextDue(now);
        if (!entry) break;
        if (this.hooks.dispatch(entry) !== 'deferred') slots -= 1;
      }
      if (slots > 0) this.sleepUntilNextDue(now);
    } catch (error) {
      logUnexpected(this.rt.logger, 'loop', error);
      this.arm(ERROR_RETRY_MS);
    }
  }

  private nextDue(now: number): ScheduleEntry | null {
    let refilled = false;
    if (this.dirty || now - this.batchAt >= REFILL_MS) {
      this.refill(now);
      refilled = true;
    }
    for (;;) {
      const busy = new Set(this.hooks.inFlightIds());
      while (this.batch.length > 0) {
        const entry = this.batch.shift()!;
        if (busy.has(entry.caseId)) continue;
        // The batch may be a second old: a refresh may have checked this case meanwhile.
        const current = schedule.get(this.rt.db, entry.caseId);
        if (current && current.nextAt <= now) return current;
      }
      if (refilled) return null;
      this.refill(now);
      refilled = true;
    }
  }

  private refill(now: number): void {
    const { db, ws } = this.rt;
    const busy = this.hooks.inFlightIds();
    this.batch = queue.dueFor(db, ws, now, BATCH, PRIORITY, busy);
    this.batchAt = now;
    this.dirty = false;
    this.hooks.queuedChanged(queue.countDue(db, ws, now, busy));
  }

  private sleepUntilNextDue(now: number): void {
    const next = queue.nextDueAtFor(this.rt.db, this.rt.ws, this.hooks.inFlightIds());
    if (next === null) return; // nothing scheduled: track() will wake us
    this.arm(Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, next - now)));
  }

  private arm(ms: number): void {
    this.clearTimer();
    this.timer = this.rt.timers.setTimeout(() => {
      this.timer = null;
      this.dirty = true;
      this.pump();
    }, ms);
  }

  private scheduleProbe(): void {
    if (this.probeTimer !== null || this.probing) return;
    this.probeTimer = this.rt.timers.setTimeout(() => {
      this.probeTimer = null;
      if (!this.active || this.hooks.mode() !== 'probe') return this.pump();
      this.probing = true;
      this.hooks
        .probe()
        .catch((error: unknown) => logUnexpected(this.rt.logger, 'probe', error))
        .finally(() => {
          this.probing = false;
          this.pump();
        });
    }, this.hooks.nextProbeDelay());
  }

  /** The most urgent case of the workspace, due or not: what a probe asks Ondato about. */
  mostUrgent(): ScheduleEntry | null {
    const { db, ws } = this.rt;
    return queue.dueFor(db, ws, Number.MAX_SAFE_INTEGER, 1, PRIORITY, this.hooks.inFlightIds())[0] ?? null;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.rt.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private clearProbe(): void {
    if (this.probeTimer !== null) this.rt.timers.clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private clearTimers(): void {
    this.clearTimer();
    this.clearProbe();
  }
}

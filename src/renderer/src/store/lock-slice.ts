import type { LockStatus } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './types';

/** The renderer tells main about key presses and clicks at most this often (main keeps the idle clock). */
export const ACTIVITY_PING_MS = 30_000;

export interface LockSlice {
  /** Null until main first reports it. While `locked`, the app renders only the lock screen. */
  lock: LockStatus | null;
  /** When the last `lock:activity` went to main (Date.now()). */
  lastActivityPing: number;
  /** Takes a status from main; a locked → unlocked change finishes a start that the lock interrupted. */
  applyLock(status: LockStatus): void;
  unlock(pin: string): Promise<ActionResult<LockStatus>>;
  setPin(pin: string, currentPin?: string): Promise<ActionResult<LockStatus>>;
  clearPin(currentPin: string): Promise<ActionResult<LockStatus>>;
  lockNow(): Promise<ActionResult<LockStatus>>;
  /** Throttled to one ping per ACTIVITY_PING_MS. */
  reportActivity(): void;
}

export const createLockSlice: SliceCreator<LockSlice> = (set, get) => {
  async function run(action: () => Promise<LockStatus>): Promise<ActionResult<LockStatus>> {
    const result = await attempt(action);
    if (result.ok) get().applyLock(result.value);
    return result;
  }

  return {
    lock: null,
    lastActivityPing: Number.NEGATIVE_INFINITY,

    applyLock(status) {
      const wasLocked = get().lock?.locked === true;
      set({ lock: status });
      if (!wasLocked || status.locked) return;
      if (get().boot.status !== 'ready') void get().start();
      // Case changes that arrived while locked were not fetched.
      else if (get().activeWorkspaceId !== null) void get().refreshCaseList();
    },

    unlock: (pin) => run(() => call('lock:unlock', { pin })),
    setPin: (pin, currentPin) =>
      run(() => call('lock:set-pin', currentPin === undefined ? { pin } : { pin, currentPin })),
    clearPin: (currentPin) => run(() => call('lock:clear-pin', { currentPin })),
    lockNow: () => run(() => call('lock:now', undefined)),

    reportActivity() {
      const now = Date.now();
      if (now - get().lastActivityPing < ACTIVITY_PING_MS) return;
      set({ lastActivityPing: now });
      void attempt(() => call('lock:activity', undefined));
    },
  };
};

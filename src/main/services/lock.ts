import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import * as settingsRepo from '../db/repos/settings';
import type { Db } from '../db/sql';
import { AppError } from '../errors';
import type { EventBus } from '../events';
import type { LockStatus } from '../../shared/domain/views';
import type { RequestChannel } from '../../shared/ipc/channels';
import { invalidInput } from './errors';

/*
 * The optional auto-lock. After `autoLockMinutes` without officer activity (the renderer reports key
 * presses and clicks through `lock:activity`) — or on "Lock now" — main refuses every data channel
 * until the officer types the local PIN. The PIN is kept only as a salted scrypt hash in the settings
 * table of the encrypted cache; it is never stored, returned or logged.
 */

export const PIN_KEY = 'lock.pin';
export const ATTEMPTS_KEY = 'lock.attempts';
/** Wrong PINs in a row before the next try has to wait. */
export const MAX_PIN_TRIES = 5;
export const PIN_THROTTLE_MS = 30_000;
/** How often the core asks the lock whether the idle time has run out. */
export const IDLE_CHECK_MS = 10_000;

/** What the renderer may still call while locked: nothing here shows case data. */
export const OPEN_WHILE_LOCKED: ReadonlySet<RequestChannel> = new Set<RequestChannel>([
  'app:info',
  'settings:get',
  'sync:status',
  'lock:status',
  'lock:set-pin',
  'lock:clear-pin',
  'lock:now',
  'lock:unlock',
  'lock:activity',
  // The customer-facing counter view shows nothing of the case but its link and progress; it must keep
  // working for the customer while the officer's window locks (ADR 0018). Leaving it needs the PIN.
  'counter:view',
  'counter:close',
]);

const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const KEY_LENGTH = 32;

interface StoredPin {
  v: 1;
  n: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

interface Attempts {
  failures: number;
  until: number;
}

export interface LockService {
  status(): LockStatus;
  isLocked(): boolean;
  /** Sets or changes the PIN; changing needs the current one. */
  setPin(pin: string, currentPin?: string): Promise<LockStatus>;
  clearPin(currentPin: string): Promise<LockStatus>;
  lockNow(): LockStatus;
  unlock(pin: string): Promise<LockStatus>;
  /** Checks the PIN without changing the lock (counter mode's exit); throws as `unlock` does. */
  confirmPin(pin: string): Promise<void>;
  /** The officer did something (typed, clicked): restart the idle time. */
  activity(): void;
  /** Locks if the idle time has run out; returns whether the app is locked. */
  check(): boolean;
}

export interface LockDeps {
  db: Db;
  now(): number;
  events: EventBus;
  /** The current setting (0 = no auto-lock). */
  autoLockMinutes(): number;
}

export function lockedError(): AppError {
  return new AppError('locked', 'KYC Desk is locked. Enter your PIN to continue.');
}

function scryptHash(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function scryptOptions(n: number, r: number, p: number): ScryptOptions {
  // 128·N·r bytes: 32 MiB at N = 2^15, which is exactly Node's default limit, so raise it.
  return { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
}

function readJson(db: Db, key: string): Record<string, unknown> | null {
  const text = settingsRepo.get(db, key);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function readPin(db: Db): StoredPin | null {
  const raw = readJson(db, PIN_KEY);
  if (!raw) return null;
  const { n, r, p, salt, hash } = raw;
  if (typeof n !== 'number' || typeof r !== 'number' || typeof p !== 'number') return null;
  if (typeof salt !== 'string' || typeof hash !== 'string') return null;
  return { v: 1, n, r, p, salt, hash };
}

export function createLockService(deps: LockDeps): LockService {
  const { db, now, events } = deps;
  const storedAttempts = readJson(db, ATTEMPTS_KEY);
  const attempts: Attempts = {
    failures: typeof storedAttempts?.['failures'] === 'number' ? storedAttempts['failures'] : 0,
    until: typeof storedAttempts?.['until'] === 'number' ? storedAttempts['until'] : 0,
  };
  // With a PIN set the app starts locked: quitting and restarting must not get round the lock.
  let locked = readPin(db) !== null;
  let lastActivity = now();
  // PIN checks run one at a time, so concurrent guesses cannot slip past the try counter.
  let queue: Promise<unknown> = Promise.resolve();

  function status(): LockStatus {
    return { locked, pinSet: readPin(db) !== null, retryAt: attempts.until > now() ? attempts.until : null };
  }

  function changed(): LockStatus {
    const next = status();
    events.emit('lock:changed', next);
    return next;
  }

  function saveAttempts(): void {
    settingsRepo.set(db, ATTEMPTS_KEY, JSON.stringify(attempts));
  }

  function serial<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  function throttled(): AppError {
    const seconds = Math.max(1, Math.ceil((attempts.until - now()) / 1000));
    return new AppError(
      'pin_throttled',
      `Too many wrong PINs. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      { fields: { retryAt: [String(attempts.until)] } },
    );
  }

  /** Checks a typed PIN against the stored hash, counting wrong tries; throws when it is wrong. */
  async function verify(pin: string, field: string): Promise<void> {
    const stored = readPin(db);
    if (!stored) return;
    if (attempts.until > now()) throw throttled();
    const expected = Buffer.from(stored.hash, 'base64');
    const actual = await scryptHash(
      pin,
      Buffer.from(stored.salt, 'base64'),
      scryptOptions(stored.n, stored.r, stored.p),
    );
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) {
      if (attempts.failures !== 0 || attempts.until !== 0) {
        attempts.failures = 0;
        attempts.until = 0;
        saveAttempts();
      }
      return;
    }
    attempts.failures += 1;
    if (attempts.failures >= MAX_PIN_TRIES) {
      attempts.failures = 0;
      attempts.until = now() + PIN_THROTTLE_MS;
      saveAttempts();
      changed();
      throw throttled();
    }
    saveAttempts();
    throw new AppError('pin_incorrect', 'That PIN is not correct.', {
      fields: { [field]: ['That PIN is not correct.'] },
    });
  }

  function lock(): void {
    if (locked) return;
    locked = true;
    changed();
  }

  const service: LockService = {
    status,
    isLocked: () => locked,

    setPin(pin, currentPin) {
      return serial(async () => {
        if (readPin(db) !== null) {
          if (currentPin === undefined) throw invalidInput({ currentPin: ['Enter your current PIN.'] });
          await verify(currentPin, 'currentPin');
        }
        const salt = randomBytes(16);
        const hash = await scryptHash(pin, salt, scryptOptions(SCRYPT_N, SCRYPT_R, SCRYPT_P));
        const stored: StoredPin = {
          v: 1,
          n: SCRYPT_N,
          r: SCRYPT_R,
          p: SCRYPT_P,
          salt: salt.toString('base64'),
          hash: hash.toString('base64'),
        };
        settingsRepo.set(db, PIN_KEY, JSON.stringify(stored));
        lastActivity = now();
        return changed();
      });
    },

    clearPin(currentPin) {
      return serial(async () => {
        if (readPin(db) === null) return status();
        await verify(currentPin, 'currentPin');
        settingsRepo.remove(db, PIN_KEY);
        locked = false;
        return changed();
      });
    },

    lockNow() {
      if (readPin(db) === null) {
        throw new AppError('pin_not_set', 'Set a PIN in Settings before you lock KYC Desk.');
      }
      lock();
      return status();
    },

    unlock(pin) {
      return serial(async () => {
        if (!locked) return status();
        await verify(pin, 'pin');
        locked = false;
        lastActivity = now();
        return changed();
      });
    },

    confirmPin(pin) {
      return serial(() => verify(pin, 'pin'));
    },

    activity() {
      if (!locked) lastActivity = now();
    },

    check() {
      if (locked) return true;
      const minutes = deps.autoLockMinutes();
      if (minutes > 0 && now() - lastActivity >= minutes * 60_000 && readPin(db) !== null) lock();
      return locked;
    },
  };
  return service;
}

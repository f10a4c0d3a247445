import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../errors';
import type { Db } from './sql';

/*
 * Storage trouble (the disk is full, an I/O error, a damaged file, another process holding the write
 * lock too long) as typed errors with one sentence the officer can act on. Every write goes through
 * `writeTx`, which starts the transaction IMMEDIATE (the write lock is taken at BEGIN, where SQLite's
 * busy handler can wait for it, instead of at the first write, where a WAL reader that must upgrade
 * gets SQLITE_BUSY at once), retries BUSY a bounded number of times, and refuses to write into a
 * cache already known to be damaged.
 */
export type StorageErrorCode =
  'storage_busy' | 'disk_full' | 'storage_io' | 'cache_damaged' | 'storage_readonly' | 'storage_lost';

const MESSAGES: Record<StorageErrorCode, string> = {
  storage_busy:
    'The local case cache is busy in another KYC Desk window or command; retry in a moment — nothing was saved.',
  disk_full: 'The disk is full: free space, then retry — nothing was saved.',
  storage_io:
    'The disk reported an error while saving to the local case cache; check the disk, then retry — nothing was saved.',
  cache_damaged:
    'The local case cache is damaged; nothing more is written to it. Restore the latest backup (Settings, or `kyc-desk cache restore`).',
  storage_lost:
    "The cache's journal file was deleted while KYC Desk was running; this change may not have been saved, and nothing more is written until KYC Desk is closed and reopened.",
  storage_readonly:
    'The local case cache cannot be written (read-only file or folder); fix the permissions, then retry — nothing was saved.',
};

export function storageError(code: StorageErrorCode, cause?: unknown): AppError {
  return new AppError(code, MESSAGES[code], cause === undefined ? undefined : { cause });
}

export function isStorageError(error: unknown): error is AppError {
  return isAppError(error) && error.code in MESSAGES;
}

/** The storage error a raw SQLite/file-system error stands for, or null for anything else. */
export function classify(error: unknown): StorageErrorCode | null {
  if (isStorageError(error)) return error.code as StorageErrorCode;
  if (error instanceof Database.SqliteError) {
    const code = error.code;
    if (code === 'SQLITE_FULL') return 'disk_full';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'storage_busy';
    if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PROTOCOL')
      return 'storage_io';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'cache_damaged';
    if (code.startsWith('SQLITE_READONLY')) return 'storage_readonly';
    return null;
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (errno === 'ENOSPC' || errno === 'EFBIG' || errno === 'EDQUOT') return 'disk_full';
  if (errno === 'EIO') return 'storage_io';
  return null;
}

/**
 * Like toStorageError, for a failed write into `dir` of a file about as big as `sizeOf`: a generic
 * write error is checked against the room left there (see noRoomFor).
 */
export function toWriteError(error: unknown, dir: string, sizeOf: string): unknown {
  if (classify(error) === 'storage_io' && isWriteError(error) && noRoomFor(dir, [sizeOf]))
    return storageError('disk_full', error);
  return toStorageError(error);
}

/** A typed AppError for storage trouble; any other error is returned unchanged. */
export function toStorageError(error: unknown): unknown {
  if (isAppError(error)) return error;
  const code = classify(error);
  return code === null ? error : storageError(code, error);
}

interface Health {
  damaged: AppError | null;
  /** Device and inode of the WAL file this connection writes to (see checkWal). */
  wal: string | null;
  /** The last storage failure of a write, cleared by the next successful write. */
  lastFailure: { error: AppError; at: number } | null;
}

const health = new WeakMap<Db, Health>();

function healthOf(db: Db): Health {
  let h = health.get(db);
  if (!h) {
    h = { damaged: null, wal: null, lastFailure: null };
    health.set(db, h);
  }
  return h;
}

/** From now on every write to `db` is refused with `cache_damaged` (or the given error). */
export function markDamaged(db: Db, error: AppError = storageError('cache_damaged')): void {
  const h = healthOf(db);
  h.damaged ??= error;
  h.lastFailure = { error: h.damaged, at: Date.now() };
}

export function isDamaged(db: Db): boolean {
  return healthOf(db).damaged !== null;
}

/** The storage problem to show (sync status, Settings), or null while writes succeed. */
export function storageProblem(db: Db): { error: AppError; at: number } | null {
  const h = healthOf(db);
  return h.lastFailure;
}

/** Bounded: busy_timeout already waits 5 s inside each BEGIN IMMEDIATE; this covers a few more turns. */
export const BUSY_ATTEMPTS = 4;

/**
 * Runs `fn` as one IMMEDIATE write transaction (a savepoint when already inside one). Storage failures
 * come out as typed AppErrors and leave nothing half-saved: SQLite rolls the transaction back.
 */
export function writeTx<T>(db: Db, fn: () => T): T {
  const h = healthOf(db);
  if (h.damaged) throw h.damaged;
  const tx = db.transaction(fn);
  if (db.inTransaction) return tx();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = tx.immediate();
      checkWal(db, h);
      h.lastFailure = null;
      return result;
    } catch (error) {
      let code = classify(error);
      if (code === 'storage_busy' && attempt < BUSY_ATTEMPTS) continue;
      if (
        code === 'storage_io' &&
        isWriteError(error) &&
        noRoomFor(dirname(db.name), [db.name, `${db.name}-wal`])
      )
        code = 'disk_full';
      if (code === null) throw error;
      const typed = isAppError(error) ? error : storageError(code, error);
      if (code === 'cache_damaged') markDamaged(db);
      h.lastFailure = { error: typed, at: Date.now() };
      throw typed;
    }
  }
}

function walIdentity(db: Db): string | null {
  try {
    const s = statSync(`${db.name}-wal`);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Remembers which WAL file the open connection writes to (called once the cache is open). */
export function trackWal(db: Db): void {
  healthOf(db).wal = walIdentity(db);
}

/*
 * SQLite keeps writing to its open WAL file descriptor even after the file was unlinked (a cleanup
 * script, a sync tool, a user): commits "succeed" into a file no one will ever read again, and vanish
 * at close. While any connection is open SQLite never deletes or replaces the WAL itself (only the
 * last connection's close does), so after every commit the WAL at `<cache>-wal` must still be the
 * file — same device and inode — this connection opened. If not, the commit is reported as NOT
 * durable and the connection refuses further writes.
 */
function checkWal(db: Db, h: Health): void {
  if (db.memory || db.name === '') return;
  const now = walIdentity(db);
  if (h.wal === null) {
    h.wal = now;
    return;
  }
  if (now === h.wal) return;
  const lost = storageError('storage_lost');
  markDamaged(db, lost);
  if (!rescueOrphanWal(db)) throw lost;
}

/**
 * This connection still holds the unlinked WAL open: a full checkpoint copies every frame in it
 * (this commit's and the earlier ones the deletion took) into the main file, fsynced under
 * synchronous=FULL. Only when it checkpointed everything is the commit durable; further writes are
 * refused either way — another process may already have started a new WAL beside the orphan.
 */
function rescueOrphanWal(db: Db): boolean {
  try {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return r !== undefined && r.busy === 0 && r.log >= 0 && r.log === r.checkpointed;
  } catch {
    return false;
  }
}

function isWriteError(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError && /^SQLITE_IOERR_(WRITE|FSYNC|TRUNCATE|SHMSIZE)$/.test(error.code)
  );
}

/**
 * SQLite reports a write refused for lack of room (ENOSPC on some paths, EFBIG for a file-size
 * limit, EDQUOT for a quota) as a generic SQLITE_IOERR_WRITE and better-sqlite3 does not expose the
 * errno. So after such an error one page is written, in a scratch file in the same folder, just past
 * the size the written file was growing towards: a full disk, a quota or a size limit refuses it the
 * same way, while a failing device or a permission problem does not look like "full".
 */
function noRoomFor(dir: string, files: string[]): boolean {
  if (files.some((f) => f === '' || f === ':memory:')) return false;
  const size = (p: string): number => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  const offset = Math.max(...files.map(size)) + 65_536;
  const probe = join(dir, `.space-probe-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(probe, 'w', 0o600);
    writeSync(fd, Buffer.alloc(4096, 1), 0, 4096, offset);
    return false;
  } catch (error) {
    return classify(error) === 'disk_full';
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(probe, { force: true });
  }
}

import Database from 'better-sqlite3-multiple-ciphers';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../errors';
import { backupDir, writeBackup } from './backup';
import { applyKey, verifyKey } from './connection';
import { cacheError } from './errors';
import { latestVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Db } from './sql';
import { toStorageError } from './storage';

const SIDECARS = ['-wal', '-shm'] as const;

/**
 * Runs `fn` on a read-only, keyed connection to an existing cache file. A read-only connection never
 * writes the database or checkpoints its WAL; an empty -wal/-shm pair SQLite may create to read a
 * WAL-mode file is removed again, so the file is left exactly as found.
 */
export function withReadOnly<T>(path: string, key: string, fn: (db: Db) => T, nativeBinding?: string): T {
  const created = SIDECARS.map((s) => path + s).filter((p) => !existsSync(p));
  let db: Db | undefined;
  try {
    try {
      db = new Database(path, {
        readonly: true,
        fileMustExist: true,
        ...(nativeBinding === undefined ? {} : { nativeBinding }),
      });
    } catch (error) {
      throw cacheError('cache_open_failed', error);
    }
    applyKey(db, key);
    verifyKey(db);
    return fn(db);
  } finally {
    db?.close();
    for (const p of created) rmSync(p, { force: true });
  }
}

export interface CheckResult {
  ok: boolean;
  /** SQLite's own findings (page numbers, index names: no customer data), at most 20. */
  problems: string[];
}

/** `PRAGMA integrity_check` (full) or `quick_check` (O(N), skips index/content cross-checks). */
export function checkDb(db: Db, mode: 'full' | 'quick'): CheckResult {
  try {
    const rows = db
      .prepare(mode === 'full' ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)')
      .pluck()
      .all() as string[];
    const ok = rows.length === 1 && rows[0] === 'ok';
    return { ok, problems: ok ? [] : rows };
  } catch (error) {
    const typed = toStorageError(error);
    if (typed instanceof AppError && typed.code === 'cache_damaged')
      return { ok: false, problems: [typed.message] };
    throw typed;
  }
}

export function checkCacheFile(path: string, key: string): CheckResult {
  return withReadOnly(path, key, (db) => checkDb(db, 'full'));
}

/** An encrypted copy of the cache at `out` (read-only on the cache; no partial file on failure). */
export function backupCacheFile(path: string, key: string, out: string): string {
  return withReadOnly(path, key, (db) => writeBackup(db, out));
}

/**
 * What a restore would put in place: the file must open with this key, pass a full integrity check
 * and have a schema this build can read. Throws a typed error saying which of these failed.
 */
export function validateBackupFile(
  file: string,
  key: string,
  nativeBinding?: string,
): { userVersion: number } {
  if (!existsSync(file)) throw new AppError('backup_not_found', 'The backup file does not exist.');
  let version = 0;
  let check: CheckResult;
  try {
    check = withReadOnly(
      file,
      key,
      (db) => {
        version = db.pragma('user_version', { simple: true }) as number;
        return checkDb(db, 'full');
      },
      nativeBinding,
    );
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'cache_key_mismatch' || error.code === 'cache_open_failed')
    )
      throw new AppError(
        'backup_unreadable',
        'The backup cannot be opened with this cache key: it is not a KYC Desk backup of this cache.',
      );
    throw error;
  }
  if (!check.ok)
    throw new AppError('backup_damaged', 'The backup failed its integrity check; it was not restored.');
  if (version > latestVersion(MIGRATIONS)) throw cacheError('cache_too_new');
  return { userVersion: version };
}

/**
 * Replaces the cache by a validated backup. The cache must be closed (the app restarts its core; the
 * CLI never has it open). The replaced files are kept aside in the backups folder, never deleted.
 * Returns where they went (null when there was no cache file).
 */
export function restoreCacheFile(
  dbPath: string,
  file: string,
  key: string,
  now: number,
  nativeBinding?: string,
): string | null {
  validateBackupFile(file, key, nativeBinding);
  const dir = dirname(dbPath);
  mkdirSync(backupDir(dbPath), { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(dbPath)}.${process.pid}.restoring`);
  try {
    copyFileSync(file, temp);
    fsyncFile(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw toStorageError(error);
  }
  let aside: string | null = null;
  const replaced = join(backupDir(dbPath), `${basename(dbPath)}.replaced-${String(now).padStart(15, '0')}`);
  for (const suffix of ['', ...SIDECARS]) {
    if (!existsSync(dbPath + suffix)) continue;
    renameSync(dbPath + suffix, replaced + suffix);
    if (suffix === '') aside = replaced;
  }
  renameSync(temp, dbPath);
  fsyncFile(dir);
  return aside;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync, statSync } from 'node:fs';
import { cacheError } from './errors';
import type { Db } from './sql';

const KEY_FORMAT = /^[0-9a-f]{64}$/i;

export function isCacheKey(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/*
 * The key is a random 256-bit value, not a passphrase, so it is handed to sqlite3mc as a raw key
 * (`x'<64 hex>'`): sqlite3mc's ChaCha20 codec then uses those bytes directly and skips its PBKDF2
 * passphrase derivation (sqlite3mcExtractRawKey in the bundled sqlite3.c). The cipher is named
 * explicitly so a future change of sqlite3mc's default cannot silently change the format. The key is
 * validated as hex first, which also makes the interpolation below safe.
 */
export function applyKey(db: Db, key: string): void {
  if (!isCacheKey(key)) throw cacheError('cache_key_invalid');
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`key = "x'${key}'"`);
}

/** Reads page 1 through the codec: a wrong key (or a file that is not our cache) fails here. */
export function verifyKey(db: Db): number {
  try {
    return (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw cacheError('cache_key_mismatch', error);
    }
    throw cacheError('cache_open_failed', error);
  }
}

export function databaseExists(path: string): boolean {
  return hasBytes(path) || hasBytes(`${path}-wal`);
}

function hasBytes(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

const SIDECARS = ['-wal', '-shm'];

/**
 * Opens an existing cache read-only, checks the key, and hands the schema version to `check`, which
 * may throw to refuse the file. A read-only connection never writes or checkpoints the database or
 * its WAL; it may create an empty -wal/-shm pair to read a WAL-mode file, which is removed again so
 * a refused cache is left exactly as found.
 */
export function inspectExisting(
  path: string,
  key: string,
  check: (userVersion: number) => void,
  nativeBinding?: string,
): void {
  const created = SIDECARS.map((s) => path + s).filter((p) => !existsSync(p));
  let ro: Db | undefined;
  try {
    try {
      ro = new Database(path, {
        readonly: true,
        fileMustExist: true,
        ...(nativeBinding === undefined ? {} : { nativeBinding }),
      });
    } catch (error) {
      throw cacheError('cache_open_failed', error);
    }
    applyKey(ro, key);
    verifyKey(ro);
    check(ro.pragma('user_version', { simple: true }) as number);
  } finally {
    ro?.close();
    for (const p of created) rmSync(p, { force: true });
  }
}

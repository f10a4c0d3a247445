import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_KEEP_BACKUPS, takeBackup } from './backup';
import { applyKey, databaseExists, inspectExisting, isCacheKey, verifyKey } from './connection';
import { cacheError } from './errors';
import { checkDb } from './maintenance';
import { cacheVanished, createdMarker, markCreated, markOpen } from './markers';
import { markDamaged, storageError, toStorageError, trackWal } from './storage';
import { latestVersion, migrate, userVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sql';

export interface OpenCacheOptions {
  path: string;
  /** 64 hex chars (256 bits), from loadOrCreateCacheKey. */
  key: string;
  now?: () => number;
  /** Tests only: a different migration list. */
  migrations?: readonly Migration[];
  keepBackups?: number;
  /**
   * Path of a better-sqlite3 addon to load instead of the one in node_modules: Electron passes its
   * own-ABI build (src/main/native.ts); Node (tests, CLI) leaves it unset.
   */
  nativeBinding?: string;
}

export interface CacheHandle {
  db: Db;
  /**
   * The quick check found damage when the cache opened: the connection is read-only (writes fail
   * with `cache_damaged`) and the officer is offered the latest backup.
   */
  damaged: boolean;
  /** A process that had this cache open before did not close it (crash, kill, power cut). */
  uncleanBefore: boolean;
  close(): void;
}

/**
 * Opens (or creates) the encrypted cache and brings its schema up to date.
 *
 * An existing file is first inspected through a read-only connection, so a wrong key
 * (`cache_key_mismatch`) or a schema newer than this build (`cache_too_new`) is refused without a
 * single write or checkpoint. Only then is it opened for writing; before a migration changes an
 * existing, non-empty database an encrypted backup is taken.
 */
export function openCache(options: OpenCacheOptions): CacheHandle {
  const { path, key } = options;
  const now = options.now ?? Date.now;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  if (!isCacheKey(key)) throw cacheError('cache_key_invalid');

  // An empty or vanished file where a cache was is a loss to report, not a first start.
  if (cacheVanished(path)) throw cacheError('cache_missing');
  const existed = databaseExists(path);
  if (existed) {
    inspectExisting(
      path,
      key,
      (version) => {
        if (version > latest) throw cacheError('cache_too_new');
      },
      options.nativeBinding,
    );
  } else {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }

  let db: Db;
  let damaged = false;
  try {
    db = new Database(
      path,
      options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding },
    );
  } catch (error) {
    throw cacheError('cache_open_failed', error);
  }
  try {
    applyKey(db, key);
    const objects = verifyKey(db);
    configure(db);
    const from = userVersion(db);
    if (objects > 0 && !checkDb(db, 'quick').ok) {
      markDamaged(db);
      // A damaged file is never written again: no migration, no cleanup, SQLite itself refuses writes.
      db.pragma('query_only = ON');
      if (from < latest) throw storageError('cache_damaged');
      damaged = true;
    }
  } catch (error) {
    db.close();
    throw error;
  }
  if (!damaged) upgrade(db);
  function upgrade(db: Db): void {
    try {
      if (userVersion(db) < latest && existed) {
        takeBackup(db, path, now(), options.keepBackups ?? DEFAULT_KEEP_BACKUPS);
      }
      migrate(db, migrations);
      // A purge commits its guard removal with the purge itself; this only clears a guard a bug left.
      db.prepare('DELETE FROM purge_guard').run();
      if (!existsSync(createdMarker(path))) markCreated(path);
    } catch (error) {
      db.close();
      throw toStorageError(error);
    }
  }

  trackWal(db);
  const marker = markOpen(path);
  let open = true;
  return {
    db,
    damaged,
    uncleanBefore: marker.uncleanBefore,
    close() {
      if (!open) return;
      open = false;
      marker.release();
      try {
        // Keeps planner statistics current for long-lived caches (cheap; SQLite's recommendation).
        db.pragma('optimize');
      } catch {
        // Only statistics: a full disk at closing time must not turn a clean close into an error.
      } finally {
        db.close();
      }
    },
  };
}

const CACHE_KIB = 128 * 1024;

function configure(db: Db): void {
  // WAL: readers (the list) never wait for the poller's writes. The WAL goes through the codec too.
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw cacheError('cache_open_failed');
  // FULL: decisions and audit are records, not just cache; a commit must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temp tables and sort spills stay in memory, never in unencrypted temp files.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  // Page cache (decrypted pages, process memory only): a cap, not an allocation. Reading a page from
  // disk means decrypting it, so the list's working set (case rows, indexes, search index — about
  // 100 MB at 100,000 cases) should stay cached; the 2 MB default made the list 20-50x slower.
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

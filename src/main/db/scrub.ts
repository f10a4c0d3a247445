import type { Db } from './sql';

/*
 * Deleting a row does not remove its bytes: SQLite leaves the old cell content in the page's free
 * space or on free-list pages, the WAL keeps earlier versions of every page written since the last
 * checkpoint, and an external-content FTS5 index keeps the deleted tokens in its older segments
 * until they are merged. The cache is encrypted at rest, so none of this is readable without the
 * key, but a purge promises that the data is gone for a holder of the key too (ADR 0012):
 *
 * 1. `secure_delete = ON` while the purge transaction runs: SQLite zeroes deleted content and freed
 *    pages as it goes.
 * 2. FTS5 `optimize`: merges the search index into one segment, dropping the deleted names and codes.
 * 3. `wal_checkpoint(TRUNCATE)`: moves the new pages into the database file and truncates the WAL,
 *    so the WAL's older page images are gone.
 * 4. `VACUUM`, then checkpoint again: rewrites the file from the live rows only, which also drops any
 *    free page secure_delete could not reach (e.g. written before this build).
 *
 * VACUUM costs a rewrite of the cache; it runs once per purge run, not per case.
 */
export function withSecureDelete<T>(db: Db, work: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return work();
  } finally {
    db.pragma(`secure_delete = ${before === 1 ? 'ON' : 'OFF'}`);
  }
}

/** Steps 2–4 above, after the purge transaction committed. Must run outside any transaction. */
export function scrubFreedBytes(db: Db): void {
  withSecureDelete(db, () => {
    db.prepare(`INSERT INTO cases_fts (cases_fts) VALUES ('optimize')`).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  });
}

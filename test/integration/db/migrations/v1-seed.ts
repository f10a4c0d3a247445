import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../../../src/main/db/connection';

const V1_SCHEMA = readFileSync(join(__dirname, '../../../fixtures/db/schema-v1.sql'), 'utf8');

/**
 * An encrypted cache at schema version 1 built from literal SQL (test/fixtures/db/schema-v1.sql) plus
 * `seed` (INSERTs as they were written at version 1), closed, ready for today's openCache to migrate.
 * No repo or migration module of today takes part; only the cipher setup is shared with the app.
 */
export function createV1Cache(path: string, key: string, seed: string): void {
  const db = new Database(path);
  try {
    applyKey(db, key);
    db.exec('BEGIN');
    db.exec(V1_SCHEMA);
    db.exec(seed);
    db.pragma('user_version = 1');
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

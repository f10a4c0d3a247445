import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/db/backup';
import { applyKey } from '../../../src/main/db/connection';
import { MIGRATIONS, type Migration } from '../../../src/main/db/migrations';
import { openCache } from '../../../src/main/db/open';
import * as cases from '../../../src/main/db/repos/cases';
import { addWorkspace, newKey, tempDir } from '../../unit/main/db/fixture';
import { snapshot } from './files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fresh(): { dir: string; path: string; key: string } {
  const dir = tempDir();
  dirs.push(dir);
  return { dir, path: join(dir, 'cache.db'), key: newKey() };
}

const extra = (
  version: number,
  up: Migration['up'] = (db) => db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`),
): Migration => ({
  version,
  name: `test-${version}`,
  up,
});
const withExtra = (n: number): Migration[] => [
  ...MIGRATIONS,
  ...Array.from({ length: n }, (_, i) => extra(MIGRATIONS.length + i + 1)),
];

function seedOne(path: string, key: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const c = openCache({ path, key, migrations });
  addWorkspace(c.db, 'ws1');
  cases.insertCreated(c.db, 'ws1', {
    idvId: 'idv-1',
    externalRef: 'Specimenaitė-ref',
    setupId: null,
    registration: { firstName: 'Žydrūnė', lastName: 'Specimenaitė', personalCode: '39001011234' },
    createdUtc: '2025-01-01T00:00:00.000Z',
  });
  c.close();
}

describe('openCache: migrations', () => {
  it('applies each migration to a fresh database, with STRICT tables and the required pragmas', () => {
    for (let n = 1; n <= MIGRATIONS.length; n += 1) {
      const { path, key } = fresh();
      const { db, close } = openCache({ path, key, migrations: MIGRATIONS.slice(0, n) });
      expect(db.pragma('user_version', { simple: true })).toBe(n);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(db.pragma('cipher', { simple: true })).toBe('chacha20');
      const tables = db.prepare(`PRAGMA table_list`).all() as {
        name: string;
        type: string;
        strict: number;
        schema: string;
      }[];
      const ours = tables.filter(
        (t) =>
          t.schema === 'main' &&
          t.type === 'table' &&
          !t.name.startsWith('sqlite_') &&
          !t.name.startsWith('cases_fts_'),
      );
      expect(ours.length).toBeGreaterThan(10);
      expect(ours.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
      expect(db.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
      close();
    }
  });

  it('does nothing on reopening an up-to-date database (no backup)', () => {
    const { dir, path, key } = fresh();
    seedOne(path, key);
    const c = openCache({ path, key });
    expect(cases.get(c.db, 'ws1', 'idv-1')).not.toBeNull();
    c.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('backs up an existing database before migrating, encrypted, keeping the last three', () => {
    const { path, key } = fresh();
    seedOne(path, key);
    let now = 1_000;
    for (let n = 1; n <= 4; n += 1) {
      const c = openCache({ path, key, migrations: withExtra(n), now: () => (now += 1000), keepBackups: 3 });
      expect(c.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + n);
      c.close();
    }
    const backups = listBackups(path);
    expect(backups).toHaveLength(3);
    // The newest backup is the database as it was before the last migration.
    const newest = backups.at(-1)!;
    expect(newest).toMatch(new RegExp(`\\.v${MIGRATIONS.length + 3}\\.bak$`));
    const plain = new Database(newest, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    const keyed = new Database(newest, { readonly: true });
    applyKey(keyed, key);
    expect(keyed.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 3);
    expect(keyed.prepare('SELECT full_name FROM cases').pluck().get()).toBe('Žydrūnė Specimenaitė');
    keyed.close();
  });

  it('rolls a failing migration back completely', () => {
    const { path, key } = fresh();
    seedOne(path, key);
    const failing = extra(MIGRATIONS.length + 1, (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      throw new Error('boom');
    });
    expect(() => openCache({ path, key, migrations: [...MIGRATIONS, failing] })).toThrow(
      expect.objectContaining({ code: 'cache_migration_failed' }),
    );
    const c = openCache({ path, key });
    expect(c.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(c.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
    c.close();
  });

  it('refuses a key that is not 64 hex characters', () => {
    const { path } = fresh();
    expect(() => openCache({ path, key: `${'a'.repeat(63)}'` })).toThrow(
      expect.objectContaining({ code: 'cache_key_invalid' }),
    );
    expect(existsSync(path)).toBe(false);
  });
});

describe('openCache: refusals leave the files untouched', () => {
  it('refuses a database from a newer app version (cache_too_new) without writing', () => {
    const { dir, path, key } = fresh();
    seedOne(path, key, withExtra(1));
    const before = snapshot(dir);
    expect(() => openCache({ path, key })).toThrow(expect.objectContaining({ code: 'cache_too_new' }));
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a newer database left with an un-checkpointed WAL, leaving db and WAL bytes as they were', () => {
    const { dir, path, key } = fresh();
    const c = openCache({ path, key, migrations: withExtra(1) });
    addWorkspace(c.db, 'ws1');
    // Copy the files while the connection is open: what a crash leaves behind.
    const crashed = join(dir, 'crashed');
    mkdirSync(crashed);
    for (const suffix of ['', '-wal', '-shm']) cpSync(path + suffix, join(crashed, `cache.db${suffix}`));
    c.close();
    const before = snapshot(crashed);
    expect(before['cache.db-wal']).toBeDefined();
    expect(() => openCache({ path: join(crashed, 'cache.db'), key })).toThrow(
      expect.objectContaining({ code: 'cache_too_new' }),
    );
    const after = snapshot(crashed);
    // The -shm is only SQLite's WAL index (rebuilt by any reader, holds no data).
    expect(after['cache.db']).toBe(before['cache.db']);
    expect(after['cache.db-wal']).toBe(before['cache.db-wal']);
  });

  it('reports a wrong key as cache_key_mismatch and leaves the file as it was', () => {
    const { dir, path, key } = fresh();
    seedOne(path, key);
    const before = snapshot(dir);
    expect(() => openCache({ path, key: newKey() })).toThrow(
      expect.objectContaining({ code: 'cache_key_mismatch' }),
    );
    expect(snapshot(dir)).toEqual(before);
    const c = openCache({ path, key });
    expect(cases.get(c.db, 'ws1', 'idv-1')).not.toBeNull();
    c.close();
  });

  it('reports a plain (unencrypted) SQLite file as cache_key_mismatch', () => {
    const { dir, path, key } = fresh();
    const plain = new Database(path);
    plain.exec('CREATE TABLE x (y TEXT)');
    plain.close();
    const before = snapshot(dir);
    expect(() => openCache({ path, key })).toThrow(expect.objectContaining({ code: 'cache_key_mismatch' }));
    expect(snapshot(dir)).toEqual(before);
  });
});

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './sql';

export const BACKUP_DIR = 'backups';
export const DEFAULT_KEEP_BACKUPS = 3;

/*
 * Backups use VACUUM INTO: with SQLite3 Multiple Ciphers the copy is written through the same codec
 * and key as the source, so it is encrypted exactly like the cache (verified by
 * test/integration/db/encryption.test.ts, which scans every file for plaintext, and by reopening the
 * copy with the key). db.backup() is not used: sqlite3mc refuses it between an encrypted source and a
 * plain target, and a plain copy is what must never exist.
 */
export function takeBackup(db: Db, dbPath: string, fromVersion: number, now: number, keep: number): string {
  const dir = join(dirname(dbPath), BACKUP_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Fixed-width time first after the version so names sort by age.
  const target = join(dir, `${basename(dbPath)}.${String(now).padStart(15, '0')}.v${fromVersion}.bak`);
  db.prepare('VACUUM INTO ?').run(target);
  pruneBackups(dbPath, keep);
  return target;
}

export function listBackups(dbPath: string): string[] {
  const dir = join(dirname(dbPath), BACKUP_DIR);
  const prefix = `${basename(dbPath)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{15}\.v\d+\.bak$/.test(n.slice(prefix.length)))
    .sort()
    .map((n) => join(dir, n));
}

function pruneBackups(dbPath: string, keep: number): void {
  const all = listBackups(dbPath);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
}

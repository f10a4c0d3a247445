import { DEFAULT_KEEP_BACKUPS, MAX_KEEP_BACKUPS, MIN_KEEP_BACKUPS } from '../../shared/domain/settings';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { userVersion } from './migrate';
import type { Db } from './sql';
import { toWriteError } from './storage';

export const BACKUP_DIR = 'backups';
/** Rotating backups kept by default (Settings → Backups changes it, 1 to 30). */
export { DEFAULT_KEEP_BACKUPS, MAX_KEEP_BACKUPS, MIN_KEEP_BACKUPS };
/** The app takes one while it runs when the newest is at least this old. */
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

/*
 * Backups use VACUUM INTO, SQLite's online copy of a live database into a new file: with SQLite3
 * Multiple Ciphers the copy is written through the same codec and key as the source, so it is
 * encrypted exactly like the cache (verified by test/integration/db/encryption.test.ts, which scans
 * every file for plaintext, and by reopening the copy with the key). better-sqlite3's db.backup()
 * (the page-copy backup API) is not used: it opens the target itself, without a key, and sqlite3mc
 * refuses to copy an encrypted source into a plain target — and a plain copy must never exist.
 *
 * The copy goes to a temporary name in the same folder, is fsynced, then renamed and the folder
 * fsynced: a backup that fails half-way (full disk, I/O error) leaves no partial or empty file that a
 * later restore could mistake for a good one.
 */
export function writeBackup(db: Db, target: string): string {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncPath(dirname(target));
  } catch (error) {
    const typed = toWriteError(error, dirname(target), db.name);
    rmSync(temp, { force: true });
    throw typed;
  }
  return target;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), BACKUP_DIR);
}

/** A rotating backup into `<dataDir>/backups/`, then the oldest beyond `keep` are deleted. */
export function takeBackup(db: Db, dbPath: string, now: number, keep: number): string {
  // Fixed-width time first after the name so names sort by age; the schema version for the officer.
  const name = `${basename(dbPath)}.${String(now).padStart(15, '0')}.v${userVersion(db)}.bak`;
  const target = writeBackup(db, join(backupDir(dbPath), name));
  pruneBackups(dbPath, keep);
  return target;
}

export interface BackupInfo {
  path: string;
  /** When it was taken (from its name). */
  at: number;
  bytes: number;
}

/** Oldest first. */
export function listBackups(dbPath: string): string[] {
  const prefix = `${basename(dbPath)}.`;
  let names: string[];
  try {
    names = readdirSync(backupDir(dbPath));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{15}\.v\d+\.bak$/.test(n.slice(prefix.length)))
    .sort()
    .map((n) => join(backupDir(dbPath), n));
}

export function backupInfo(path: string): BackupInfo {
  const at = Number(/\.(\d{15})\.v\d+\.bak$/.exec(path)?.[1] ?? '0');
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    bytes = 0;
  }
  return { path, at, bytes };
}

export function latestBackup(dbPath: string): BackupInfo | null {
  const all = listBackups(dbPath);
  const last = all[all.length - 1];
  return last === undefined ? null : backupInfo(last);
}

function pruneBackups(dbPath: string, keep: number): void {
  const all = listBackups(dbPath);
  const n = Math.min(MAX_KEEP_BACKUPS, Math.max(MIN_KEEP_BACKUPS, keep));
  for (const old of all.slice(0, Math.max(0, all.length - n))) rmSync(old, { force: true });
}

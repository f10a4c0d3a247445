import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HEAD_ACCOUNT, sidecarPath } from '../db/audit-anchor';
import { backupDir, latestBackup } from '../db/backup';
import { CHAIN_KEY_ACCOUNT } from '../db/chain-key';
import { databaseExists } from '../db/connection';
import { cacheError } from '../db/errors';
import { CACHE_KEY_ACCOUNT } from '../db/key';
import { restoreCacheFile, withReadOnly } from '../db/maintenance';
import { unwrapKeysWithCode } from '../db/recovery';
import { AppError } from '../errors';
import { cachePath } from '../paths';
import type { SecretStore } from '../secrets/secret-store';

/*
 * The ways back for a cache that cannot be opened, shared by the CLI (`kyc-desk cache recover|restore|
 * discard`) and the app's start-up rescue screen: one implementation, so both do exactly the same.
 */

/** One cache: the app's, or an environment workspace's (`env-…`, keychain entries scoped with it). */
export interface CacheTarget {
  dataDir: string;
  dbPath: string;
  keyAccount: string;
  secrets: SecretStore;
  /** Electron: its own-ABI better-sqlite3 build for the read-only checks (Node uses node_modules'). */
  nativeBinding?: string;
}

export const ENV_CACHE = /^env-[0-9a-f]{12}$/;

export function appCacheTarget(dataDir: string, secrets: SecretStore): CacheTarget {
  return { dataDir, dbPath: cachePath(dataDir), keyAccount: CACHE_KEY_ACCOUNT, secrets };
}

/** `account` scoped the way the target's cache key is (environment caches add `:env-…`). */
export function scopedAs(target: CacheTarget, account: string): string {
  return target.keyAccount === CACHE_KEY_ACCOUNT
    ? account
    : `${account}${target.keyAccount.slice(CACHE_KEY_ACCOUNT.length)}`;
}

export const chainAccount = (target: CacheTarget): string => scopedAs(target, CHAIN_KEY_ACCOUNT);

/**
 * Unwraps the cache key (and the audit chain key) with the recovery code and saves them in the
 * keychain again. Only a key that really opens the cache (or, when the cache file is gone too, its
 * latest backup) is stored.
 */
export async function recoverWithCode(target: CacheTarget, code: string): Promise<void> {
  if ((await target.secrets.get(target.keyAccount)) !== null)
    throw new AppError(
      'recovery_not_needed',
      'The keychain already holds a key for this cache; recovery is only for a lost keychain entry.',
    );
  const { key, chainKey } = unwrapKeysWithCode(target.dbPath, code);
  const proof = databaseExists(target.dbPath) ? target.dbPath : latestBackup(target.dbPath)?.path;
  if (proof !== undefined) withReadOnly(proof, key, () => undefined, target.nativeBinding);
  await target.secrets.set(target.keyAccount, key);
  if ((await target.secrets.get(target.keyAccount)) !== key) throw cacheError('cache_key_store_failed');
  // The audit chain key travels with it: without it no new audit entry (so no decision) could be signed.
  if (chainKey !== null && (await target.secrets.get(chainAccount(target))) === null) {
    await target.secrets.set(chainAccount(target), chainKey);
  }
}

/**
 * Replaces the (closed) cache by a checked backup, keeping the replaced file aside. Returns where the
 * replaced file went (null when there was none).
 */
export async function restoreBackup(target: CacheTarget, file: string, now: number): Promise<string | null> {
  const key = await target.secrets.get(target.keyAccount);
  if (key === null) throw cacheError('cache_key_missing');
  return restoreCacheFile(target.dbPath, file, key.toLowerCase(), now, target.nativeBinding);
}

/** The newest rotating backup put back in place (see restoreBackup). */
export async function restoreLatestBackup(target: CacheTarget, now: number): Promise<string | null> {
  const latest = latestBackup(target.dbPath);
  if (latest === null) throw new AppError('backup_not_found', 'There is no backup of this cache to restore.');
  return restoreBackup(target, latest.path, now);
}

/**
 * Deletes one cache for good: the file, its WAL/SHM, markers, recovery file, backups and its keychain
 * entries (for the app's cache also the workspaces' client secrets, which belong to workspaces stored
 * in it). The caller has the officer's explicit consent: there is no undo. Returns the removed entries.
 */
export async function discardCache(target: CacheTarget): Promise<string[]> {
  const base = basename(target.dbPath);
  let names: string[];
  try {
    names = readdirSync(target.dataDir);
  } catch {
    names = [];
  }
  for (const n of names)
    if (n === base || n.startsWith(`${base}-`) || n.startsWith(`${base}.`))
      rmSync(join(target.dataDir, n), { force: true });
  rmSync(backupDir(target.dbPath), { recursive: true, force: true });
  // The audit trail's head anchor names entries of the discarded cache: left behind, it would make
  // the next start refuse a new chain key (audit_chain_key_missing) and the empty cache never open.
  rmSync(sidecarPath(target.dataDir), { force: true });
  const removed: string[] = [];
  const accounts =
    target.keyAccount === CACHE_KEY_ACCOUNT
      ? (await target.secrets.accounts()).filter((a) => !/:env-[0-9a-f]{12}$/.test(a))
      : [target.keyAccount, chainAccount(target), scopedAs(target, HEAD_ACCOUNT)];
  for (const account of accounts) if (await target.secrets.delete(account)) removed.push(account);
  if (target.keyAccount !== CACHE_KEY_ACCOUNT) rmSync(target.dataDir, { recursive: true, force: true });
  return removed;
}

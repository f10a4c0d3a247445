import { parseArgs } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupCacheFile, checkCacheFile } from '../../main/db/maintenance';
import { latestBackup, listBackups, takeBackup } from '../../main/db/backup';
import { CACHE_KEY_ACCOUNT } from '../../main/db/key';
import { cacheError } from '../../main/db/errors';
import { databaseExists } from '../../main/db/connection';
import { withReadOnly } from '../../main/db/maintenance';
import { createRecovery, recoveryStatus } from '../../main/db/recovery';
import { AppError } from '../../main/errors';
import { cachePath } from '../../main/paths';
import { createKeytarStore } from '../../main/secrets/keytar-store';
import {
  appCacheTarget,
  chainAccount,
  discardCache,
  ENV_CACHE,
  recoverWithCode,
  restoreBackup,
  type CacheTarget,
} from '../../main/services/cache-recovery';
import { dataDirOf } from '../core-context';
import { print, type CliIo } from '../io';

export type { CacheTarget };

export function targetOf(
  io: CliIo,
  dataDirFlag: string | undefined,
  cacheFlag: string | undefined,
): CacheTarget {
  const root = dataDirOf(io, dataDirFlag);
  const secrets = io.secrets ?? createKeytarStore();
  if (cacheFlag === undefined || cacheFlag === 'app') return appCacheTarget(root, secrets);
  if (!ENV_CACHE.test(cacheFlag))
    throw new AppError('usage', 'Give --cache app or an environment cache id from `kyc-desk cache list`.');
  const dataDir = join(root, cacheFlag);
  return { dataDir, dbPath: cachePath(dataDir), keyAccount: `${CACHE_KEY_ACCOUNT}:${cacheFlag}`, secrets };
}

async function keyOf(target: CacheTarget): Promise<string> {
  if (!databaseExists(target.dbPath))
    throw new AppError('cache_not_found', 'There is no local case cache here to work on.');
  const key = await target.secrets.get(target.keyAccount);
  if (key === null) throw cacheError('cache_key_missing');
  return key.toLowerCase();
}

export async function cacheBackup(
  io: CliIo,
  json: boolean,
  target: CacheTarget,
  out?: string,
): Promise<void> {
  const key = await keyOf(target);
  const now = Date.now();
  const path =
    out === undefined
      ? withReadOnly(target.dbPath, key, (db) => takeBackup(db, target.dbPath, now, Number.MAX_SAFE_INTEGER))
      : backupCacheFile(target.dbPath, key, resolve(io.cwd, out));
  print(io, json, { backup: path }, () => [
    `Backup written: ${path}`,
    'It is encrypted with the cache key: it opens only with this keychain entry (or the recovery code).',
  ]);
}

export async function cacheCheck(io: CliIo, json: boolean, target: CacheTarget): Promise<void> {
  const key = await keyOf(target);
  const result = checkCacheFile(target.dbPath, key);
  const latest = latestBackup(target.dbPath);
  print(io, json, result, () =>
    result.ok
      ? ['The local case cache passed its full integrity check.']
      : [
          'The local case cache is DAMAGED:',
          ...result.problems.map((p) => `  ${p}`),
          latest === null
            ? 'There is no backup to restore.'
            : `Restore the latest backup: kyc-desk cache restore "${latest.path}"`,
        ],
  );
  if (!result.ok) throw new AppError('cache_damaged', 'The local case cache failed its integrity check.');
}

export async function cacheRestore(
  io: CliIo,
  json: boolean,
  target: CacheTarget,
  file: string,
): Promise<void> {
  const aside = await restoreBackup(target, resolve(io.cwd, file), Date.now());
  print(io, json, { restored: true, replacedKeptAt: aside }, () => [
    'The backup was checked and restored. Close and reopen KYC Desk if it is running.',
    ...(aside ? [`The replaced cache was kept at ${aside}`] : []),
  ]);
}

export async function cacheRecoveryCode(io: CliIo, json: boolean, target: CacheTarget): Promise<void> {
  const key = await keyOf(target);
  const replaced = recoveryStatus(target.dbPath).set;
  const code = createRecovery(target.dbPath, key, Date.now(), await target.secrets.get(chainAccount(target)));
  print(io, json, { recoveryCode: code, replacedEarlierCode: replaced }, () => [
    `Recovery code: ${code}`,
    'Write it down or keep it in your password manager now: it is not shown again and not stored in',
    'readable form anywhere. With it (and this data folder) the cache opens if its keychain entry is lost.',
    ...(replaced ? ['The earlier recovery code no longer works.'] : []),
  ]);
}

export async function cacheRecover(io: CliIo, json: boolean, target: CacheTarget): Promise<void> {
  if (!io.readSecret)
    throw new AppError(
      'usage',
      'Type the recovery code at the prompt or pipe it on stdin; it is never a flag.',
    );
  await recoverWithCode(target, await io.readSecret('Recovery code: '));
  print(io, json, { recovered: true }, () => [
    'The cache key was recovered and saved in the system keychain again.',
  ]);
}

interface CacheListing {
  cache: string;
  dataDir: string;
  exists: boolean;
  bytes: number;
  keychainEntry: string;
  keyInKeychain: boolean;
  recoveryCode: boolean;
  backups: number;
}

async function describeTarget(name: string, target: CacheTarget): Promise<CacheListing> {
  const bytes = ['', '-wal'].reduce((sum, s) => sum + sizeOf(target.dbPath + s), 0);
  return {
    cache: name,
    dataDir: target.dataDir,
    exists: bytes > 0,
    bytes,
    keychainEntry: target.keyAccount,
    keyInKeychain: (await target.secrets.get(target.keyAccount)) !== null,
    recoveryCode: recoveryStatus(target.dbPath).set,
    backups: listBackups(target.dbPath).length,
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The app's cache and every environment-variable workspace cache under the data directory. */
export async function cacheList(io: CliIo, json: boolean, dataDirFlag: string | undefined): Promise<void> {
  const root = dataDirOf(io, dataDirFlag);
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => ENV_CACHE.test(n));
  } catch {
    names = [];
  }
  const rows: CacheListing[] = [await describeTarget('app', targetOf(io, dataDirFlag, undefined))];
  for (const n of names.sort()) rows.push(await describeTarget(n, targetOf(io, dataDirFlag, n)));
  print(io, json, rows, () =>
    rows.map(
      (r) =>
        `${r.cache.padEnd(16)} ${r.exists ? `${Math.ceil(r.bytes / 1024)} KiB` : 'no cache file'}  key ${r.keyInKeychain ? 'in keychain' : 'MISSING'} (${r.keychainEntry})  recovery code ${r.recoveryCode ? 'set' : 'not set'}  ${r.backups} backup(s)  ${r.dataDir}`,
    ),
  );
}

/**
 * Deletes one cache for good: the file, its WAL/SHM, markers, recovery file, backups and its keychain
 * entry (for the app's cache also the workspaces' client secrets, which belong to workspaces stored in
 * it). Only with --yes: there is no undo.
 */
export async function cacheDiscard(
  io: CliIo,
  json: boolean,
  target: CacheTarget,
  yes: boolean,
): Promise<void> {
  if (!yes)
    throw new AppError(
      'usage',
      'Discarding deletes this cache, its backups and its keychain entry for good; confirm with --yes.',
    );
  const removed = await discardCache(target);
  print(io, json, { discarded: target.dataDir, keychainEntriesRemoved: removed }, () => [
    `The cache in ${target.dataDir} was discarded; ${removed.length} keychain entr${removed.length === 1 ? 'y' : 'ies'} removed.`,
  ]);
}

/** `kyc-desk cache <sub>`: works on the cache files directly, without opening the app's core. */
export async function runCacheCommand(io: CliIo, rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'data-dir': { type: 'string' },
      cache: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const json = values.json === true;
  const target = (): CacheTarget => targetOf(io, values['data-dir'], values.cache);
  const noArgs = (): void => {
    if (positionals.length > 0) throw new AppError('usage', `\`kyc-desk cache ${sub}\` takes no arguments.`);
  };
  switch (sub) {
    case 'backup':
      noArgs();
      return cacheBackup(io, json, target(), values.out);
    case 'check':
      noArgs();
      return cacheCheck(io, json, target());
    case 'restore': {
      const [file] = positionals;
      if (file === undefined || positionals.length !== 1)
        throw new AppError('usage', 'Give the backup file: `kyc-desk cache restore FILE`.');
      return cacheRestore(io, json, target(), file);
    }
    case 'list':
      noArgs();
      return cacheList(io, json, values['data-dir']);
    case 'discard':
      noArgs();
      return cacheDiscard(io, json, target(), values.yes === true);
    case 'recovery-code':
      noArgs();
      return cacheRecoveryCode(io, json, target());
    case 'recover':
      noArgs();
      return cacheRecover(io, json, target());
    default:
      throw new AppError(
        'usage',
        'Use `kyc-desk cache list|backup|restore|check|recovery-code|recover|discard`.',
      );
  }
}

import { latestBackup, listBackups, takeBackup } from '../db/backup';
import { CHAIN_KEY_ACCOUNT } from '../db/chain-key';
import { CACHE_KEY_ACCOUNT } from '../db/key';
import { createRecovery, recoveryStatus } from '../db/recovery';
import { isDamaged, storageProblem } from '../db/storage';
import { cacheError } from '../db/errors';
import type { CacheStatus } from '../../shared/domain/views';
import type { ServiceContext } from './context';
import { readSettings } from './settings';

export interface CacheCareService {
  status(): CacheStatus;
  /** A new recovery code, returned once (it is the officer's to keep; never logged or stored). */
  createRecoveryCode(): Promise<{ code: string }>;
  backupNow(): CacheStatus;
}

export function createCacheCareService(ctx: ServiceContext): CacheCareService {
  function status(): CacheStatus {
    const problem = storageProblem(ctx.db);
    const latest = latestBackup(ctx.dbPath);
    return {
      damaged: isDamaged(ctx.db),
      problem: problem ? { code: problem.error.code, message: problem.error.message } : null,
      recovery: recoveryStatus(ctx.dbPath),
      backups: listBackups(ctx.dbPath).length,
      latestBackupAt: latest?.at ?? null,
      backupKeep: readSettings(ctx).backupKeep,
    };
  }
  return {
    status,
    async createRecoveryCode() {
      const key = await ctx.secrets.get(CACHE_KEY_ACCOUNT);
      if (key === null) throw cacheError('cache_key_missing');
      const chainKey = await ctx.secrets.get(CHAIN_KEY_ACCOUNT);
      const code = createRecovery(ctx.dbPath, key.toLowerCase(), ctx.now(), chainKey);
      ctx.logger.info('recovery code created');
      return { code };
    },
    backupNow() {
      takeBackup(ctx.db, ctx.dbPath, ctx.now(), readSettings(ctx).backupKeep);
      return status();
    },
  };
}

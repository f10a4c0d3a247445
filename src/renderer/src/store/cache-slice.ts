import type { CacheStatus } from '../../../shared/domain/views';
import { call } from '../api';
import { attempt, type ActionResult, type Loadable } from './action-result';
import type { SliceCreator } from './types';

/** The local cache's health and its ways back (Settings → Cache and recovery, the first-start banner). */
export interface CacheSlice {
  cacheStatus: Loadable<CacheStatus>;
  loadCacheStatus(): Promise<void>;
  /** A new recovery code (replacing any earlier one); the code lives only in the dialog that shows it. */
  createRecoveryCode(): Promise<ActionResult<{ code: string }>>;
  backupNow(): Promise<ActionResult<CacheStatus>>;
}

export const createCacheSlice: SliceCreator<CacheSlice> = (set, get) => ({
  cacheStatus: { status: 'idle' },

  async loadCacheStatus() {
    if (get().cacheStatus.status !== 'ready') set({ cacheStatus: { status: 'loading' } });
    const result = await attempt(() => call('cache:status', undefined));
    set({
      cacheStatus: result.ok
        ? { status: 'ready', value: result.value }
        : { status: 'error', message: result.error.message },
    });
  },

  async createRecoveryCode() {
    const result = await attempt(() => call('cache:recovery-code', undefined));
    if (result.ok) await get().loadCacheStatus();
    return result;
  },

  async backupNow() {
    const result = await attempt(() => call('cache:backup-now', undefined));
    if (result.ok) set({ cacheStatus: { status: 'ready', value: result.value } });
    return result;
  },
});

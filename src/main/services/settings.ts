import { statSync } from 'node:fs';
import { MAX_KEEP_BACKUPS, MIN_KEEP_BACKUPS } from '../db/backup';
import * as settingsRepo from '../db/repos/settings';
import * as statsRepo from '../db/repos/stats';
import type { SyncOnceReport } from '../sync/types';
import type { Settings, StorageInfo, SyncStatus } from '../../shared/domain/views';
import type { ParsedInput } from '../../shared/ipc/contract';
import { AUTO_LOCK_MAX_MINUTES, DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { COUNTER_INSTRUCTIONS_MAX } from '../../shared/domain/counter';
import type { ServiceContext } from './context';

export const SETTINGS_KEY = 'app.settings';
export { DEFAULT_SETTINGS };

export type SettingsPatch = ParsedInput<'settings:set'>;

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
}

export interface StorageService {
  info(): StorageInfo;
}

export interface SyncService {
  status(): SyncStatus;
  setPolling(enabled: boolean): Settings;
  now(): Promise<void>;
  /** One pass over the workspace's unsettled cases (all with `all`), for `kyc-desk sync --once`. */
  once(options?: { all?: boolean }): Promise<SyncOnceReport>;
}

/** Reads the stored settings leniently: a missing or damaged value falls back to the defaults per field. */
export function readSettings(ctx: Pick<ServiceContext, 'db'>): Settings {
  const text = settingsRepo.get(ctx.db, SETTINGS_KEY);
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === null ? {} : JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) stored = { ...parsed };
  } catch {
    stored = {};
  }
  const flag = (key: 'polling' | 'shortcuts' | 'notifications' | 'recoveryPromptDismissed'): boolean =>
    typeof stored[key] === 'boolean' ? stored[key] : DEFAULT_SETTINGS[key];
  const theme = stored['theme'];
  const minutes = stored['autoLockMinutes'];
  const keep = stored['backupKeep'];
  return {
    polling: flag('polling'),
    theme: theme === 'light' || theme === 'dark' || theme === 'system' ? theme : DEFAULT_SETTINGS.theme,
    shortcuts: flag('shortcuts'),
    notifications: flag('notifications'),
    autoLockMinutes:
      typeof minutes === 'number' &&
      Number.isInteger(minutes) &&
      minutes >= 0 &&
      minutes <= AUTO_LOCK_MAX_MINUTES
        ? minutes
        : DEFAULT_SETTINGS.autoLockMinutes,
    backupKeep:
      typeof keep === 'number' &&
      Number.isInteger(keep) &&
      keep >= MIN_KEEP_BACKUPS &&
      keep <= MAX_KEEP_BACKUPS
        ? keep
        : DEFAULT_SETTINGS.backupKeep,
    recoveryPromptDismissed: flag('recoveryPromptDismissed'),
    counterInstructions: counterInstructions(stored['counterInstructions']),
  };
}

function counterInstructions(value: unknown): string {
  return typeof value === 'string' && value.length <= COUNTER_INSTRUCTIONS_MAX
    ? value
    : DEFAULT_SETTINGS.counterInstructions;
}

export function createSettingsService(ctx: ServiceContext): SettingsService {
  return {
    get: () => readSettings(ctx),
    set(patch) {
      const before = readSettings(ctx);
      const next: Settings = { ...before };
      if (patch.polling !== undefined) next.polling = patch.polling;
      if (patch.theme !== undefined) next.theme = patch.theme;
      if (patch.shortcuts !== undefined) next.shortcuts = patch.shortcuts;
      if (patch.notifications !== undefined) next.notifications = patch.notifications;
      if (patch.autoLockMinutes !== undefined) next.autoLockMinutes = patch.autoLockMinutes;
      if (patch.backupKeep !== undefined) next.backupKeep = patch.backupKeep;
      if (patch.recoveryPromptDismissed !== undefined)
        next.recoveryPromptDismissed = patch.recoveryPromptDismissed;
      if (patch.counterInstructions !== undefined) next.counterInstructions = patch.counterInstructions;
      settingsRepo.set(ctx.db, SETTINGS_KEY, JSON.stringify(next));
      if (next.polling !== before.polling) ctx.runtime.engine()?.setEnabled(next.polling);
      ctx.events.emit('settings:changed', next);
      return next;
    },
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function createStorageService(ctx: ServiceContext): StorageService {
  return {
    info() {
      const cacheBytes = ['', '-wal', '-shm'].reduce(
        (sum, suffix) => sum + fileSize(`${ctx.dbPath}${suffix}`),
        0,
      );
      return { dataDir: ctx.dataDir, cacheBytes, ...statsRepo.counts(ctx.db) };
    },
  };
}

export function createSyncService(ctx: ServiceContext, settings: SettingsService): SyncService {
  return {
    status: () => ctx.runtime.status(),
    setPolling: (enabled) => settings.set({ polling: enabled }),
    async now() {
      await once();
    },
    once,
  };

  async function once(options: { all?: boolean } = {}): Promise<SyncOnceReport> {
    const engine = ctx.runtime.engine();
    if (!engine) {
      ctx.runtime.workspace();
      ctx.runtime.client(); // throws why there is no engine (no secret, demo not running)
      return { checked: 0, changed: 0, failed: 0, imagesStored: 0 };
    }
    return engine.syncOnce(options);
  }
}

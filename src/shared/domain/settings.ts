import { DEFAULT_COUNTER_INSTRUCTIONS } from './counter';
import type { Settings } from './views';

/** Longest auto-lock the settings accept, in minutes (one day). */
export const AUTO_LOCK_MAX_MINUTES = 1440;

/** Rotating cache backups kept: a week of daily backups by default. */
export const DEFAULT_KEEP_BACKUPS = 7;
export const MIN_KEEP_BACKUPS = 1;
export const MAX_KEEP_BACKUPS = 30;

/**
 * The settings of a fresh installation. Main falls back to them per field when the stored value is
 * missing or damaged; the renderer shows them until main has answered `settings:get`.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  polling: true,
  theme: 'system',
  shortcuts: true,
  notifications: true,
  autoLockMinutes: 0,
  backupKeep: DEFAULT_KEEP_BACKUPS,
  recoveryPromptDismissed: false,
  counterInstructions: DEFAULT_COUNTER_INSTRUCTIONS,
});

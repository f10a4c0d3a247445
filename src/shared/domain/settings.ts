import type { Settings } from './views';

/** Longest auto-lock the settings accept, in minutes (one day). */
export const AUTO_LOCK_MAX_MINUTES = 1440;

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
});

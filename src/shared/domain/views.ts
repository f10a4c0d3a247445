import type { CaseQueue } from './queues';
import type { CaseDetail } from './case';
import type { Workspace } from './workspace';

/*
 * What the renderer sees through the IPC contract. None of these ever holds a secret, a token or the
 * database key: the renderer may set a client secret and ask whether one is set, nothing more.
 */

export interface WorkspaceView extends Workspace {
  /** A client secret is stored in the OS keychain for this workspace. */
  hasSecret: boolean;
  /** The host customer links open on (Ondato's or the white-label one), for display. */
  customerHost: string;
  /** Team mode: the team database this workspace is joined to (never with a password); absent: none. */
  teamUrl?: string | null;
}

export interface WorkspaceList {
  workspaces: WorkspaceView[];
  activeId: string | null;
}

export interface SetupOption {
  id: string;
  name: string;
  disabled: boolean;
}

export interface ConnectionResult {
  setups: SetupOption[];
  /** Scopes granted to the client, when Ondato lists them. */
  scopes: string[] | null;
}

export interface SyncErrorView {
  at: number;
  code: string;
  message: string;
  fileId: string | null;
}

export interface CaseView extends CaseDetail {
  /** The link the customer opens, on the workspace's customer host. */
  customerUrl: string;
  syncErrors: SyncErrorView[];
}

/** `storage_error`: the local cache cannot be written (disk full, I/O error, damaged); `lastError` says which. */
export type SyncState = 'idle' | 'online' | 'offline' | 'paused' | 'auth_failed' | 'storage_error';

export interface SyncStatus {
  state: SyncState;
  /** Cases due for a check now. */
  queued: number;
  inFlight: number;
  lastSuccessAt: number | null;
  /** When the engine declared itself offline; null while online. */
  offlineSince: number | null;
  lastError: { code: string; message: string; at: number } | null;
  /** Team mode: whether the team relay's webhooks are flowing (absent when no relay ever ran). */
  teamRelay?: TeamRelayStatus | null;
}

/**
 * 'live': webhooks arrive (relay heartbeat fresh), polling is a slow safety net; `since` is the last
 * event. 'silent': the relay stopped, the desk polls at the normal cadence; `since` is its last sign.
 */
export interface TeamRelayStatus {
  state: 'live' | 'silent';
  since: number | null;
}

export type ThemePreference = 'system' | 'light' | 'dark';

export interface Settings {
  polling: boolean;
  theme: ThemePreference;
  shortcuts: boolean;
  notifications: boolean;
  /** Lock the window after this many idle minutes (only once a PIN is set); 0 = never. */
  autoLockMinutes: number;
  /** Rotating encrypted cache backups kept (1 to 30); one is taken a day while the app runs. */
  backupKeep: number;
  /** The officer dismissed the first-start prompt to save a recovery code. */
  recoveryPromptDismissed: boolean;
  /** The branch's instructions on the counter view (plain text; blank lines separate paragraphs). */
  counterInstructions: string;
}

/** The auto-lock as the renderer sees it; the PIN and its hash never leave main. */
export interface LockStatus {
  locked: boolean;
  /** An unlock PIN is set (auto-lock and "Lock now" need one). */
  pinSet: boolean;
  /** After too many wrong PINs: when the next try is accepted (ms since the epoch); otherwise null. */
  retryAt: number | null;
}

/** The local cache's health and ways back (Settings → Cache). */
export interface CacheStatus {
  /** Damage was found: the cache is read-only until a backup is restored. */
  damaged: boolean;
  /** The last storage failure (disk full, I/O, damaged), cleared by the next successful write. */
  problem: { code: string; message: string } | null;
  recovery: { set: boolean; createdAt: number | null };
  backups: number;
  latestBackupAt: number | null;
  backupKeep: number;
}

/** Why the cache could not be opened at start-up, and what the officer can do about it. */
export interface CacheRescueProblem {
  code: 'cache_key_missing' | 'cache_missing' | 'cache_damaged';
  message: string;
  /** The rotating backups, newest first. */
  backups: { at: number; path: string }[];
  /** A recovery file exists beside the cache (the code can re-open it). */
  recoverySet: boolean;
  /** The keychain holds the cache key (needed to restore a backup; recovery puts it back). */
  keyInKeychain: boolean;
}

/** A rescue step succeeded: KYC Desk restarts into the normal app. */
export interface RescueOutcome {
  restart: true;
}

export interface StorageInfo {
  dataDir: string;
  cacheBytes: number;
  cases: number;
  images: number;
}

export interface ImageData {
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  bytes: Uint8Array;
}

export interface QrData {
  url: string;
  /** A self-contained SVG (no scripts, no external references). */
  svg: string;
  png: Uint8Array;
}

/** Which cases a register export holds: the case list's filters, every matching case (no paging). */
export interface RegisterFilters {
  search?: string | undefined;
  idvStatus?: string[] | undefined;
  kycStatus?: string[] | undefined;
  decision?: ('accept' | 'reject' | 'escalate' | 'none')[] | undefined;
  /** The list's work queue and created-date range (ms; `createdBefore` exclusive). */
  queue?: CaseQueue | undefined;
  createdFrom?: number | undefined;
  createdBefore?: number | undefined;
  sort?: 'created' | 'modified' | 'attention' | undefined;
  dir?: 'asc' | 'desc' | undefined;
}

/** An export's result: where it was written, or that the officer cancelled the save dialog. */
export type ExportOutcome =
  { status: 'written'; path: string; bytes: number; cases: number } | { status: 'cancelled' };

/** A workspace's retention policy; `days: null` is off (the default). */
export interface RetentionView {
  workspaceId: string;
  days: number | null;
  lastRunAt: number | null;
}

export interface RetentionCaseLine {
  caseId: string;
  externalRef: string | null;
  decision: 'accept' | 'reject';
  decidedAt: number;
  files: number;
  images: number;
}

/** One run of a workspace's retention policy (or what it would remove, when `dryRun`). */
export interface RetentionReport {
  workspaceId: string;
  workspaceName: string;
  days: number | null;
  dryRun: boolean;
  ranAt: number;
  /** Decisions at or before this time are old enough; null when the policy is off. */
  cutoff: number | null;
  cases: RetentionCaseLine[];
}

export type ImportOutcome = 'imported' | 'exists' | 'not_found' | 'other_setup' | 'failed';

export interface ImportLine {
  idvId: string;
  outcome: ImportOutcome;
  /** One officer-facing sentence for anything but `imported`. */
  message: string | null;
}

export interface ImportReport {
  lines: ImportLine[];
  /** For `--since`: filter pages read and identifications seen. */
  pages: number;
  seen: number;
  /** A bound (pages or items) stopped the walk before Ondato's list ended. */
  truncated: boolean;
  /** Why the walk stopped early on an error (what was imported before it stays); null otherwise. */
  stopped: string | null;
}

import type { SyncStatus } from '../../shared/domain/views';
import type { ReadScope } from './case-sync';

/** What happened upstream to one case in one check; drives notifications and the timeline. */
export type Transition =
  | { kind: 'idv_status'; from: string | null; to: string }
  | { kind: 'kyc_started'; kycId: string }
  | { kind: 'kyc_submitted' }
  | { kind: 'kyc_status'; from: string | null; to: string; reason: string | null }
  | { kind: 'document_updated' }
  | { kind: 'files_cached'; count: number };

export interface CaseChange {
  caseId: string;
  transitions: Transition[];
}

export interface SyncOnceReport {
  checked: number;
  changed: number;
  failed: number;
  imagesStored: number;
}

/**
 * The poller of one workspace (docs/adr/0002-polling-cadence.md). Plain Node: no Electron, timers and clock injected.
 * The schedule lives in the cache (sync_schedule), so a restarted engine resumes where it stopped.
 */
export interface SyncEngine {
  /** Starts the loop; resumes from the persisted schedule. */
  start(): void;
  /** Stops scheduling and waits for in-flight requests to settle (their results are still applied). */
  stop(): Promise<void>;
  /** Polling on/off (Settings); refresh() still works when off. */
  setEnabled(enabled: boolean): void;
  /** A newly created case: schedule it and watch it closely for `watchForMs` (default 5 min). */
  track(caseId: string, options?: { watchForMs?: number }): void;
  /** The case on the officer's screen is polled at the viewing cadence; null clears. */
  setViewing(caseId: string | null): void;
  /**
   * Checks one case now (joining a check already in flight for it); resolves when the cache holds
   * the result, rejects with the OndatoError when Ondato could not be reached or answered badly.
   * `reads` narrows the read to what a webhook named (see CheckRequest.reads); the officer's refresh
   * reads everything.
   */
  refresh(caseId: string, options?: { reads?: ReadScope }): Promise<void>;
  /** One pass over every case of the workspace that is not settled (or all with `all`), for `kyc-desk sync --once`. */
  syncOnce(options?: { all?: boolean }): Promise<SyncOnceReport>;
  status(): SyncStatus;
  onChange(listener: (changes: CaseChange[]) => void): () => void;
  onStatus(listener: (status: SyncStatus) => void): () => void;
}

import type { ClientBase } from 'pg';
import type { Db } from '../db/sql';
import type { AppLogger } from '../logger';
import type { Timers } from '../sync/options';
import type { LeaseBook } from '../sync/poll-gate';
import type { TeamCrossCheck, TeamStatusView } from '../../shared/domain/team';
import type { WebhookRead } from './webhooks';

/*
 * A joined workspace's link to its team database: at most two connections (one for work, one that only
 * LISTENs for 'kyc_team_changes'), never a pool. Offline-first: the cache stays what everything reads;
 * while the team database is away, decisions queue in the outbox and the session reconnects with
 * backoff on the injected timers; each reconnect runs a full round (push, publish, pull).
 */
export interface TeamSessionDeps {
  db: Db;
  workspaceId: string;
  /** Keychain password, if the officer gave one; otherwise PGPASSWORD / ~/.pgpass / certificate. */
  password: () => Promise<string | null>;
  env: Record<string, string | undefined>;
  home?: string | undefined;
  now: () => number;
  timers: Timers;
  logger: AppLogger;
  /** False for one-shot CLI commands: one work connection, no LISTEN, no reconnect loop. */
  live: boolean;
  backoff?: { minMs: number; maxMs: number };
  onApplied?: (caseIds: string[]) => void;
  /** The workspace's lease book: rounds that claim put the team's poll leases in it. */
  leases?: LeaseBook | undefined;
  /**
   * Reads these cases from Ondato now (the engine's refresh, narrowed to the resource the events
   * named): a webhook said they changed and this desk holds their leases. Without it (one-shot CLI)
   * the session does not react to webhooks.
   */
  fetch?: ((reads: WebhookRead[]) => Promise<void>) | undefined;
}

/** How long a poll lease lasts in the team database; a dead desk's cases wait at most this long. */
export const LEASE_TTL_SECONDS = 120;
/** A live desk renews its leases (a round) this often; a refused case is looked at again then. */
export const LEASE_DEFER_MS = 30_000;
export const LEASE_BATCH = 100;
/** Local leases end this much before the team's, so two desks never both believe they hold one. */
export const LEASE_MARGIN_MS = 10_000;

export interface TeamSession {
  /**
   * Connects (once) and runs a round; never throws — the problem shows in status(). `claim` takes
   * poll leases for this desk's engine (live sessions always do).
   */
  sync(options?: { claim?: boolean }): Promise<void>;
  /** Registers new local cases and publishes fresh results soon, in one turn per burst (live sessions). */
  share(): void;
  /** Runs `work` on the work connection, connecting first; throws the team's one-line error. */
  withClient<T>(work: (client: ClientBase) => Promise<T>): Promise<T>;
  crossCheck(): Promise<TeamCrossCheck>;
  status(): TeamStatusView;
  stop(): Promise<void>;
}

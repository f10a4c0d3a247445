import type { ClientBase } from 'pg';
import * as casesRepo from '../db/repos/cases';
import type { Db } from '../db/sql';
import type { TeamRelayStatus } from '../../shared/domain/views';
import type { ReadScope } from '../sync/case-sync';
import type { SyncEngine } from '../sync/types';

/*
 * The desk's side of the team relay (ADR 0022). A webhook only says "this case changed": the desk that
 * wins the case's lease reads the resource from Ondato with its own credentials and publishes it; the
 * payload itself is never used as data. Events are re-read by arrival time with an overlap (arrival is
 * the insert's clock, not commit order) and de-duplicated by envelope id here as well as in the relay.
 */

/** While the relay is live, a case nobody has polled for this long is still polled (the safety net). */
export const SAFETY_NET_SECONDS = 20 * 60;
/** Events are re-read from this long before the newest one seen. */
const OVERLAP_MS = 30_000;
const EVENT_PAGE = 1_000;

export type ClaimAnswer = 'claimed' | 'held' | 'fresh' | 'unknown';

/** A case this desk is to read from Ondato, and what its events named (absent: read it all). */
export interface WebhookRead {
  caseId: string;
  reads?: ReadScope;
}

interface EventRow {
  event_id: string;
  type: string;
  case_id: string;
  received_at: Date;
  /** received_at to the microsecond, UTC, fixed width (sorts as text): a JS Date keeps milliseconds. */
  received_exact: string;
}

/** Reads the cases a webhook made this desk's (the engine's refresh); one case's failure stays its own. */
export async function readWebhookCases(
  engine: Pick<SyncEngine, 'refresh'>,
  reads: readonly WebhookRead[],
): Promise<void> {
  await Promise.allSettled(reads.map(({ caseId, reads: scope }) => engine.refresh(caseId, { reads: scope })));
}

/** The resource an event type names; an unknown type (Ondato adds some) earns a full read. */
export function scopeOf(type: string): ReadScope | undefined {
  if (type.startsWith('IdentityVerification.')) return 'idv';
  if (type.startsWith('KycIdentification.')) return 'kyc';
  return undefined;
}

interface HealthRow {
  last_event_at: Date | null;
  last_heartbeat_at: Date | null;
  seconds_since_event: number | null;
  relays_alive: number;
}

/** A relay that beats (or events that arrive) within this many seconds counts as live. */
const LIVE_SECONDS = 45;

export function relayStatusOf(row: HealthRow | undefined): TeamRelayStatus | null {
  if (!row || (row.last_heartbeat_at === null && row.last_event_at === null)) return null;
  const eventFresh = row.seconds_since_event !== null && row.seconds_since_event < LIVE_SECONDS;
  if (row.relays_alive > 0 || eventFresh) {
    return { state: 'live', since: row.last_event_at?.getTime() ?? null };
  }
  const last = Math.max(row.last_heartbeat_at?.getTime() ?? 0, row.last_event_at?.getTime() ?? 0);
  return { state: 'silent', since: last };
}

export class WebhookDesk {
  private cursor: Date | null = null;
  private readonly seen = new Map<string, number>();
  /**
   * Cases with an event this desk has not yet seen fetched: what the events named ('all': both) and
   * when the newest of them arrived (a read that began after it has the change).
   */
  private readonly pending = new Map<string, { scope: ReadScope | 'all'; after: string }>();
  status: TeamRelayStatus | null = null;

  constructor(
    private readonly db: Db,
    private readonly ws: string,
  ) {}

  /** Where this desk starts listening: events from before it joined are the safety net's business. */
  async start(client: ClientBase): Promise<void> {
    if (this.cursor !== null) return;
    const now = await client.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    this.cursor = now.rows[0]?.now ?? new Date(0);
  }

  /** Reads events that arrived since the last read; a case this desk's cache holds becomes pending. */
  async collect(client: ClientBase): Promise<void> {
    await this.start(client);
    // Keyset pages: a burst larger than a page inside the overlap must not pin the read to its start.
    let after: [Date, string] = [new Date(this.cursor!.getTime() - OVERLAP_MS), ''];
    for (;;) {
      const rows = await client.query<EventRow>(
        `SELECT event_id, type, case_id, received_at,
                to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_exact
           FROM kyc_team.webhook_case_events
          WHERE (received_at, event_id) > ($1, $2) ORDER BY received_at, event_id LIMIT $3`,
        [after[0], after[1], EVENT_PAGE],
      );
      for (const row of rows.rows) this.note(row);
      const last = rows.rows.at(-1);
      if (!last || rows.rows.length < EVENT_PAGE) break;
      after = [last.received_at, last.event_id];
    }
    const keepAfter = this.cursor!.getTime() - 2 * OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < keepAfter) this.seen.delete(id);
  }

  private note(row: EventRow): void {
    if (row.received_at > this.cursor!) this.cursor = row.received_at;
    if (this.seen.has(row.event_id)) return;
    this.seen.set(row.event_id, row.received_at.getTime());
    // The team tracks the case but this desk has not pulled it yet: another desk fetches it.
    if (!casesRepo.get(this.db, this.ws, row.case_id)) return;
    const scope = scopeOf(row.type) ?? 'all';
    const before = this.pending.get(row.case_id);
    this.pending.set(row.case_id, {
      scope: before === undefined || before.scope === scope ? scope : 'all',
      after: before && before.after > row.received_exact ? before.after : row.received_exact,
    });
  }

  /**
   * Tries to take the lease of every pending case: the claimed ones are this desk's to fetch; a case
   * another desk holds stays pending (asked again next round, when that desk has published); a case
   * whose published result was read after the event ('fresh', team schema 6) needs no read.
   */
  async claim(client: ClientBase, deskId: string, ttlSeconds: number): Promise<WebhookRead[]> {
    const mine: WebhookRead[] = [];
    for (const [caseId, { scope, after }] of [...this.pending]) {
      // The exact arrival time: a lease claimed in the event's own millisecond but before it is not 'fresh'.
      const answer = await client.query<{ answer: ClaimAnswer }>(
        'SELECT kyc_team.claim_case($1, $2, $3, $4::timestamptz) AS answer',
        [deskId, caseId, ttlSeconds, after],
      );
      const verdict = answer.rows[0]?.answer ?? 'unknown';
      if (verdict === 'held') continue;
      this.pending.delete(caseId);
      if (verdict === 'claimed') mine.push(scope === 'all' ? { caseId } : { caseId, reads: scope });
    }
    return mine;
  }

  async readHealth(client: ClientBase): Promise<TeamRelayStatus | null> {
    const health = await client.query<HealthRow>(
      `SELECT last_event_at, last_heartbeat_at, seconds_since_event, relays_alive
         FROM kyc_team.webhook_health`,
    );
    this.status = relayStatusOf(health.rows[0]);
    return this.status;
  }

  get live(): boolean {
    return this.status?.state === 'live';
  }
}

import { Pool } from 'pg';
import type { WebhookEvent } from './envelope';

/*
 * Where a relay puts events: the team database, through kyc_team.record_webhook (the relay's role may
 * call that and the heartbeat, nothing else). A database that cannot be reached is `unavailable`, which
 * the server answers with 503 so Ondato retries later.
 */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super('team database unavailable', { cause });
    this.name = 'StoreUnavailable';
  }
}

export interface EventStore {
  record(event: WebhookEvent): Promise<'stored' | 'duplicate'>;
  heartbeat(): Promise<void>;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export interface PgStoreOptions {
  /** Connection string with the password already resolved (never logged). */
  connectionString: string;
  relayName: string;
  maxConnections?: number;
}

export function createPgStore(options: PgStoreOptions): EventStore {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 8,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 5_000,
    application_name: `kyc-desk relay ${options.relayName}`.slice(0, 63),
  });
  // An idle client losing its server must not crash the relay; the next query reports it.
  pool.on('error', () => undefined);

  async function query<T extends Record<string, unknown>>(text: string, values: unknown[]): Promise<T[]> {
    try {
      const result = await pool.query<T>(text, values);
      return result.rows;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      // Permission and data errors are ours to fix, not the network's: report them as they are.
      if (code === '42501' || code.startsWith('22') || code.startsWith('23')) throw error;
      throw new StoreUnavailable(error);
    }
  }

  return {
    async record(event) {
      const rows = await query<{ stored: boolean }>(
        'SELECT kyc_team.record_webhook($1, $2, $3, $4, $5, $6, $7) AS stored',
        [
          event.id,
          event.type,
          event.caseId,
          event.kycId,
          event.createdUtc,
          event.resourceModified,
          options.relayName,
        ],
      );
      return rows[0]?.stored ? 'stored' : 'duplicate';
    },
    async heartbeat() {
      await query('SELECT kyc_team.relay_heartbeat($1)', [options.relayName]);
    },
    async healthy() {
      try {
        await query('SELECT 1', []);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

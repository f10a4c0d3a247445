import type { Server } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { Client } from 'pg';
import { createRelayServer, listen, type RelayAuth } from '../../../src/relay/server';
import { createPgStore, type EventStore } from '../../../src/relay/store';
import { harness, type Harness } from '../simulator/helpers';
import type { TeamFixture } from '../team-db/support';

/*
 * The simulator delivering to a real relay on a real PostgreSQL. Time moves only on the simulator's
 * clock: a test advances it and asks the simulator to send what is due (`POST /__sim/webhooks/deliver`
 * answers once those attempts are over), so nothing waits on wall time.
 */
export const RELAY_PASSWORD = 'relay-password-123';
export const HOOK_USER = 'ondato';
export const HOOK_PASSWORD = 'hook-password-456';
export const BASIC_AUTH: RelayAuth = { mode: 'basic', username: HOOK_USER, password: HOOK_PASSWORD };
export const SIM_BASIC = { kind: 'basic', username: HOOK_USER, password: HOOK_PASSWORD };

export interface RelayAnswer {
  path: string;
  status: number;
  outcome?: string;
}

export interface RelayRun {
  url: string;
  port: number;
  /** Every request the relay answered, from its own request log (which never holds the payload). */
  answers: RelayAnswer[];
  close(): Promise<void>;
}

export async function startRelay(
  team: TeamFixture,
  role: string,
  auth: RelayAuth,
  port = 0,
): Promise<RelayRun> {
  const store: EventStore = createPgStore({
    connectionString: team.cluster.url(role, RELAY_PASSWORD, team.database),
    relayName: role,
  });
  const answers: RelayAnswer[] = [];
  const server: Server = createRelayServer({
    store,
    auth,
    log: {
      info: (_message, fields) => answers.push(fields as unknown as RelayAnswer),
      warn: () => undefined,
    },
  });
  const address = await listen(server, port, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    answers,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

export interface StoredEvent {
  id: string;
  type: string;
  case_id: string;
  kyc_id: string | null;
  created_utc: Date | null;
  resource_modified: Date | null;
  relay: string;
}

/** A fresh owner connection per read: a database restart kills long-lived ones. */
export async function ownerQuery<T>(team: TeamFixture, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: team.cluster.url(undefined, undefined, team.database) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function storedFor(team: TeamFixture, caseId: string): Promise<StoredEvent[]> {
  return ownerQuery<StoredEvent>(
    team,
    `SELECT id, type, case_id, kyc_id, created_utc, resource_modified, relay::text AS relay
       FROM kyc_team.webhook_events WHERE case_id = $1 ORDER BY received_at, id`,
    [caseId],
  );
}

export interface DeliveryView {
  id: string;
  idvId: string;
  type: string;
  subscriptionId: string;
  copy: boolean;
  attempts: number;
  isDelivered: boolean;
  pending: boolean;
  lastStatus: number | null;
  nextAttemptUtc: string | null;
}

/** A simulator on its own manual clock; each test takes its own seed so ids never collide in the team DB. */
export async function simulatorFor(seed: number, subscription: Record<string, unknown>): Promise<Harness> {
  const h = await harness({ seed });
  const res = await h.control('POST', '/webhooks/subscriptions', subscription);
  if (res.status !== 200) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`);
  return h;
}

export async function deliver(h: Harness): Promise<void> {
  const res = await h.control('POST', '/webhooks/deliver');
  if (res.status !== 200) throw new Error(`deliver: ${res.status}`);
}

export async function deliveries(h: Harness): Promise<DeliveryView[]> {
  const res = await h.control<DeliveryView[]>('GET', '/webhooks/deliveries');
  return res.body;
}

/**
 * Lets the simulator's retries run: sends what is due, then moves the clock to the next attempt any
 * pending delivery has, until none is pending. Bounded by attempts, not by time.
 */
export async function settle(h: Harness, maxSteps = 40): Promise<DeliveryView[]> {
  for (let step = 0; step < maxSteps; step++) {
    await deliver(h);
    const list = await deliveries(h);
    const next = list
      .map((d) => (d.nextAttemptUtc === null ? Number.NaN : Date.parse(d.nextAttemptUtc)))
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b)[0];
    if (next === undefined) return list;
    h.clock.set(Math.max(h.clock.now(), next));
  }
  throw new Error(`deliveries still pending after ${maxSteps} steps`);
}

/** Listens on a free loopback port and answers it. */
export async function freePortOn(server: NetServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return address.port;
}

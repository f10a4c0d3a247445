import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { attachAuditChain } from '../src/main/db/audit-chain';
import { openCache } from '../src/main/db/open';
import * as cases from '../src/main/db/repos/cases';
import * as teamRepo from '../src/main/db/repos/team';
import * as workspaces from '../src/main/db/repos/workspaces';
import { silentLogger, type AppLogger } from '../src/main/logger';
import type { OndatoClient } from '../src/main/ondato';
import { createSyncEngine } from '../src/main/sync/engine';
import type { Timers } from '../src/main/sync/options';
import { LeaseBook } from '../src/main/sync/poll-gate';
import { createTeamSession, LEASE_DEFER_MS } from '../src/main/team/session';
import { readWebhookCases } from '../src/main/team/webhooks';
import { createRelayServer, listen } from '../src/relay/server';
import { createPgStore } from '../src/relay/store';
import { addOfficer, addRelay } from '../src/team-db/admin';
import { migrateTeamDatabase } from '../src/team-db/migrate';
import type { PgCluster } from '../test/support/pg-cluster';
import { mulberry32, type Poller } from './pollers';

/*
 * One team for the webhook benchmark: a migrated team database in a throwaway PostgreSQL cluster, a
 * relay (the real server and store, in this process, beating like `kyc-desk relay`) and one desk joined
 * to it — the real sync engine gated by the team's leases and the real team session that LISTENs for
 * the relay's events and has the lease holder read the case from Ondato. All on the wall clock.
 */
export const HOOK_USER = 'ondato';
export const HOOK_PASSWORD = 'bench-hook-password';
const ROLE_PASSWORD = 'bench-role-password';
const HEARTBEAT_MS = 15_000;
const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';

const silent: AppLogger = silentLogger;

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export interface TeamRelay {
  /** Where the simulator posts. */
  webhookUrl: string;
  deskUrl: string;
  deskRole: string;
  close(): Promise<void>;
}

/** A team database named `tag` with its relay listening on loopback. */
export async function startTeamRelay(cluster: PgCluster, tag: string): Promise<TeamRelay> {
  const database = `team_${tag}`;
  const admin = new Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const owner = new Client({ connectionString: cluster.url(undefined, undefined, database) });
  await owner.connect();
  await migrateTeamDatabase(owner);
  const relayRole = `relay_${tag}`;
  const deskRole = `desk_${tag}`;
  await addRelay(owner, relayRole, ROLE_PASSWORD);
  await addOfficer(owner, {
    role: deskRole,
    displayName: `Desk ${tag}`,
    supervisor: false,
    password: ROLE_PASSWORD,
  });
  await owner.end();

  const store = createPgStore({
    connectionString: cluster.url(relayRole, ROLE_PASSWORD, database),
    relayName: relayRole,
  });
  await store.heartbeat();
  const server: Server = createRelayServer({
    store,
    auth: { mode: 'basic', username: HOOK_USER, password: HOOK_PASSWORD },
  });
  const address = await listen(server, 0, '127.0.0.1');
  const beat = setInterval(() => void store.heartbeat().catch(() => undefined), HEARTBEAT_MS);
  return {
    webhookUrl: `http://127.0.0.1:${address.port}/ondato/webhooks`,
    deskUrl: `postgres://${deskRole}@${cluster.host}:${cluster.port}/${database}`,
    deskRole,
    async close() {
      clearInterval(beat);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

export interface WebhookDesk extends Poller {
  /** Cached IDV and KYC status of a case, for the convergence check. */
  cached(caseId: string): { idv: string; kyc: string | null } | null;
  /** Ondato reads a webhook made this desk do (the rest are polls). */
  webhookReads(): number;
  relayState(): string;
  /** Registers a case with the team as soon as it is created, as the desk does on its next round. */
  created(caseId: string, externalRef: string): Promise<void>;
}

/**
 * The desk. `client` is wrapped by the caller's counter; `inWebhookRead` tells it which case reads a
 * webhook triggered (the engine's refresh runs while the case is in that set).
 */
export async function openWebhookDesk(
  team: TeamRelay,
  client: OndatoClient,
  inWebhookRead: Set<string>,
  counts: { webhook: number },
): Promise<WebhookDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-wh-'));
  const cache = openCache({ path: join(dir, 'cache.db'), key: randomBytes(32).toString('hex') });
  attachAuditChain(cache.db, { key: randomBytes(32).toString('hex') });
  const ws = `ws-${team.deskRole}`;
  const now = (): number => Date.now();
  workspaces.add(
    cache.db,
    {
      id: ws,
      name: team.deskRole,
      environment: 'demo',
      clientId: 'kyc-desk-demo',
      setupId: SETUP,
      customerBaseUrl: null,
      overrides: null,
      officerName: null,
    },
    now(),
  );
  teamRepo.setLink(cache.db, { workspaceId: ws, url: team.deskUrl, deskId: team.deskRole, now: now() });
  const book = new LeaseBook(now, LEASE_DEFER_MS);
  const engine = createSyncEngine({
    db: cache.db,
    workspaceId: ws,
    client,
    clock: { now },
    timers: realTimers,
    random: mulberry32(7),
    osUser: 'bench',
    pollGate: book,
  });
  const seen = new Map<string, number>();
  const mark = (caseId: string, state: string): void => {
    const key = `${caseId}|${state}`;
    if (!seen.has(key)) seen.set(key, now());
  };
  engine.onChange((changes) => {
    for (const change of changes) {
      for (const t of change.transitions) {
        if (t.kind === 'idv_status') mark(change.caseId, `IDV ${t.to}`);
        if (t.kind === 'kyc_status' && (t.to === 'Approved' || t.to === 'Rejected'))
          mark(change.caseId, `KYC ${t.to}`);
      }
    }
  });
  const session = createTeamSession({
    db: cache.db,
    workspaceId: ws,
    password: () => Promise.resolve(ROLE_PASSWORD),
    env: {},
    now,
    timers: realTimers,
    logger: silent,
    live: true,
    leases: book,
    fetch: async (reads) => {
      const ids = reads.map((read) => read.caseId);
      counts.webhook += ids.length;
      for (const id of ids) inWebhookRead.add(id);
      try {
        await readWebhookCases(engine, reads);
      } finally {
        for (const id of ids) inWebhookRead.delete(id);
      }
    },
  });
  engine.start();
  await session.sync();
  return {
    name: `desk + relay (${team.deskRole})`,
    seen,
    track: (caseId) => engine.track(caseId),
    async created(caseId, externalRef) {
      cases.insertCreated(cache.db, ws, {
        idvId: caseId,
        externalRef,
        setupId: SETUP,
        registration: null,
        createdUtc: new Date(now()).toISOString(),
      });
      engine.track(caseId);
      await session.sync();
    },
    cached(caseId) {
      const c = cases.get(cache.db, ws, caseId);
      return c ? { idv: c.idvStatus, kyc: c.kycStatus } : null;
    },
    webhookReads: () => counts.webhook,
    relayState: () => session.status().relay?.state ?? 'none',
    async stop() {
      await engine.stop();
      await session.stop();
      cache.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

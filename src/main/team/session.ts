import type { Client, ClientBase } from 'pg';
import * as teamRepo from '../db/repos/team';
import * as outboxRepo from '../db/repos/team-outbox';
import type { TimerHandle } from '../sync/options';
import { parseTeamUrl } from '../../team-db/connect';
import { isTeamDbError, TeamDbError } from '../../team-db/errors';
import { isConnectionLoss } from './connection-loss';
import { openListener, openWorkConnection } from './session-connect';
import {
  LEASE_BATCH,
  LEASE_DEFER_MS,
  LEASE_MARGIN_MS,
  LEASE_TTL_SECONDS,
  type TeamSession,
  type TeamSessionDeps,
} from './session-types';
import { claimPolls, claimQuietPolls } from './team-api';
import { SAFETY_NET_SECONDS, WebhookDesk, type WebhookRead } from './webhooks';
import {
  crossCheck,
  publishResults,
  pullChanges,
  pushOutbox,
  registerLocalCases,
  type RoundContext,
} from './team-sync';

export { LEASE_DEFER_MS, LEASE_TTL_SECONDS } from './session-types';
export type { TeamSession, TeamSessionDeps } from './session-types';

/*
 * A joined workspace's link to its team database (the contract is in session-types.ts): rounds, the
 * share of fresh results, the pull on NOTIFY and the reaction to webhooks, all in turn on the one work
 * connection.
 */
export function createTeamSession(deps: TeamSessionDeps): TeamSession {
  const backoff = deps.backoff ?? { minMs: 1_000, maxMs: 60_000 };
  const target = (): string => {
    const link = teamRepo.link(deps.db, deps.workspaceId);
    return link ? parseTeamUrl(link.url).where : '';
  };
  let work: Client | null = null;
  let listener: Client | null = null;
  let schemaVersion: number | null = null;
  let problem: string | null = null;
  let stopped = false;
  let retryMs = backoff.minMs;
  let retryTimer: TimerHandle | null = null;
  let tickTimer: TimerHandle | null = null;
  let pullQueued = false;
  let webhooksQueued = false;
  let shareQueued = false;
  const webhooks = new WebhookDesk(deps.db, deps.workspaceId);
  const reactsToWebhooks = deps.live && deps.fetch !== undefined;
  // Every use of the work connection runs in turn: a round never interleaves with a command.
  let chain: Promise<unknown> = Promise.resolve();

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const next = chain.then(job, job);
    chain = next.catch(() => undefined);
    return next;
  }

  function dropConnections(): void {
    const clients = [work, listener];
    work = null;
    listener = null;
    for (const c of clients) void c?.end().catch(() => undefined);
  }

  function scheduleReconnect(): void {
    if (!deps.live || stopped || retryTimer !== null) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, backoff.maxMs);
    retryTimer = deps.timers.setTimeout(() => {
      retryTimer = null;
      void sync();
    }, wait);
  }

  function lost(error: unknown): void {
    problem =
      error instanceof TeamDbError && error.code === 'team_unreachable'
        ? error.message
        : `Team database ${target()} is unreachable: the connection was lost.`;
    dropConnections();
    // While away, only the reconnect backoff runs; the lease tick resumes after a successful round.
    if (tickTimer !== null) deps.timers.clearTimeout(tickTimer);
    tickTimer = null;
    scheduleReconnect();
  }

  async function connect(): Promise<Client> {
    if (work) return work;
    const link = teamRepo.link(deps.db, deps.workspaceId);
    if (!link) throw new TeamDbError('team_invalid', 'This workspace is not joined to a team database.');
    const options = {
      url: link.url,
      password: await deps.password(),
      env: deps.env,
      ...(deps.home === undefined ? {} : { home: deps.home }),
      applicationName: `kyc-desk ${link.deskId}`,
    };
    const opened = await openWorkConnection(deps.db, deps.workspaceId, options, target());
    const client = opened.client;
    schemaVersion = opened.schemaVersion;
    client.on('error', (error) => lost(error));
    client.on('end', () => {
      if (work === client) lost(new Error('Connection terminated'));
    });
    work = client;
    if (deps.live) {
      if (reactsToWebhooks) await webhooks.start(client);
      const channels = reactsToWebhooks ? ['kyc_team_changes', 'kyc_team_webhooks'] : ['kyc_team_changes'];
      listener = await openListener(
        { ...options, applicationName: `kyc-desk ${link.deskId} listen` },
        channels,
        {
          notified: (channel) => (channel === 'kyc_team_webhooks' ? requestWebhooks() : requestPull()),
          failed: (error) => lost(error),
          ended: (listen) => {
            if (listener === listen) lost(new Error('Connection terminated'));
          },
        },
      );
    }
    retryMs = backoff.minMs;
    problem = null;
    return client;
  }

  function roundContext(): RoundContext {
    const link = teamRepo.link(deps.db, deps.workspaceId);
    return {
      db: deps.db,
      ws: deps.workspaceId,
      deskId: link?.deskId ?? 'desk',
      now: deps.now,
      isConnectionLoss,
    };
  }

  function failed(error: unknown): void {
    if (isConnectionLoss(error)) {
      lost(error);
      return;
    }
    problem = isTeamDbError(error) ? error.message : `Team database ${target()}: the request failed.`;
    deps.logger.warn('team: round failed', { code: isTeamDbError(error) ? error.code : 'internal' });
  }

  const leaseUntil = (): number => deps.now() + LEASE_TTL_SECONDS * 1000 - LEASE_MARGIN_MS;

  /** New webhook events: the cases whose lease this desk won, to be read from Ondato. */
  async function claimWebhookCases(client: ClientBase, deskId: string): Promise<WebhookRead[]> {
    if (!reactsToWebhooks) return [];
    await webhooks.collect(client);
    const mine = await webhooks.claim(client, deskId, LEASE_TTL_SECONDS);
    deps.leases?.grant(
      mine.map((read) => read.caseId),
      leaseUntil(),
      { poll: false },
    );
    return mine;
  }

  async function readRelayHealth(client: ClientBase): Promise<void> {
    deps.leases?.setRelayStatus(await webhooks.readHealth(client));
  }

  /** One round; returns the cases a webhook made this desk's to fetch. */
  async function round(claim: boolean): Promise<WebhookRead[]> {
    const client = await connect();
    const rc = roundContext();
    await registerLocalCases(client, rc);
    const refused = await pushOutbox(client, rc);
    deps.leases?.release(await publishResults(client, rc));
    await readRelayHealth(client);
    if (claim && deps.leases) {
      // Live webhooks: a due case is polled only when nobody has for a while (the safety net).
      const ids = webhooks.live
        ? await claimQuietPolls(client, rc.deskId, LEASE_BATCH, LEASE_TTL_SECONDS, SAFETY_NET_SECONDS)
        : await claimPolls(client, rc.deskId, LEASE_BATCH, LEASE_TTL_SECONDS);
      deps.leases.grant(ids, leaseUntil());
    }
    const mine = await claimWebhookCases(client, rc.deskId);
    const touched = await pullChanges(client, rc);
    problem = refused[0]?.message ?? null;
    if (touched.length > 0) deps.onApplied?.(touched);
    return mine;
  }

  /** Reads the cases from Ondato, then a round publishes them to the team (and gives the leases back). */
  async function fetchAndPublish(reads: WebhookRead[]): Promise<void> {
    if (reads.length === 0 || !deps.fetch || stopped) return;
    try {
      await deps.fetch(reads);
    } catch {
      // The case's own failure is in the cache; its lease lapses and the safety net polls it.
      deps.logger.warn('team: webhook fetch failed', { cases: reads.length });
    }
    await sync({ claim: false });
  }

  /** A live desk runs a round every LEASE_DEFER_MS: leases renewed, results published. */
  function armTick(): void {
    if (!deps.live || stopped || tickTimer !== null) return;
    tickTimer = deps.timers.setTimeout(() => {
      tickTimer = null;
      void sync();
    }, LEASE_DEFER_MS);
  }

  async function sync(options: { claim?: boolean } = {}): Promise<void> {
    if (stopped) return;
    const claim = options.claim ?? deps.live;
    const mine = await serial(async (): Promise<WebhookRead[]> => {
      const reused = work !== null;
      let won: WebhookRead[] = [];
      try {
        won = await round(claim);
      } catch (error) {
        // A connection that died while idle (the server restarted) gets one fresh attempt.
        if (!(reused && isConnectionLoss(error))) {
          failed(error);
          return [];
        }
        dropConnections();
        try {
          won = await round(claim);
        } catch (again) {
          failed(again);
        }
      }
      if (work !== null) armTick();
      return won;
    });
    await fetchAndPublish(mine);
  }

  /**
   * New local cases and fresh Ondato results reach the team now rather than at the next round (up to
   * LEASE_DEFER_MS later): the other desks' view of a case waits on this. Bursts collapse into one
   * turn; a desk that is not connected leaves it to the round that reconnects.
   */
  function share(): void {
    if (shareQueued || stopped || !deps.live || work === null) return;
    shareQueued = true;
    void serial(async () => {
      shareQueued = false;
      try {
        const client = await connect();
        const rc = roundContext();
        await registerLocalCases(client, rc);
        deps.leases?.release(await publishResults(client, rc));
      } catch (error) {
        failed(error);
      }
    });
  }

  /** NOTIFY bursts (one per change) collapse into one pull. */
  function requestPull(): void {
    if (pullQueued || stopped) return;
    pullQueued = true;
    void serial(async () => {
      pullQueued = false;
      try {
        const touched = await pullChanges(await connect(), roundContext());
        if (touched.length > 0) deps.onApplied?.(touched);
      } catch (error) {
        failed(error);
      }
    });
  }

  /** NOTIFY bursts of webhook events collapse into one read; the won cases are fetched outside the turn. */
  function requestWebhooks(): void {
    if (webhooksQueued || stopped) return;
    webhooksQueued = true;
    void serial(async (): Promise<WebhookRead[]> => {
      webhooksQueued = false;
      try {
        const client = await connect();
        await readRelayHealth(client);
        return await claimWebhookCases(client, roundContext().deskId);
      } catch (error) {
        failed(error);
        return [];
      }
    }).then(fetchAndPublish);
  }

  function withClient<T>(job: (client: ClientBase) => Promise<T>): Promise<T> {
    return serial(async () => {
      try {
        return await job(await connect());
      } catch (error) {
        if (isConnectionLoss(error)) lost(error);
        throw error;
      }
    });
  }

  return {
    sync,
    share,
    withClient,
    crossCheck: () => withClient((client) => crossCheck(client, roundContext())),
    status() {
      const link = teamRepo.link(deps.db, deps.workspaceId);
      return {
        joined: link !== null,
        where: link ? parseTeamUrl(link.url).where : null,
        connected: work !== null,
        schemaVersion,
        officer: link?.officer ?? null,
        supervisor: link?.supervisor ?? false,
        pendingPushes: outboxRepo.pendingCount(deps.db, deps.workspaceId),
        lastChangeSeen: link?.lastSeq ?? 0,
        lastPullAt: link?.lastPullAt ?? null,
        problem,
        slaMinutes: link?.slaMinutes ?? null,
        relay: webhooks.status,
      };
    },
    async stop() {
      stopped = true;
      if (retryTimer !== null) deps.timers.clearTimeout(retryTimer);
      if (tickTimer !== null) deps.timers.clearTimeout(tickTimer);
      retryTimer = null;
      tickTimer = null;
      await chain;
      const clients = [work, listener];
      work = null;
      listener = null;
      await Promise.all(clients.map((c) => c?.end().catch(() => undefined)));
    },
  };
}

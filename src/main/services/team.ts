import { randomUUID } from 'node:crypto';
import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import * as teamRepo from '../db/repos/team';
import * as outboxRepo from '../db/repos/team-outbox';
import * as queuesRepo from '../db/repos/team-queues';
import * as workspacesRepo from '../db/repos/workspaces';
import { writeTx } from '../db/storage';
import { AppError } from '../errors';
import { createTeamSession, type TeamSession } from '../team/session';
import { readWebhookCases } from '../team/webhooks';
import { assignCase, releaseCase, reviewProposal } from '../team/team-api';
import { connectTeam, parseTeamUrl } from '../../team-db/connect';
import { checkTeamSchema } from '../../team-db/migrate';
import type {
  TeamCaseView,
  TeamCrossCheck,
  TeamQueue,
  TeamQueueRow,
  TeamStatusView,
} from '../../shared/domain/team';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { NOT_JOINED, teamError, teamPasswordAccount } from './team-support';

export { teamPasswordAccount } from './team-support';
import { caseNotFound, workspaceNotFound } from './errors';

/*
 * Team mode for the services (ADR 0020): joining a workspace to a team database, the session of each
 * joined workspace, the outbox hook of `decide`, and the team's own actions (approve, send back,
 * assign, release) and queues. The team's errors cross as AppErrors with the team's one-line message
 * (host and why, never the password).
 */

export interface TeamEnvironment {
  env: Record<string, string | undefined>;
  home?: string | undefined;
}

export interface TeamService {
  /** Validates the URL and the login, then stores the link (and the password in the keychain). */
  join(input: { workspaceId: string; url: string; password: string | null }): Promise<TeamStatusView>;
  /** Starts the active workspace's session: `live` keeps a LISTEN connection and reconnects. */
  start(live: boolean): Promise<void>;
  /** One round now (push, publish, pull; `claim`: take poll leases first); the outcome is in status(). */
  sync(options?: { claim?: boolean }): Promise<TeamStatusView>;
  status(): TeamStatusView;
  /** The workspace's cases changed here (a new case, a fresh read): share them with the team soon. */
  share(workspaceId: string): void;
  crossCheck(): Promise<TeamCrossCheck>;
  caseView(caseId: string): TeamCaseView | null;
  queue(input: {
    queue: TeamQueue;
    overdueAfterMinutes?: number | undefined;
    limit?: number | undefined;
  }): TeamQueueRow[];
  approve(caseId: string, note: string): Promise<TeamCaseView>;
  sendBack(caseId: string, note: string): Promise<TeamCaseView>;
  assign(caseId: string, to: string | null): Promise<TeamCaseView>;
  release(caseId: string): Promise<TeamCaseView>;
  /** Inside decide's transaction: queues the local decision when the workspace is joined. */
  enqueueDecision(
    ws: string,
    decision: {
      id: number;
      caseId: string;
      decision: 'accept' | 'reject' | 'escalate';
      reasonCode: string | null;
      note: string | null;
      overriddenFlags: string[];
      decidedAt: number;
    },
  ): void;
  /** After a decision: push soon (the app), or now (the CLI awaits it). */
  pushSoon(): Promise<void>;
  stop(): Promise<void>;
}

export function createTeamService(ctx: ServiceContext, environment: TeamEnvironment): TeamService {
  const sessions = new Map<string, TeamSession>();
  let live = false;
  const timers = ctx.timers ?? {
    setTimeout: (callback: () => void, ms: number) => {
      const handle = setTimeout(callback, ms);
      handle.unref?.();
      return handle;
    },
    clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
  };

  function joinedWorkspace(): Workspace {
    const ws = ctx.runtime.workspace();
    if (!teamRepo.link(ctx.db, ws.id)) {
      throw new AppError(
        'team_not_joined',
        'This workspace is not joined to a team database (workspace add --team-url).',
      );
    }
    return ws;
  }

  function sessionFor(wsId: string): TeamSession {
    let session = sessions.get(wsId);
    if (!session) {
      session = createTeamSession({
        db: ctx.db,
        workspaceId: wsId,
        password: () => ctx.secrets.get(teamPasswordAccount(wsId)),
        env: environment.env,
        home: environment.home,
        now: () => ctx.now(),
        timers,
        logger: ctx.logger,
        live,
        onApplied: (ids) => ctx.events.emit('cases:changed', { ids }),
        leases: ctx.leaseBook?.(wsId),
        // A webhook made this desk the one to read these cases (only the active workspace has an engine).
        fetch: async (reads) => {
          const engine = ctx.runtime.activeId() === wsId ? ctx.runtime.engine() : null;
          if (engine) await readWebhookCases(engine, reads);
        },
      });
      sessions.set(wsId, session);
    }
    return session;
  }

  function active(): TeamSession {
    return sessionFor(joinedWorkspace().id);
  }

  function view(ws: string, caseId: string): TeamCaseView {
    const found = queuesRepo.caseView(ctx.db, ws, caseId);
    if (!found) throw caseNotFound();
    return found;
  }

  function audit(
    ws: Workspace,
    caseId: string,
    action: string,
    details: Record<string, string | null>,
  ): void {
    auditRepo.append(ctx.db, ws.id, {
      caseId,
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: teamRepo.link(ctx.db, ws.id)?.officer ?? ws.officerName,
      details,
    });
  }

  /** A team action on a case, then a round so the cache shows the team's answer. */
  async function act(
    caseId: string,
    action: string,
    details: Record<string, string | null>,
    work: Parameters<TeamSession['withClient']>[0],
  ): Promise<TeamCaseView> {
    const ws = joinedWorkspace();
    if (!casesRepo.get(ctx.db, ws.id, caseId)) throw caseNotFound();
    const session = sessionFor(ws.id);
    try {
      await session.withClient(work);
    } catch (error) {
      throw teamError(error);
    }
    audit(ws, caseId, action, details);
    await session.sync();
    return view(ws.id, caseId);
  }

  async function review(
    caseId: string,
    verdict: 'approved' | 'sent_back',
    note: string,
  ): Promise<TeamCaseView> {
    const ws = joinedWorkspace();
    await sessionFor(ws.id).sync();
    const current = queuesRepo.caseView(ctx.db, ws.id, caseId);
    if (!current) throw caseNotFound();
    const proposal = current.decisions.at(-1);
    if (!proposal || !proposal.needsApproval || proposal.verdict !== null) {
      throw new AppError('team_nothing_to_review', 'The case has no decision waiting for approval.');
    }
    return act(
      caseId,
      verdict === 'approved' ? 'team.decision-approved' : 'team.decision-sent-back',
      { teamDecisionId: String(proposal.teamId), note },
      (client) => reviewProposal(client, proposal.teamId, verdict, note),
    );
  }

  return {
    async join({ workspaceId, url, password }) {
      const ws = workspacesRepo.get(ctx.db, workspaceId);
      if (!ws) throw workspaceNotFound();
      const target = parseTeamUrl(url);
      if (target.urlHasPassword) {
        throw new AppError(
          'invalid_input',
          'Leave the password out of the team URL: it goes to the keychain.',
        );
      }
      try {
        const client = await connectTeam({
          url,
          password,
          env: environment.env,
          ...(environment.home ? { home: environment.home } : {}),
          applicationName: 'kyc-desk join',
        });
        try {
          await checkTeamSchema(client);
        } finally {
          await client.end().catch(() => undefined);
        }
      } catch (error) {
        throw teamError(error);
      }
      if (password) await ctx.secrets.set(teamPasswordAccount(workspaceId), password);
      writeTx(ctx.db, () => {
        teamRepo.setLink(ctx.db, { workspaceId, url, deskId: `desk-${randomUUID()}`, now: ctx.now() });
        auditRepo.append(ctx.db, workspaceId, {
          action: 'team.joined',
          at: ctx.now(),
          osUser: ctx.osUser,
          officerName: ws.officerName,
          details: { where: target.where },
        });
      });
      // The engine is rebuilt with the workspace's lease gate: from now on it polls only leased cases.
      if (ctx.runtime.activeId() === workspaceId) await ctx.runtime.reload();
      const session = sessionFor(workspaceId);
      await session.sync();
      return session.status();
    },
    async start(isLive) {
      if (live !== isLive) {
        // Sessions opened before (a join, a one-shot command) were built for the other mode.
        const stale = [...sessions.values()];
        sessions.clear();
        await Promise.all(stale.map((session) => session.stop()));
      }
      live = isLive;
      const id = ctx.runtime.activeId();
      if (id === null || !teamRepo.link(ctx.db, id)) return;
      await sessionFor(id).sync();
    },
    async sync(options) {
      const session = active();
      await session.sync(options);
      return session.status();
    },
    share(workspaceId) {
      sessions.get(workspaceId)?.share();
    },

    status() {
      const id = ctx.runtime.activeId();
      if (id === null || !teamRepo.link(ctx.db, id)) {
        return NOT_JOINED;
      }
      return sessionFor(id).status();
    },
    async crossCheck() {
      try {
        return await active().crossCheck();
      } catch (error) {
        throw teamError(error);
      }
    },
    caseView(caseId) {
      const ws = ctx.runtime.workspace();
      return queuesRepo.caseView(ctx.db, ws.id, caseId);
    },
    queue({ queue, overdueAfterMinutes, limit }) {
      const ws = joinedWorkspace();
      const link = teamRepo.link(ctx.db, ws.id)!;
      const minutes = overdueAfterMinutes ?? link.slaMinutes ?? 240;
      return queuesRepo.queue(ctx.db, ws.id, {
        queue,
        me: link.officer ?? '',
        now: ctx.now(),
        overdueAfterMs: minutes * 60_000,
        limit: limit ?? 100,
      });
    },
    approve: (caseId, note) => review(caseId, 'approved', note),
    sendBack: (caseId, note) => review(caseId, 'sent_back', note),
    assign: (caseId, to) =>
      act(caseId, 'team.case-assigned', { to }, (client) => assignCase(client, caseId, to)),
    release: (caseId) => act(caseId, 'team.case-released', {}, (client) => releaseCase(client, caseId)),
    enqueueDecision(ws, decision) {
      if (!teamRepo.link(ctx.db, ws)) return;
      outboxRepo.enqueue(ctx.db, {
        clientId: randomUUID(),
        workspaceId: ws,
        caseId: decision.caseId,
        localDecisionId: decision.id,
        outcome: decision.decision,
        reasonCode: decision.reasonCode ?? 'unspecified',
        note: decision.note ?? '',
        overriddenFlags: decision.overriddenFlags,
        decidedAt: decision.decidedAt,
        basedOn: outboxRepo.latestTeamDecisionId(ctx.db, ws, decision.caseId),
        queuedAt: ctx.now(),
      });
      // The app pushes right after the transaction; the CLI awaits pushSoon() itself.
      if (live) timers.setTimeout(() => void sessionFor(ws).sync(), 0);
    },
    async pushSoon() {
      const id = ctx.runtime.activeId();
      if (id === null || !teamRepo.link(ctx.db, id)) return;
      await sessionFor(id).sync();
    },
    async stop() {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.stop()));
    },
  };
}

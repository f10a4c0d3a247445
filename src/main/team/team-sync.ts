import type { ClientBase } from 'pg';
import * as teamRepo from '../db/repos/team';
import * as outboxRepo from '../db/repos/team-outbox';
import { applyCase } from '../db/repos/team-mirror';
import * as decisionsRepo from '../db/repos/decisions';
import type { Db } from '../db/sql';
import { writeTx } from '../db/storage';
import { isTeamDbError, type TeamDbError } from '../../team-db/errors';
import type { TeamCrossCheck } from '../../shared/domain/team';
import { caseSnapshots, changesSince, publishResult, pushDecision, registerCase } from './team-api';

/*
 * One round between the desk's cache and the team database, over the desk's single work connection:
 * register cases the team does not know, push queued decisions (the client id makes a retry after a
 * lost answer harmless), publish Ondato results this desk fetched, then pull the change feed. Every
 * local write is its own short transaction with no await inside; a crash between steps is repaired by
 * the next round, because each step is idempotent.
 */
export interface RoundContext {
  db: Db;
  ws: string;
  deskId: string;
  now: () => number;
  /** A lost connection ends the round; anything else the team refuses is recorded and skipped. */
  isConnectionLoss: (error: unknown) => boolean;
}

const PAGE = 500;
const SNAPSHOT_CHUNK = 200;

export async function registerLocalCases(client: ClientBase, rc: RoundContext): Promise<number> {
  const cases = teamRepo.unregistered(rc.db, rc.ws);
  for (const c of cases) {
    await registerCase(client, {
      caseId: c.id,
      setupId: c.setupId,
      externalRef: c.externalRef,
      registration: c.registration,
    });
    teamRepo.markKnown(rc.db, rc.ws, [c.id]);
  }
  return cases.length;
}

/** Pushes the outbox, oldest first; returns the refusals (kept queued, with the reason). */
export async function pushOutbox(client: ClientBase, rc: RoundContext): Promise<TeamDbError[]> {
  const refused: TeamDbError[] = [];
  for (const entry of outboxRepo.pending(rc.db, rc.ws)) {
    try {
      const answer = await pushDecision(client, {
        clientId: entry.clientId,
        caseId: entry.caseId,
        outcome: entry.outcome,
        reasonCode: entry.reasonCode,
        note: entry.note,
        overriddenFlags: entry.overriddenFlags,
        decidedAt: new Date(entry.decidedAt),
        basedOn: entry.basedOn,
      });
      outboxRepo.markPushed(rc.db, entry.clientId, answer, rc.now());
    } catch (error) {
      if (rc.isConnectionLoss(error) || !isTeamDbError(error)) throw error;
      outboxRepo.markRefused(rc.db, entry.clientId, error.message);
      refused.push(error);
    }
  }
  return refused;
}

function parsed(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

/** Ondato results this desk fetched, written once for the team (older never replaces newer). */
export async function publishResults(client: ClientBase, rc: RoundContext): Promise<string[]> {
  const published: string[] = [];
  for (;;) {
    const batch = teamRepo.unpublished(rc.db, rc.ws, 200);
    if (batch.length === 0) return published;
    for (const r of batch) {
      await publishResult(client, rc.deskId, {
        caseId: r.caseId,
        idv: parsed(r.idvJson),
        idvStatus: r.idvStatus,
        idvModified: r.idvModified === null ? null : new Date(r.idvModified),
        kyc: parsed(r.kycJson),
        kycStatus: r.kycStatus,
        kycModified: r.kycModified === null ? null : new Date(r.kycModified),
        customerFinishedAt:
          r.idvStatus === 'Completed' && r.idvModified !== null ? new Date(r.idvModified) : null,
        nextDue: r.nextAt === null ? null : new Date(r.nextAt),
      });
      teamRepo.markPublished(rc.db, r.caseId, r.syncedAt);
      published.push(r.caseId);
    }
  }
}

/** Applies the change feed after the last sequence number seen; returns the cases it touched. */
export async function pullChanges(client: ClientBase, rc: RoundContext): Promise<string[]> {
  const touched = new Set<string>();
  for (;;) {
    const from = teamRepo.link(rc.db, rc.ws)?.lastSeq ?? 0;
    const changes = await changesSince(client, from, PAGE);
    if (changes.length === 0) return [...touched];
    const ids = [...new Set(changes.map((c) => c.caseId).filter((id): id is string => id !== null))];
    for (let i = 0; i < ids.length; i += SNAPSHOT_CHUNK) {
      const snapshots = await caseSnapshots(client, ids.slice(i, i + SNAPSHOT_CHUNK));
      // One transaction per chunk (a commit per case would make a week's catch-up take minutes).
      writeTx(rc.db, () => {
        for (const snap of snapshots) {
          if (applyCase(rc.db, rc.ws, snap, rc.now()) === 'applied') touched.add(snap.caseId);
        }
      });
    }
    // Only after every case of the page is in the cache: a crash re-pulls the page, harmlessly.
    teamRepo.setLastSeq(rc.db, rc.ws, changes.at(-1)!.seq, rc.now());
    if (changes.length < PAGE) return [...touched];
  }
}

/**
 * The desk's trail against the team chain: the team verifies its own chain inside the database, and
 * every decision this desk pushed must be in the team exactly as the desk's own chain recorded it.
 */
export async function crossCheck(client: ClientBase, rc: RoundContext): Promise<TeamCrossCheck> {
  const problems: string[] = [];
  const verify = await client.query<{ broken_at: string | null; head_seq: string }>(
    'SELECT broken_at, head_seq FROM kyc_team.verify_audit()',
  );
  const chain = verify.rows[0];
  const intact = chain ? chain.broken_at === null : null;
  if (chain && chain.broken_at !== null) {
    problems.push(`The team audit chain is broken at entry #${chain.broken_at}.`);
  }
  const pushed = outboxRepo.pushedEntries(rc.db, rc.ws);
  const team = await client.query<{
    id: string;
    client_id: string;
    case_id: string;
    outcome: string;
    reason_code: string;
    note: string;
  }>(
    'SELECT id, client_id, case_id, outcome, reason_code, note FROM kyc_team.decisions WHERE client_id = ANY($1::uuid[])',
    [pushed.map((p) => p.clientId)],
  );
  const byClient = new Map(team.rows.map((r) => [r.client_id, r]));
  const local = decisionsRepo.storedRowsForWorkspace(rc.db, rc.ws);
  const localById = new Map(local.map((row) => [Number(row.id), row]));
  for (const entry of pushed) {
    const remote = byClient.get(entry.clientId);
    const mine = localById.get(entry.localDecisionId);
    if (!mine || mine.case_id !== entry.caseId || mine.decision !== entry.outcome) {
      problems.push(`Local decision #${entry.localDecisionId} no longer matches what this desk pushed.`);
    }
    if (!remote) {
      problems.push(
        `Team decision #${entry.teamDecisionId ?? '?'} pushed from here is missing from the team.`,
      );
    } else if (
      Number(remote.id) !== entry.teamDecisionId ||
      remote.case_id !== entry.caseId ||
      remote.outcome !== entry.outcome ||
      remote.reason_code !== entry.reasonCode ||
      remote.note !== entry.note
    ) {
      problems.push(`Team decision #${remote.id} differs from what this desk pushed.`);
    }
  }
  return {
    ok: problems.length === 0,
    teamChainIntact: intact,
    teamHeadSeq: chain ? Number(chain.head_seq) : null,
    pushedChecked: pushed.length,
    problems,
  };
}

import { stmt, type Db } from '../sql';

/*
 * The team outbox (migration 0008): every local decision of a joined workspace, queued in the decision's
 * own transaction and kept after the push with the team's answer (the desk's half of the cross-check).
 */
export interface OutboxEntry {
  clientId: string;
  workspaceId: string;
  caseId: string;
  localDecisionId: number;
  outcome: 'accept' | 'reject' | 'escalate';
  reasonCode: string;
  note: string;
  overriddenFlags: string[];
  decidedAt: number;
  basedOn: number | null;
  queuedAt: number;
  pushedAt: number | null;
  teamDecisionId: number | null;
  state: string | null;
  conflictsWith: number | null;
  attempts: number;
  lastError: string | null;
}

interface OutboxRow {
  client_id: string;
  workspace_id: string;
  case_id: string;
  local_decision_id: number;
  outcome: OutboxEntry['outcome'];
  reason_code: string;
  note: string;
  overridden_json: string;
  decided_at: number;
  based_on: number | null;
  queued_at: number;
  pushed_at: number | null;
  team_decision_id: number | null;
  state: string | null;
  conflicts_with: number | null;
  attempts: number;
  last_error: string | null;
}

function toEntry(r: OutboxRow): OutboxEntry {
  const flags: unknown = JSON.parse(r.overridden_json);
  return {
    clientId: r.client_id,
    workspaceId: r.workspace_id,
    caseId: r.case_id,
    localDecisionId: r.local_decision_id,
    outcome: r.outcome,
    reasonCode: r.reason_code,
    note: r.note,
    overriddenFlags: Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [],
    decidedAt: r.decided_at,
    basedOn: r.based_on,
    queuedAt: r.queued_at,
    pushedAt: r.pushed_at,
    teamDecisionId: r.team_decision_id,
    state: r.state,
    conflictsWith: r.conflicts_with,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}

/** Queues a local decision for the team; call inside the decision's own transaction. */
export function enqueue(
  db: Db,
  entry: Pick<
    OutboxEntry,
    | 'clientId'
    | 'workspaceId'
    | 'caseId'
    | 'localDecisionId'
    | 'outcome'
    | 'reasonCode'
    | 'note'
    | 'overriddenFlags'
    | 'decidedAt'
    | 'basedOn'
    | 'queuedAt'
  >,
): void {
  stmt(
    db,
    `INSERT INTO team_outbox (client_id, workspace_id, case_id, local_decision_id, outcome, reason_code,
      note, overridden_json, decided_at, based_on, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.clientId,
    entry.workspaceId,
    entry.caseId,
    entry.localDecisionId,
    entry.outcome,
    entry.reasonCode,
    entry.note,
    JSON.stringify(entry.overriddenFlags),
    entry.decidedAt,
    entry.basedOn,
    entry.queuedAt,
  );
}

export function pending(db: Db, ws: string): OutboxEntry[] {
  return stmt<OutboxRow>(
    db,
    'SELECT * FROM team_outbox WHERE workspace_id = ? AND pushed_at IS NULL ORDER BY queued_at, rowid',
  )
    .all(ws)
    .map(toEntry);
}

export function pendingCount(db: Db, ws: string): number {
  return stmt<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM team_outbox WHERE workspace_id = ? AND pushed_at IS NULL',
  ).get(ws)!.n;
}

export function pushedEntries(db: Db, ws: string): OutboxEntry[] {
  return stmt<OutboxRow>(
    db,
    'SELECT * FROM team_outbox WHERE workspace_id = ? AND pushed_at IS NOT NULL ORDER BY team_decision_id',
  )
    .all(ws)
    .map(toEntry);
}

export function markPushed(
  db: Db,
  clientId: string,
  answer: { decisionId: number; state: string; conflictsWith: number | null },
  now: number,
): void {
  stmt(
    db,
    `UPDATE team_outbox SET pushed_at = ?, team_decision_id = ?, state = ?, conflicts_with = ?,
      attempts = attempts + 1, last_error = NULL WHERE client_id = ?`,
  ).run(now, answer.decisionId, answer.state, answer.conflictsWith, clientId);
}

/** A push the team refused (not a lost connection): kept, with the reason, for the officer to see. */
export function markRefused(db: Db, clientId: string, message: string): void {
  stmt(db, 'UPDATE team_outbox SET attempts = attempts + 1, last_error = ? WHERE client_id = ?').run(
    message,
    clientId,
  );
}

/** The newest team decision this desk has seen for the case (the `based_on` of a new decision). */
export function latestTeamDecisionId(db: Db, ws: string, caseId: string): number | null {
  const row = stmt<{ id: number | null }>(
    db,
    'SELECT max(team_id) AS id FROM team_decisions WHERE workspace_id = ? AND case_id = ?',
  ).get(ws, caseId);
  return row?.id ?? null;
}

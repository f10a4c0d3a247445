import type {
  TeamCaseState,
  TeamCaseView,
  TeamDecisionView,
  TeamQueue,
  TeamQueueRow,
} from '../../../shared/domain/team';
import { stmt, type Db } from '../sql';

/*
 * The team's queues and a case's team standing, read from this desk's mirror (so they work offline).
 * The SLA clock runs from when the customer finished: the team's record, or, for a case this desk
 * polls itself, Ondato's last modification of a completed IDV.
 */
interface DecisionRow {
  team_id: number;
  outcome: string;
  reason_code: string;
  note: string;
  officer: string;
  decided_at: number;
  conflicts_with: number | null;
  needs_approval: number;
  verdict: 'approved' | 'sent_back' | null;
  approver: string | null;
  verdict_note: string | null;
}

function toDecision(r: DecisionRow): TeamDecisionView {
  return {
    teamId: r.team_id,
    outcome: r.outcome,
    reasonCode: r.reason_code,
    note: r.note,
    officer: r.officer,
    decidedAt: r.decided_at,
    conflictsWith: r.conflicts_with,
    needsApproval: r.needs_approval === 1,
    verdict: r.verdict,
    approver: r.approver,
    verdictNote: r.verdict_note,
  };
}

function stateOf(
  latest: Pick<DecisionRow, 'conflicts_with' | 'needs_approval' | 'verdict'> | null,
  pendingPushes: number,
): TeamCaseState {
  if (pendingPushes > 0) return 'pending-push';
  if (!latest) return 'none';
  if (latest.conflicts_with !== null) return 'conflict';
  if (latest.needs_approval === 0) return 'final';
  return latest.verdict ?? 'proposed';
}

const FINISHED = `coalesce(t.customer_finished_at,
  CASE WHEN c.idv_status = 'Completed' THEN c.modified_utc END)`;

export function caseView(db: Db, ws: string, caseId: string): TeamCaseView | null {
  const row = stmt<{ assignee: string | null; finished: number | null }>(
    db,
    `SELECT t.assignee, ${FINISHED} AS finished FROM cases c JOIN team_cases t ON t.case_id = c.id
     WHERE c.workspace_id = ? AND c.id = ?`,
  ).get(ws, caseId);
  const pendingPushes = stmt<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM team_outbox WHERE workspace_id = ? AND case_id = ? AND pushed_at IS NULL',
  ).get(ws, caseId)!.n;
  if (!row && pendingPushes === 0) return null;
  const rows = stmt<DecisionRow>(
    db,
    'SELECT * FROM team_decisions WHERE workspace_id = ? AND case_id = ? ORDER BY team_id',
  ).all(ws, caseId);
  const latest = rows.at(-1) ?? null;
  const state = stateOf(latest, pendingPushes);
  return {
    caseId,
    assignee: row?.assignee ?? null,
    customerFinishedAt: row?.finished ?? null,
    state,
    conflicting: latest && latest.conflicts_with !== null ? [latest.conflicts_with, latest.team_id] : [],
    decisions: rows.map(toDecision),
    pendingPushes,
  };
}

const FILTERS: Record<TeamQueue, string> = {
  mine: 't.assignee = @me',
  unassigned:
    't.assignee IS NULL AND c.decision IS NULL AND NOT coalesce(l.needs_approval = 1 AND l.verdict IS NULL, 0)',
  approval: 'l.needs_approval = 1 AND l.verdict IS NULL AND l.officer <> @me',
  overdue: `${FINISHED} IS NOT NULL AND c.decision IS NULL AND @now - ${FINISHED} > @threshold`,
};

interface QueueRow {
  id: string;
  external_ref: string | null;
  full_name: string | null;
  idv_status: string;
  kyc_status: string | null;
  decision: string | null;
  assignee: string | null;
  finished: number | null;
  conflicts_with: number | null;
  needs_approval: number | null;
  verdict: 'approved' | 'sent_back' | null;
  officer: string | null;
  pending: number;
}

export function queue(
  db: Db,
  ws: string,
  input: { queue: TeamQueue; me: string; now: number; overdueAfterMs: number; limit: number },
): TeamQueueRow[] {
  const rows = stmt<QueueRow>(
    db,
    `WITH latest AS (
       SELECT d.* FROM team_decisions d
       WHERE d.workspace_id = @ws
         AND d.team_id = (SELECT max(x.team_id) FROM team_decisions x WHERE x.case_id = d.case_id)
     )
     SELECT c.id, c.external_ref, c.full_name, c.idv_status, c.kyc_status, c.decision, t.assignee,
            ${FINISHED} AS finished, l.conflicts_with, l.needs_approval, l.verdict, l.officer,
            (SELECT count(*) FROM team_outbox o WHERE o.case_id = c.id AND o.pushed_at IS NULL) AS pending
     FROM cases c JOIN team_cases t ON t.case_id = c.id LEFT JOIN latest l ON l.case_id = c.id
     WHERE c.workspace_id = @ws AND ${FILTERS[input.queue]}
     ORDER BY finished IS NULL, finished, c.seq
     LIMIT @limit`,
  ).all({ ws, me: input.me, now: input.now, threshold: input.overdueAfterMs, limit: input.limit });
  return rows.map((r) => {
    const waitingMs = r.finished === null ? null : Math.max(0, input.now - r.finished);
    const latest =
      r.needs_approval === null
        ? null
        : { conflicts_with: r.conflicts_with, needs_approval: r.needs_approval, verdict: r.verdict };
    return {
      caseId: r.id,
      externalRef: r.external_ref,
      fullName: r.full_name,
      idvStatus: r.idv_status,
      kycStatus: r.kyc_status,
      decision: r.decision,
      assignee: r.assignee,
      customerFinishedAt: r.finished,
      waitingMs,
      overdue: waitingMs !== null && r.decision === null && waitingMs > input.overdueAfterMs,
      state: stateOf(latest, r.pending),
      proposer: r.needs_approval === 1 ? r.officer : null,
    };
  });
}

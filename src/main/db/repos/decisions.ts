import type { Decision, DecisionRecord, NewDecision } from '../../../shared/domain/decision';
import { cacheError } from '../errors';
import { stmt, type Db } from '../sql';
import { append as appendAudit } from './audit';
import { writeTx } from '../storage';

interface DecisionRow {
  id: number;
  case_id: string;
  workspace_id: string;
  decision: Decision;
  reason_code: string | null;
  note: string | null;
  officer_name: string | null;
  os_user: string;
  decided_at: number;
  supersedes_id: number | null;
}

function toRecord(r: DecisionRow): DecisionRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    workspaceId: r.workspace_id,
    decision: r.decision,
    reasonCode: r.reason_code,
    note: r.note,
    officerName: r.officer_name,
    osUser: r.os_user,
    decidedAt: r.decided_at,
    supersedesId: r.supersedes_id,
  };
}

/**
 * Records the officer's decision. One transaction: the append-only decision row (superseding the
 * case's previous latest), the case's denormalised latest decision, and a `decision.recorded` audit
 * event. The note stays out of the audit details (free text); the decision row keeps it.
 */
export function record(db: Db, ws: string, input: NewDecision): DecisionRecord {
  return writeTx(db, (): DecisionRecord => {
    const owner = stmt<{ workspace_id: string }>(db, 'SELECT workspace_id FROM cases WHERE id = ?').get(
      input.caseId,
    );
    if (!owner || owner.workspace_id !== ws) throw cacheError('case_not_found');
    const previous = latest(db, ws, input.caseId);
    const row: Omit<DecisionRow, 'id'> = {
      case_id: input.caseId,
      workspace_id: ws,
      decision: input.decision,
      reason_code: input.reasonCode,
      note: input.note,
      officer_name: input.officerName,
      os_user: input.osUser,
      decided_at: input.decidedAt,
      supersedes_id: previous?.id ?? null,
    };
    const id = Number(
      stmt(
        db,
        `INSERT INTO decisions (case_id, workspace_id, decision, reason_code, note, officer_name, os_user,
          decided_at, supersedes_id) VALUES (@case_id, @workspace_id, @decision, @reason_code, @note,
          @officer_name, @os_user, @decided_at, @supersedes_id)`,
      ).run(row).lastInsertRowid,
    );
    stmt(db, 'UPDATE cases SET decision = ?, decided_at = ? WHERE id = ?').run(
      input.decision,
      input.decidedAt,
      input.caseId,
    );
    appendAudit(db, ws, {
      caseId: input.caseId,
      action: 'decision.recorded',
      at: input.decidedAt,
      osUser: input.osUser,
      officerName: input.officerName,
      details: {
        decisionId: id,
        decision: input.decision,
        reasonCode: input.reasonCode,
        supersedesId: row.supersedes_id,
      },
    });
    return toRecord({ ...row, id });
  });
}

/** Oldest first. */
export function listForCase(db: Db, ws: string, caseId: string): DecisionRecord[] {
  return stmt<DecisionRow>(db, 'SELECT * FROM decisions WHERE case_id = ? AND workspace_id = ? ORDER BY id')
    .all(caseId, ws)
    .map(toRecord);
}

export function latest(db: Db, ws: string, caseId: string): DecisionRecord | null {
  const row = stmt<DecisionRow>(
    db,
    'SELECT * FROM decisions WHERE case_id = ? AND workspace_id = ? ORDER BY id DESC LIMIT 1',
  ).get(caseId, ws);
  return row ? toRecord(row) : null;
}

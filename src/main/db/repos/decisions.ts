import { createHash } from 'node:crypto';
import type {
  Decision,
  DecisionRecord,
  NewDecision,
  RecordedRiskFlag,
} from '../../../shared/domain/decision';
import type { JsonObject, JsonValue } from '../../../shared/domain/json';
import { cacheError } from '../errors';
import { canonicalJson, stmt, type Db } from '../sql';
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
  risk_flags_json: string;
  overridden_flags_json: string;
}

/** Stored JSON read back leniently: a row this version did not write keeps what it can. */
function parseFlags(json: string): RecordedRiskFlag[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return value
    .filter((f): f is Record<string, unknown> => !!f && typeof f === 'object')
    .map((f) => ({
      code: text(f.code),
      severity: text(f.severity),
      label: text(f.label),
      detail: text(f.detail),
    }));
}

function parseCodes(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
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
    riskFlags: parseFlags(r.risk_flags_json),
    overriddenFlags: parseCodes(r.overridden_flags_json),
  };
}

/** A decision row exactly as stored: every column, including ones later migrations add. */
export type StoredDecisionRow = Record<string, JsonValue>;

/** SHA-256 over the row's canonical JSON (sorted column names): any changed column changes it. */
export function decisionDigest(row: StoredDecisionRow): string {
  return createHash('sha256').update(canonicalJson(row), 'utf8').digest('hex');
}

function storedRow(db: Db, id: number): StoredDecisionRow {
  return stmt<StoredDecisionRow>(db, 'SELECT * FROM decisions WHERE id = ?').get(id)!;
}

/** Every decision row of the workspace, whole, oldest first (audit verification). */
export function storedRowsForWorkspace(db: Db, ws: string): StoredDecisionRow[] {
  return stmt<StoredDecisionRow>(db, 'SELECT * FROM decisions WHERE workspace_id = ? ORDER BY id').all(ws);
}

/**
 * Records the officer's decision. One transaction: the append-only decision row (superseding the
 * case's previous latest), the case's denormalised latest decision, and a `decision.recorded` audit
 * event carrying the whole row as stored (every column, read back, so columns other migrations add
 * are covered without touching this code) and its digest; `audit verify` recomputes the digest of
 * each row and so detects a row changed, deleted or added outside KYC Desk.
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
      risk_flags_json: JSON.stringify(
        (input.riskFlags ?? []).map(({ code, severity, label, detail }) => ({
          code,
          severity,
          label,
          detail,
        })),
      ),
      overridden_flags_json: JSON.stringify(input.overriddenFlags ?? []),
    };
    const id = Number(
      stmt(
        db,
        `INSERT INTO decisions (case_id, workspace_id, decision, reason_code, note, officer_name, os_user,
          decided_at, supersedes_id, risk_flags_json, overridden_flags_json) VALUES (@case_id,
          @workspace_id, @decision, @reason_code, @note, @officer_name, @os_user, @decided_at,
          @supersedes_id, @risk_flags_json, @overridden_flags_json)`,
      ).run(row).lastInsertRowid,
    );
    const stored = storedRow(db, id);
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
        riskFlags: (input.riskFlags ?? []).map((f) => f.code),
        overriddenFlags: input.overriddenFlags ?? [],
        row: stored satisfies JsonObject,
        rowDigest: decisionDigest(stored),
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

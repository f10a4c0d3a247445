import { idvSchema, kycIdentificationSchema } from '../../../shared/wire/schemas';
import { canonicalJson, stmt, type Db } from '../sql';
import { writeTx } from '../storage';
import { refreshIdentity } from './case-identity';
import { applyIdv, insertCreated } from './cases';
import { applyKyc } from './kyc';

/*
 * Writes what the team database says about a case into this desk's cache: the case itself (so cases
 * other desks created or polled appear here), its Ondato results, its assignment and SLA clock, and
 * every desk's decisions with their approvals. Team results carry fetch order 0: a response this desk
 * fetched itself with the same modification time wins, and an older one never replaces a newer one.
 */
export interface MirrorDecision {
  id: number;
  clientId: string;
  outcome: string;
  reasonCode: string;
  note: string;
  officer: string;
  decidedAt: Date;
  recordedAt: Date;
  conflictsWith: number | null;
  needsApproval: boolean;
  verdict: { verdict: 'approved' | 'sent_back'; approver: string; note: string; at: Date } | null;
}

export interface MirrorCase {
  caseId: string;
  setupId: string | null;
  externalRef: string | null;
  registration: unknown;
  createdBy: string;
  idv: unknown;
  kyc: unknown;
  customerFinishedAt: Date | null;
  assignee: string | null;
  decisions: MirrorDecision[];
  changeSeq: number;
}

const OUTCOMES: ReadonlySet<string> = new Set(['accept', 'reject', 'escalate']);

function registrationOf(value: unknown): Parameters<typeof insertCreated>[2]['registration'] {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Parameters<typeof insertCreated>[2]['registration'])
    : null;
}

export type MirrorResult = 'applied' | 'other-workspace';

/** One case, in one transaction. A case id held by another workspace of this desk is left alone. */
export function applyCase(db: Db, ws: string, snap: MirrorCase, now: number): MirrorResult {
  return writeTx(db, (): MirrorResult => {
    const owner = stmt<{ workspace_id: string }>(db, 'SELECT workspace_id FROM cases WHERE id = ?').get(
      snap.caseId,
    );
    if (owner && owner.workspace_id !== ws) return 'other-workspace';
    if (!owner) {
      insertCreated(db, ws, {
        idvId: snap.caseId,
        externalRef: snap.externalRef,
        setupId: snap.setupId,
        registration: registrationOf(snap.registration),
        createdUtc: new Date(now).toISOString(),
      });
    } else if (snap.registration !== null) {
      stmt(db, 'UPDATE cases SET registration_json = coalesce(registration_json, ?) WHERE id = ?').run(
        canonicalJson(snap.registration),
        snap.caseId,
      );
      // The registered name, the search text and the attention column follow the registration.
      refreshIdentity(db, snap.caseId);
    }
    const idv = idvSchema.safeParse(snap.idv);
    if (idv.success && idv.data.id === snap.caseId) applyIdv(db, ws, idv.data, 0, now);
    const kyc = kycIdentificationSchema.safeParse(snap.kyc);
    if (kyc.success) applyKyc(db, ws, snap.caseId, kyc.data, 0, now);
    stmt(
      db,
      `INSERT INTO team_cases (case_id, workspace_id, assignee, customer_finished_at, created_by, change_seq)
       VALUES (@id, @ws, @assignee, @finished, @createdBy, @seq)
       ON CONFLICT (case_id) DO UPDATE SET assignee = excluded.assignee,
         customer_finished_at = coalesce(excluded.customer_finished_at, team_cases.customer_finished_at),
         created_by = excluded.created_by, change_seq = max(team_cases.change_seq, excluded.change_seq)`,
    ).run({
      id: snap.caseId,
      ws,
      assignee: snap.assignee,
      finished: snap.customerFinishedAt?.getTime() ?? null,
      createdBy: snap.createdBy,
      seq: snap.changeSeq,
    });
    // What came from the team is not this desk's to publish again.
    stmt(
      db,
      'UPDATE team_cases SET published_synced_at = (SELECT synced_at FROM cases WHERE id = ?) WHERE case_id = ?',
    ).run(snap.caseId, snap.caseId);
    const upsert = stmt(
      db,
      `INSERT INTO team_decisions (team_id, workspace_id, case_id, client_id, outcome, reason_code, note,
         officer, decided_at, recorded_at, conflicts_with, needs_approval, verdict, approver, verdict_note,
         verdict_at)
       VALUES (@id, @ws, @caseId, @clientId, @outcome, @reason, @note, @officer, @decidedAt, @recordedAt,
         @conflictsWith, @needs, @verdict, @approver, @verdictNote, @verdictAt)
       ON CONFLICT (team_id) DO UPDATE SET verdict = excluded.verdict, approver = excluded.approver,
         verdict_note = excluded.verdict_note, verdict_at = excluded.verdict_at`,
    );
    for (const d of snap.decisions) {
      upsert.run({
        id: d.id,
        ws,
        caseId: snap.caseId,
        clientId: d.clientId,
        outcome: d.outcome,
        reason: d.reasonCode,
        note: d.note,
        officer: d.officer,
        decidedAt: d.decidedAt.getTime(),
        recordedAt: d.recordedAt.getTime(),
        conflictsWith: d.conflictsWith,
        needs: d.needsApproval ? 1 : 0,
        verdict: d.verdict?.verdict ?? null,
        approver: d.verdict?.approver ?? null,
        verdictNote: d.verdict?.note ?? null,
        verdictAt: d.verdict?.at.getTime() ?? null,
      });
    }
    settleCaseDecision(db, ws, snap.caseId);
    return 'applied';
  });
}

/**
 * The case's decision column follows the team's effective decision (final, or approved by a second
 * officer) — unless this desk has a decision still waiting to be pushed: that one stays shown until
 * the team has it.
 */
function settleCaseDecision(db: Db, ws: string, caseId: string): void {
  const waiting = stmt<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM team_outbox WHERE workspace_id = ? AND case_id = ? AND pushed_at IS NULL',
  ).get(ws, caseId)!.n;
  if (waiting > 0) return;
  const latest = stmt<{
    outcome: string;
    decided_at: number;
    needs_approval: number;
    verdict: string | null;
  }>(
    db,
    `SELECT outcome, decided_at, needs_approval, verdict FROM team_decisions
     WHERE workspace_id = ? AND case_id = ? ORDER BY team_id DESC LIMIT 1`,
  ).get(ws, caseId);
  if (!latest) return;
  const effective = latest.needs_approval === 0 || latest.verdict === 'approved';
  const outcome = effective && OUTCOMES.has(latest.outcome) ? latest.outcome : null;
  stmt(db, 'UPDATE cases SET decision = ?, decided_at = ? WHERE id = ?').run(
    outcome,
    outcome === null ? null : latest.decided_at,
    caseId,
  );
}

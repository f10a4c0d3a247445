import type { ClientBase } from 'pg';
import { describeStatementError } from '../../team-db/errors';

/*
 * The desk's calls into the team database: typed wrappers over the kyc_team functions (every write) and
 * the few reads a desk needs (who am I, what changed since N). Identity is never a parameter: the
 * database takes it from the login role.
 */
export interface TeamOfficer {
  role: string;
  displayName: string;
  supervisor: boolean;
}

export interface TeamDecisionPush {
  clientId: string;
  caseId: string;
  outcome: 'accept' | 'reject' | 'escalate';
  reasonCode: string;
  note: string;
  overriddenFlags: readonly string[];
  decidedAt: Date;
  /** The newest team decision id this desk had seen for the case when the officer decided. */
  basedOn: number | null;
}

export interface TeamDecisionResult {
  decisionId: number;
  state: 'final' | 'proposed' | 'approved' | 'sent_back';
  conflictsWith: number | null;
}

export interface TeamResult {
  caseId: string;
  idv: unknown;
  idvStatus: string | null;
  idvModified: Date | null;
  kyc: unknown;
  kycStatus: string | null;
  kycModified: Date | null;
  customerFinishedAt: Date | null;
  nextDue: Date | null;
}

export interface TeamChange {
  seq: number;
  kind: string;
  caseId: string | null;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw describeStatementError(error);
  }
}

export function whoAmI(client: ClientBase): Promise<TeamOfficer | null> {
  return run(async () => {
    const result = await client.query<{ role: string; display_name: string; supervisor: boolean }>(
      'SELECT role, display_name, supervisor FROM kyc_team.officers WHERE role = session_user AND disabled_at IS NULL',
    );
    const row = result.rows[0];
    return row ? { role: row.role, displayName: row.display_name, supervisor: row.supervisor } : null;
  });
}

export function registerCase(
  client: ClientBase,
  input: { caseId: string; setupId: string | null; externalRef: string | null; registration: unknown },
): Promise<boolean> {
  return run(async () => {
    const result = await client.query<{ created: boolean }>(
      'SELECT kyc_team.register_case($1, $2, $3, $4) AS created',
      [
        input.caseId,
        input.setupId,
        input.externalRef,
        input.registration === null ? null : JSON.stringify(input.registration),
      ],
    );
    return result.rows[0]?.created === true;
  });
}

export function pushDecision(client: ClientBase, push: TeamDecisionPush): Promise<TeamDecisionResult> {
  return run(async () => {
    const result = await client.query<{
      decision_id: string;
      state: TeamDecisionResult['state'];
      conflicts_with: string | null;
    }>('SELECT * FROM kyc_team.decide($1, $2, $3, $4, $5, $6, $7, $8)', [
      push.clientId,
      push.caseId,
      push.outcome,
      push.reasonCode,
      push.note,
      JSON.stringify(push.overriddenFlags),
      push.decidedAt,
      push.basedOn,
    ]);
    const row = result.rows[0];
    if (!row) throw new Error('decide returned no row');
    return {
      decisionId: Number(row.decision_id),
      state: row.state,
      conflictsWith: row.conflicts_with === null ? null : Number(row.conflicts_with),
    };
  });
}

export function reviewProposal(
  client: ClientBase,
  decisionId: number,
  verdict: 'approved' | 'sent_back',
  note: string,
): Promise<void> {
  return run(async () => {
    await client.query('SELECT kyc_team.review_proposal($1, $2, $3)', [decisionId, verdict, note]);
  });
}

export function assignCase(client: ClientBase, caseId: string, to: string | null): Promise<void> {
  return run(async () => {
    await client.query('SELECT kyc_team.assign_case($1, $2)', [caseId, to]);
  });
}

export function releaseCase(client: ClientBase, caseId: string): Promise<void> {
  return run(async () => {
    await client.query('SELECT kyc_team.release_case($1)', [caseId]);
  });
}

/** Leases on due cases for this desk: it polls those, and no other desk does until the lease lapses. */
export function claimPolls(
  client: ClientBase,
  desk: string,
  limit: number,
  ttlSeconds: number,
): Promise<string[]> {
  return run(async () => {
    const result = await client.query<{ id: string }>('SELECT kyc_team.claim_polls($1, $2, $3) AS id', [
      desk,
      limit,
      ttlSeconds,
    ]);
    return result.rows.map((r) => r.id);
  });
}

/** claim_polls while the team relay is live: only due cases nobody polled for `quietSeconds`. */
export async function claimQuietPolls(
  client: ClientBase,
  desk: string,
  limit: number,
  ttlSeconds: number,
  quietSeconds: number,
): Promise<string[]> {
  return run(async () => {
    const result = await client.query<{ id: string }>(
      'SELECT kyc_team.claim_quiet_polls($1, $2, $3, $4) AS id',
      [desk, limit, ttlSeconds, quietSeconds],
    );
    return result.rows.map((r) => r.id);
  });
}

export function publishResult(client: ClientBase, desk: string, result: TeamResult): Promise<boolean> {
  return run(async () => {
    const answer = await client.query<{ changed: boolean }>(
      'SELECT kyc_team.publish_result($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS changed',
      [
        result.caseId,
        result.idv === null || result.idv === undefined ? null : JSON.stringify(result.idv),
        result.idvStatus,
        result.idvModified,
        result.kyc === null || result.kyc === undefined ? null : JSON.stringify(result.kyc),
        result.kycStatus,
        result.kycModified,
        result.customerFinishedAt,
        result.nextDue,
        desk,
      ],
    );
    return answer.rows[0]?.changed === true;
  });
}

/** The change feed after `since`, oldest first (a desk pulls pages until it gets fewer than `limit`). */
export function changesSince(client: ClientBase, since: number, limit: number): Promise<TeamChange[]> {
  return run(async () => {
    const result = await client.query<{ seq: string; kind: string; case_id: string | null }>(
      'SELECT seq, kind, case_id FROM kyc_team.changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [since, limit],
    );
    return result.rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, caseId: r.case_id }));
  });
}

export interface TeamDecisionRow {
  id: number;
  clientId: string;
  outcome: string;
  reasonCode: string;
  note: string;
  overriddenFlags: string[];
  officer: string;
  decidedAt: Date;
  recordedAt: Date;
  conflictsWith: number | null;
  needsApproval: boolean;
  verdict: { verdict: 'approved' | 'sent_back'; approver: string; note: string; at: Date } | null;
}

export interface TeamCaseSnapshot {
  caseId: string;
  setupId: string | null;
  externalRef: string | null;
  registration: unknown;
  createdBy: string;
  idv: unknown;
  kyc: unknown;
  customerFinishedAt: Date | null;
  assignee: string | null;
  decisions: TeamDecisionRow[];
  changeSeq: number;
}

/** Everything the team knows about these cases, as one desk mirrors it into its cache. */
export function caseSnapshots(client: ClientBase, caseIds: readonly string[]): Promise<TeamCaseSnapshot[]> {
  return run(async () => {
    if (caseIds.length === 0) return [];
    const cases = await client.query<{
      id: string;
      setup_id: string | null;
      external_ref: string | null;
      registration: unknown;
      created_by: string;
      idv: unknown;
      kyc: unknown;
      customer_finished_at: Date | null;
      assignee: string | null;
      change_seq: string;
    }>(
      `SELECT c.id, c.setup_id, c.external_ref, c.registration, c.created_by, c.idv, c.kyc,
              c.customer_finished_at, a.assignee, c.change_seq
       FROM kyc_team.cases c LEFT JOIN kyc_team.assignments a ON a.case_id = c.id
       WHERE c.id = ANY($1::text[])`,
      [caseIds],
    );
    const decisions = await client.query<{
      id: string;
      client_id: string;
      case_id: string;
      outcome: string;
      reason_code: string;
      note: string;
      overridden_flags: string[];
      officer: string;
      decided_at: Date;
      recorded_at: Date;
      conflicts_with: string | null;
      needs_approval: boolean;
      verdict: 'approved' | 'sent_back' | null;
      approver: string | null;
      approval_note: string | null;
      approved_at: Date | null;
    }>(
      `SELECT d.*, a.verdict, a.approver, a.note AS approval_note, a.at AS approved_at
       FROM kyc_team.decisions d LEFT JOIN kyc_team.approvals a ON a.decision_id = d.id
       WHERE d.case_id = ANY($1::text[]) ORDER BY d.id`,
      [caseIds],
    );
    return cases.rows.map((c) => ({
      caseId: c.id,
      setupId: c.setup_id,
      externalRef: c.external_ref,
      registration: c.registration,
      createdBy: c.created_by,
      idv: c.idv,
      kyc: c.kyc,
      customerFinishedAt: c.customer_finished_at,
      assignee: c.assignee,
      changeSeq: Number(c.change_seq),
      decisions: decisions.rows
        .filter((d) => d.case_id === c.id)
        .map((d) => ({
          id: Number(d.id),
          clientId: d.client_id,
          outcome: d.outcome,
          reasonCode: d.reason_code,
          note: d.note,
          overriddenFlags: d.overridden_flags,
          officer: d.officer,
          decidedAt: d.decided_at,
          recordedAt: d.recorded_at,
          conflictsWith: d.conflicts_with === null ? null : Number(d.conflicts_with),
          needsApproval: d.needs_approval,
          verdict:
            d.verdict && d.approver && d.approved_at
              ? { verdict: d.verdict, approver: d.approver, note: d.approval_note ?? '', at: d.approved_at }
              : null,
        })),
    }));
  });
}

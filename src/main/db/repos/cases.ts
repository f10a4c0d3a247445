import type { CaseDetail, CaseSummary, RegistrationData } from '../../../shared/domain/case';
import type { Idv } from '../../../shared/wire/schemas';
import { cacheError } from '../errors';
import { canonicalJson, isoToMs, parseJsonOrNull, stmt, type Db } from '../sql';
import { refreshIdentity } from './case-identity';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './case-rows';
import { latest as latestDecision } from './decisions';
import { getDetail as kycDetail } from './kyc';
import { get as lifecycleOf } from './lifecycle';
import { isStale, type ApplyResult } from './staleness';
import { writeTx } from '../storage';

export { list, queueCounts } from './case-list';
export type { ApplyResult } from './staleness';

export interface CreatedCase {
  idvId: string;
  externalRef: string | null;
  setupId: string | null;
  /** What the officer entered; stored as entered (the IDV payload keeps Ondato's copy). */
  registration: RegistrationData | null;
  /** ISO; our clock at creation until the first fetch brings Ondato's. */
  createdUtc: string;
}

/**
 * Records a case the officer just created. If a poll already discovered it (the create response and a
 * list poll can race), the entered registration and references are added to that row.
 */
export function insertCreated(db: Db, ws: string, input: CreatedCase): CaseSummary {
  return writeTx(db, (): CaseSummary => {
    const existing = stmt<{ workspace_id: string }>(db, 'SELECT workspace_id FROM cases WHERE id = ?').get(
      input.idvId,
    );
    if (existing && existing.workspace_id !== ws) throw cacheError('case_conflict');
    const registration = input.registration === null ? null : canonicalJson(input.registration);
    if (existing) {
      stmt(
        db,
        `UPDATE cases SET registration_json = coalesce(registration_json, ?),
          external_ref = coalesce(external_ref, ?), setup_id = coalesce(setup_id, ?) WHERE id = ?`,
      ).run(registration, input.externalRef, input.setupId, input.idvId);
    } else {
      stmt(
        db,
        `INSERT INTO cases (id, workspace_id, external_ref, setup_id, registration_json, idv_status,
          created_utc) VALUES (?, ?, ?, ?, ?, 'Pending', ?)`,
      ).run(
        input.idvId,
        ws,
        input.externalRef,
        input.setupId,
        registration,
        isoToMs(input.createdUtc) ?? Date.now(),
      );
    }
    refreshIdentity(db, input.idvId);
    return summary(db, ws, input.idvId)!;
  });
}

/**
 * A successful check that left the IDV as it was (or did not read it: a KYC webhook's read): the sync
 * time and the fetch order move on, so the team publishes the result.
 */
export function markSynced(db: Db, caseId: string, fetchSeq: number, syncedAt: number): 'unchanged' {
  stmt(db, 'UPDATE cases SET synced_at = ?, fetch_seq = max(fetch_seq, ?) WHERE id = ?').run(
    syncedAt,
    fetchSeq,
    caseId,
  );
  return 'unchanged';
}

/**
 * Stores a fetched IDV (inserting the case if it was discovered upstream). 'stale' when an older
 * response arrives after a newer one; 'unchanged' when the payload is identical (only the sync time
 * and fetch order move on).
 */
export function applyIdv(
  db: Db,
  ws: string,
  idv: Idv,
  fetchSeq: number,
  syncedAt: number = Date.now(),
): ApplyResult {
  return writeTx(db, (): ApplyResult => {
    const row = stmt<{
      workspace_id: string;
      modified_utc: number | null;
      fetch_seq: number;
      idv_json: string | null;
    }>(db, 'SELECT workspace_id, modified_utc, fetch_seq, idv_json FROM cases WHERE id = ?').get(idv.id);
    if (row && row.workspace_id !== ws) throw cacheError('case_conflict');
    const modified = isoToMs(idv.modifiedUtc);
    if (row && isStale(row.modified_utc, row.fetch_seq, modified, fetchSeq)) return 'stale';
    const json = canonicalJson(idv);
    if (row && row.idv_json === json) return markSynced(db, idv.id, fetchSeq, syncedAt);
    const values = {
      id: idv.id,
      ws,
      externalRef: idv.externalReferenceId ?? null,
      setupId: idv.setup?.id ?? null,
      status: idv.status,
      json,
      created: isoToMs(idv.createdUtc),
      modified,
      kycId: idv.step?.kycIdentification?.id ?? null,
      syncedAt,
      fetchSeq,
    };
    stmt(
      db,
      `INSERT INTO cases (id, workspace_id, external_ref, setup_id, idv_status, idv_json, created_utc,
        modified_utc, kyc_id, synced_at, fetch_seq)
      VALUES (@id, @ws, @externalRef, @setupId, @status, @json, coalesce(@created, @syncedAt), @modified,
        @kycId, @syncedAt, @fetchSeq)
      ON CONFLICT (id) DO UPDATE SET external_ref = coalesce(excluded.external_ref, cases.external_ref),
        setup_id = coalesce(excluded.setup_id, cases.setup_id), idv_status = excluded.idv_status,
        idv_json = excluded.idv_json, created_utc = coalesce(@created, cases.created_utc),
        modified_utc = coalesce(excluded.modified_utc, cases.modified_utc),
        kyc_id = coalesce(excluded.kyc_id, cases.kyc_id), synced_at = excluded.synced_at,
        fetch_seq = max(cases.fetch_seq, excluded.fetch_seq)`,
    ).run(values);
    refreshIdentity(db, idv.id);
    return 'changed';
  });
}

function summary(db: Db, ws: string, id: string): CaseSummary | null {
  const row = stmt<SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM cases c WHERE c.id = ? AND c.workspace_id = ?`,
  ).get(id, ws);
  return row ? toSummary(row) : null;
}

interface DetailRow extends SummaryRow {
  workspace_id: string;
  setup_id: string | null;
  personal_code: string | null;
  kyc_id: string | null;
  registration_json: string | null;
  idv_json: string | null;
  decided_at: number | null;
}

export function get(db: Db, ws: string, id: string): CaseDetail | null {
  const r = stmt<DetailRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, c.workspace_id, c.setup_id, c.personal_code, c.kyc_id,
      c.registration_json, c.idv_json, c.decided_at
    FROM cases c WHERE c.id = ? AND c.workspace_id = ?`,
  ).get(id, ws);
  if (!r) return null;
  return {
    ...toSummary(r),
    workspaceId: r.workspace_id,
    setupId: r.setup_id,
    personalCode: r.personal_code,
    kycId: r.kyc_id,
    registration: parseJsonOrNull(r.registration_json) as RegistrationData | null,
    idv: parseJsonOrNull(r.idv_json),
    kyc: r.kyc_id === null ? null : kycDetail(db, r.kyc_id),
    latestDecision: latestDecision(db, ws, id),
    decidedAt: r.decided_at,
    lifecycle: lifecycleOf(db, id),
  };
}

/** Where the fetch order counter must resume after a restart (see staleness.ts). */
export function maxFetchSeq(db: Db): number {
  return stmt<{ n: number }>(
    db,
    'SELECT max(coalesce((SELECT max(fetch_seq) FROM cases), 0), coalesce((SELECT max(fetch_seq) FROM kyc), 0)) AS n',
  ).get()!.n;
}

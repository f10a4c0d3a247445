import type { CaseLifecycle, PurgeKind, PurgedFile } from '../../../shared/domain/case';
import type { JsonObject } from '../../../shared/domain/json';
import { canonicalJson, parseJsonObject, stmt, type Db } from '../sql';
import { refreshIdentity } from './case-identity';

/*
 * Where a case came from and whether its personal data was removed (migration 0005, ADR 0012). The
 * purge itself is here because it is SQL over five tables; scrub.ts makes the removed bytes
 * unrecoverable afterwards (secure_delete, FTS merge, checkpoint, VACUUM).
 */

export interface RetentionPolicy {
  /** Days after the final decision; null = off (the default). */
  days: number | null;
  lastRunAt: number | null;
}

export function getPolicy(db: Db, ws: string): RetentionPolicy {
  const row = stmt<{ days: number | null; last_run_at: number | null }>(
    db,
    'SELECT days, last_run_at FROM retention_policies WHERE workspace_id = ?',
  ).get(ws);
  return { days: row?.days ?? null, lastRunAt: row?.last_run_at ?? null };
}

export function setPolicy(db: Db, ws: string, days: number | null, at: number): void {
  stmt(
    db,
    `INSERT INTO retention_policies (workspace_id, days, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (workspace_id) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at`,
  ).run(ws, days, at);
}

export function markRun(db: Db, ws: string, at: number): void {
  stmt(
    db,
    `INSERT INTO retention_policies (workspace_id, days, updated_at, last_run_at) VALUES (?, NULL, ?, ?)
    ON CONFLICT (workspace_id) DO UPDATE SET last_run_at = excluded.last_run_at`,
  ).run(ws, at, at);
}

interface LifecycleRow {
  imported_at: number | null;
  purged_at: number | null;
  purge_kind: PurgeKind | null;
  redacted_utc: string | null;
}

export function get(db: Db, caseId: string): CaseLifecycle | null {
  const row = stmt<LifecycleRow>(
    db,
    'SELECT imported_at, purged_at, purge_kind, redacted_utc FROM case_lifecycle WHERE case_id = ?',
  ).get(caseId);
  if (!row) return null;
  const purgedFiles = stmt<{
    file_id: string;
    part: string | null;
    file_type: string | null;
    sha256: string | null;
    size: number | null;
  }>(db, 'SELECT file_id, part, file_type, sha256, size FROM purged_files WHERE case_id = ? ORDER BY ord')
    .all(caseId)
    .map((f): PurgedFile => ({
      fileId: f.file_id,
      part: f.part,
      fileType: f.file_type,
      sha256: f.sha256,
      size: f.size,
    }));
  return {
    importedAt: row.imported_at,
    purgedAt: row.purged_at,
    purgeKind: row.purge_kind,
    redactedUtc: row.redacted_utc,
    purgedFiles,
  };
}

export function isPurged(db: Db, caseId: string): boolean {
  return (
    stmt(db, 'SELECT 1 FROM case_lifecycle WHERE case_id = ? AND purged_at IS NOT NULL').get(caseId) !==
    undefined
  );
}

export function markImported(db: Db, caseId: string, at: number): void {
  stmt(
    db,
    `INSERT INTO case_lifecycle (case_id, imported_at) VALUES (?, ?)
    ON CONFLICT (case_id) DO UPDATE SET imported_at = coalesce(case_lifecycle.imported_at, excluded.imported_at)`,
  ).run(caseId, at);
}

/** Case ids of `ws` already in the cache, from a list of candidates (lower-cased comparison). */
export function known(db: Db, ws: string, ids: readonly string[]): Set<string> {
  return new Set(
    stmt<{ id: string }>(
      db,
      `SELECT lower(id) AS id FROM cases WHERE workspace_id = ?
        AND lower(id) IN (SELECT lower(value) FROM json_each(?))`,
    )
      .all(ws, JSON.stringify(ids))
      .map((r) => r.id),
  );
}

/** The setups this workspace works with: its own, and any a case of it was created under. */
export function workspaceSetups(db: Db, ws: string): Set<string> {
  return new Set(
    stmt<{ id: string }>(
      db,
      `SELECT lower(setup_id) AS id FROM workspaces WHERE id = ?
      UNION SELECT lower(setup_id) FROM cases WHERE workspace_id = ? AND setup_id IS NOT NULL`,
    )
      .all(ws, ws)
      .map((r) => r.id),
  );
}

export interface RetentionCandidate {
  caseId: string;
  externalRef: string | null;
  decision: 'accept' | 'reject';
  decidedAt: number;
  files: number;
  images: number;
}

/**
 * Cases of `ws` whose final decision (accept or reject: an escalation is not final) was recorded at or
 * before `cutoff` and whose personal data is still here. Undecided cases are never candidates.
 */
export function retentionCandidates(db: Db, ws: string, cutoff: number): RetentionCandidate[] {
  return stmt<{
    id: string;
    external_ref: string | null;
    decision: 'accept' | 'reject';
    decided_at: number;
    files: number;
    images: number;
  }>(
    db,
    `SELECT c.id, c.external_ref, c.decision, c.decided_at,
      (SELECT count(*) FROM files f JOIN kyc k ON k.id = f.kyc_id WHERE k.case_id = c.id) AS files,
      (SELECT count(*) FROM files f JOIN kyc k ON k.id = f.kyc_id JOIN images i ON i.file_id = f.file_id
        WHERE k.case_id = c.id) AS images
    FROM cases c
    WHERE c.workspace_id = ? AND c.decision IN ('accept', 'reject') AND c.decided_at <= ?
      AND NOT EXISTS (SELECT 1 FROM case_lifecycle l WHERE l.case_id = c.id AND l.purged_at IS NOT NULL)
    ORDER BY c.decided_at, c.seq`,
  )
    .all(ws, cutoff)
    .map((r) => ({
      caseId: r.id,
      externalRef: r.external_ref,
      decision: r.decision,
      decidedAt: r.decided_at,
      files: r.files,
      images: r.images,
    }));
}

const IDV_KEPT = [
  'id',
  'status',
  'applicationId',
  'externalReferenceId',
  'createdUtc',
  'modifiedUtc',
  'setup',
  'redaction',
];
const KYC_KEPT = [
  'id',
  'applicationId',
  'identityVerificationId',
  'externalReferenceId',
  'createdUtc',
  'completedUtc',
  'setup',
  'status',
  'statusReason',
  'isCrossChecked',
  'redaction',
];

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The IDV without personal data: ids, status, dates, setup and the KYC step's id only. */
export function minimalIdv(idv: JsonObject): JsonObject {
  const out = pick(idv, IDV_KEPT);
  const step = idv['step'];
  const kyc =
    step !== null && typeof step === 'object' && !Array.isArray(step) ? step['kycIdentification'] : null;
  if (kyc !== null && typeof kyc === 'object' && !Array.isArray(kyc) && typeof kyc['id'] === 'string') {
    out['step'] = { kycIdentification: { id: kyc['id'] } };
  }
  return out;
}

export function minimalKyc(kyc: JsonObject): JsonObject {
  return pick(kyc, KYC_KEPT);
}

export interface PurgeInput {
  kind: PurgeKind;
  at: number;
  redactedUtc?: string | null;
}

export interface PurgeSummary {
  caseId: string;
  files: number;
  images: number;
}

/**
 * Removes a case's personal data and images, keeping ids, statuses, decision, dates and the image
 * hashes. Runs inside the caller's transaction (with the tombstone); `secure_delete` must be on for
 * the freed cells to be zeroed, see scrub.ts.
 */
export function purgeCase(db: Db, ws: string, caseId: string, input: PurgeInput): PurgeSummary | null {
  const row = stmt<{ idv_json: string | null }>(
    db,
    'SELECT idv_json FROM cases WHERE id = ? AND workspace_id = ?',
  ).get(caseId, ws);
  if (!row) return null;
  const files = stmt<{
    file_id: string;
    part: string | null;
    file_type: string | null;
    sha256: string | null;
    size: number | null;
  }>(
    db,
    `SELECT f.file_id, f.part, f.file_type, i.sha256, i.size FROM files f JOIN kyc k ON k.id = f.kyc_id
      LEFT JOIN images i ON i.file_id = f.file_id WHERE k.case_id = ? ORDER BY k.id, f.ord`,
  ).all(caseId);
  const base =
    stmt<{ n: number }>(db, 'SELECT count(*) AS n FROM purged_files WHERE case_id = ?').get(caseId)?.n ?? 0;
  files.forEach((f, i) => {
    stmt(
      db,
      `INSERT INTO purged_files (case_id, file_id, ord, part, file_type, sha256, size)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, file_id) DO UPDATE SET
        sha256 = coalesce(excluded.sha256, purged_files.sha256), size = coalesce(excluded.size, purged_files.size)`,
    ).run(caseId, f.file_id, base + i, f.part, f.file_type, f.sha256, f.size);
  });
  // An image belongs to one file id; another case never shares it, but check rather than assume.
  const images = stmt(
    db,
    `DELETE FROM images WHERE file_id IN (SELECT f.file_id FROM files f JOIN kyc k ON k.id = f.kyc_id
      WHERE k.case_id = ?) AND NOT EXISTS (SELECT 1 FROM files f2 JOIN kyc k2 ON k2.id = f2.kyc_id
      WHERE f2.file_id = images.file_id AND k2.case_id <> ?)`,
  ).run(caseId, caseId).changes;
  stmt(db, 'DELETE FROM files WHERE kyc_id IN (SELECT id FROM kyc WHERE case_id = ?)').run(caseId);
  for (const k of stmt<{ id: string; payload_json: string }>(
    db,
    'SELECT id, payload_json FROM kyc WHERE case_id = ?',
  ).all(caseId)) {
    const minimal = canonicalJson(minimalKyc(parseJsonObject(k.payload_json)));
    stmt(db, 'UPDATE kyc SET payload_json = ? WHERE id = ?').run(minimal, k.id);
  }
  const idv = row.idv_json === null ? null : canonicalJson(minimalIdv(parseJsonObject(row.idv_json)));
  stmt(db, 'UPDATE cases SET registration_json = NULL, idv_json = ? WHERE id = ?').run(idv, caseId);
  refreshIdentity(db, caseId);
  // Sync error messages can name files; the schedule goes because a purged case is never fetched again.
  stmt(db, 'DELETE FROM sync_errors WHERE case_id = ?').run(caseId);
  stmt(db, 'DELETE FROM sync_schedule WHERE case_id = ?').run(caseId);
  stmt(
    db,
    `INSERT INTO case_lifecycle (case_id, purged_at, purge_kind, redacted_utc) VALUES (?, ?, ?, ?)
    ON CONFLICT (case_id) DO UPDATE SET purged_at = excluded.purged_at, purge_kind = excluded.purge_kind,
      redacted_utc = coalesce(excluded.redacted_utc, case_lifecycle.redacted_utc)`,
  ).run(caseId, input.at, input.kind, input.redactedUtc ?? null);
  return { caseId, files: files.length, images };
}

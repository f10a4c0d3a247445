import type { KycDetail, KycFileInfo } from '../../../shared/domain/case';
import type { KycFile, KycIdentification } from '../../../shared/wire/schemas';
import { cacheError } from '../errors';
import { canonicalJson, isoToMs, msToIso, parseJsonObject, stmt, type Db } from '../sql';
import { refreshIdentity } from './case-identity';
import { isStale, type ApplyResult } from './staleness';
import { writeTx } from '../storage';

interface KycRow {
  id: string;
  case_id: string;
  payload_json: string;
  status: string;
  status_reason: string | null;
  is_cross_checked: number | null;
  modified_utc: number | null;
  fetch_seq: number;
  synced_at: number;
}

interface FileRow {
  file_id: string;
  part: string | null;
  file_type: string | null;
  file_name: string | null;
  extension: string | null;
  created_utc: number | null;
  cached: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Document files first, then additional files, in Ondato's order; repeated file ids kept once. */
function filesOf(kyc: KycIdentification): KycFile[] {
  const seen = new Set<string>();
  return [...(kyc.document?.files ?? []), ...(kyc.additionalFiles ?? [])].filter((f) =>
    seen.has(f.fileId) ? false : (seen.add(f.fileId), true),
  );
}

/**
 * Stores a fetched KYC identification for a case, in one transaction with its file rows (replaced
 * wholesale), the case's KYC status columns and its list name. A response older than what is stored
 * (by modifiedUtc, then fetch order) is dropped as 'stale'. Images of files that disappeared (e.g.
 * after a redaction upstream) are deleted with them.
 */
export function applyKyc(
  db: Db,
  ws: string,
  caseId: string,
  kyc: KycIdentification,
  fetchSeq: number,
  syncedAt: number = Date.now(),
): ApplyResult {
  return writeTx(db, (): ApplyResult => {
    const owner = stmt<{ workspace_id: string }>(db, 'SELECT workspace_id FROM cases WHERE id = ?').get(
      caseId,
    );
    if (!owner || owner.workspace_id !== ws) throw cacheError('case_not_found');
    const row = stmt<Pick<KycRow, 'case_id' | 'modified_utc' | 'fetch_seq' | 'payload_json'>>(
      db,
      'SELECT case_id, modified_utc, fetch_seq, payload_json FROM kyc WHERE id = ?',
    ).get(kyc.id);
    if (row && row.case_id !== caseId) throw cacheError('case_conflict');
    const modified = isoToMs(kyc.modifiedUtc);
    if (row && isStale(row.modified_utc, row.fetch_seq, modified, fetchSeq)) return 'stale';
    const payload = canonicalJson(kyc);
    if (row && row.payload_json === payload) {
      stmt(db, 'UPDATE kyc SET synced_at = ?, fetch_seq = max(fetch_seq, ?) WHERE id = ?').run(
        syncedAt,
        fetchSeq,
        kyc.id,
      );
      return 'unchanged';
    }
    stmt(
      db,
      `INSERT INTO kyc (id, case_id, payload_json, status, status_reason, is_cross_checked, modified_utc,
        fetch_seq, synced_at) VALUES (@id, @caseId, @payload, @status, @reason, @crossChecked, @modified,
        @fetchSeq, @syncedAt)
      ON CONFLICT (id) DO UPDATE SET payload_json = excluded.payload_json, status = excluded.status,
        status_reason = excluded.status_reason, is_cross_checked = excluded.is_cross_checked,
        modified_utc = coalesce(excluded.modified_utc, kyc.modified_utc),
        fetch_seq = max(kyc.fetch_seq, excluded.fetch_seq), synced_at = excluded.synced_at`,
    ).run({
      id: kyc.id,
      caseId,
      payload,
      status: kyc.status,
      reason: str(kyc.statusReason),
      crossChecked: typeof kyc.isCrossChecked === 'boolean' ? Number(kyc.isCrossChecked) : null,
      modified,
      fetchSeq,
      syncedAt,
    });
    replaceFiles(db, kyc);
    stmt(db, 'UPDATE cases SET kyc_id = ?, kyc_status = ?, kyc_status_reason = ? WHERE id = ?').run(
      kyc.id,
      kyc.status,
      str(kyc.statusReason),
      caseId,
    );
    refreshIdentity(db, caseId);
    return 'changed';
  });
}

function replaceFiles(db: Db, kyc: KycIdentification): void {
  const before = stmt<{ file_id: string }>(db, 'SELECT file_id FROM files WHERE kyc_id = ?')
    .all(kyc.id)
    .map((r) => r.file_id);
  stmt(db, 'DELETE FROM files WHERE kyc_id = ?').run(kyc.id);
  const insert = stmt(
    db,
    `INSERT INTO files (kyc_id, file_id, ord, part, file_type, file_name, extension, created_utc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const files = filesOf(kyc);
  files.forEach((f, i) => {
    insert.run(
      kyc.id,
      f.fileId,
      i,
      str(f.part),
      str(f.fileType),
      str(f.fileName),
      str(f.fileExtension),
      isoToMs(str(f.createdUtc)),
    );
  });
  const kept = new Set(files.map((f) => f.fileId));
  const dropImage = stmt(
    db,
    'DELETE FROM images WHERE file_id = ? AND NOT EXISTS (SELECT 1 FROM files WHERE file_id = ?)',
  );
  for (const gone of before.filter((id) => !kept.has(id))) dropImage.run(gone, gone);
}

export function filesFor(db: Db, kycId: string): KycFileInfo[] {
  return stmt<FileRow>(
    db,
    `SELECT f.file_id, f.part, f.file_type, f.file_name, f.extension, f.created_utc,
      EXISTS (SELECT 1 FROM images i WHERE i.file_id = f.file_id) AS cached
    FROM files f WHERE f.kyc_id = ? ORDER BY f.ord`,
  )
    .all(kycId)
    .map((r) => ({
      fileId: r.file_id,
      part: r.part,
      fileType: r.file_type,
      fileName: r.file_name,
      extension: r.extension,
      createdUtc: msToIso(r.created_utc),
      cached: r.cached === 1,
    }));
}

export function getDetail(db: Db, kycId: string): KycDetail | null {
  const r = stmt<KycRow>(db, 'SELECT * FROM kyc WHERE id = ?').get(kycId);
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    statusReason: r.status_reason,
    isCrossChecked: r.is_cross_checked === null ? null : r.is_cross_checked === 1,
    payload: parseJsonObject(r.payload_json),
    files: filesFor(db, r.id),
    syncedAt: r.synced_at,
  };
}

import { stmt, type Db } from '../sql';
import { writeTx } from '../storage';

/**
 * A failed sync step. `message` is written by our own code (an error code's text, an HTTP status), never
 * a response body or payload field, so it holds no customer data; it is capped all the same.
 */
export interface SyncErrorEntry {
  id: number;
  caseId: string | null;
  fileId: string | null;
  at: number;
  code: string;
  message: string;
}

const MAX_MESSAGE = 300;
/** Kept per workspace; older ones are dropped on insert so a long outage cannot grow the table forever. */
export const KEEP_PER_WORKSPACE = 500;

export function record(db: Db, ws: string, e: Omit<SyncErrorEntry, 'id'>): number {
  return writeTx(db, (): number => {
    const id = Number(
      stmt(
        db,
        'INSERT INTO sync_errors (workspace_id, case_id, file_id, at, code, message) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(ws, e.caseId, e.fileId, e.at, e.code, e.message.slice(0, MAX_MESSAGE)).lastInsertRowid,
    );
    stmt(
      db,
      `DELETE FROM sync_errors WHERE workspace_id = ? AND id <= (
        SELECT id FROM sync_errors WHERE workspace_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    ).run(ws, ws, KEEP_PER_WORKSPACE);
    return id;
  });
}

/** Newest first; with `caseId`, only that case's. */
export function list(
  db: Db,
  ws: string,
  options: { caseId?: string; limit?: number } = {},
): SyncErrorEntry[] {
  const rows = stmt<{
    id: number;
    case_id: string | null;
    file_id: string | null;
    at: number;
    code: string;
    message: string;
  }>(
    db,
    `SELECT id, case_id, file_id, at, code, message FROM sync_errors
    WHERE workspace_id = ? AND (? IS NULL OR case_id = ?) ORDER BY id DESC LIMIT ?`,
  ).all(ws, options.caseId ?? null, options.caseId ?? null, options.limit ?? 100);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    fileId: r.file_id,
    at: r.at,
    code: r.code,
    message: r.message,
  }));
}

/** Clears a case's errors (after a successful sync), or all of the workspace's. */
export function clear(db: Db, ws: string, caseId?: string): number {
  return stmt(db, 'DELETE FROM sync_errors WHERE workspace_id = ? AND (? IS NULL OR case_id = ?)').run(
    ws,
    caseId ?? null,
    caseId ?? null,
  ).changes;
}

/**
 * A standing notice about a case (not a failure): at most one row per case and code, kept while the
 * condition lasts and removed when it is gone. Returns 'added', 'kept' or 'removed' / 'none'.
 */
export function setCaseNotice(
  db: Db,
  ws: string,
  notice: { caseId: string; code: string; message: string | null; at: number },
): 'added' | 'kept' | 'removed' | 'none' {
  return writeTx(db, (): 'added' | 'kept' | 'removed' | 'none' => {
    const existing = stmt<{ id: number; message: string }>(
      db,
      'SELECT id, message FROM sync_errors WHERE workspace_id = ? AND case_id = ? AND code = ? AND file_id IS NULL',
    ).all(ws, notice.caseId, notice.code);
    if (notice.message === null) {
      if (existing.length === 0) return 'none';
      stmt(
        db,
        'DELETE FROM sync_errors WHERE workspace_id = ? AND case_id = ? AND code = ? AND file_id IS NULL',
      ).run(ws, notice.caseId, notice.code);
      return 'removed';
    }
    const message = notice.message.slice(0, MAX_MESSAGE);
    if (existing.length === 1 && existing[0]?.message === message) return 'kept';
    const hadOne = existing.length > 0;
    stmt(
      db,
      'DELETE FROM sync_errors WHERE workspace_id = ? AND case_id = ? AND code = ? AND file_id IS NULL',
    ).run(ws, notice.caseId, notice.code);
    record(db, ws, { caseId: notice.caseId, fileId: null, at: notice.at, code: notice.code, message });
    return hadOne ? 'kept' : 'added';
  });
}

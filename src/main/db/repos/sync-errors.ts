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

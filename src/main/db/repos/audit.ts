import { createHash } from 'node:crypto';
import type { AuditChainCheck, AuditEvent, NewAuditEvent } from '../../../shared/domain/audit';
import { canonicalJson, parseJsonObject, stmt, type Db } from '../sql';
import { writeTx } from '../storage';

/*
 * The audit trail is append-only (triggers, migration 0001) and hash-chained per workspace: each row's
 * hash covers its own fields and the previous row's hash in the same workspace, so editing, removing
 * or reordering a row breaks verification from that row on. Chains are per workspace so purging one
 * workspace leaves every other chain intact. The serialisation is a JSON array in a fixed field order
 * (details already canonical), prefixed with a format version.
 */
export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 1;

interface AuditRow {
  seq: number;
  workspace_id: string;
  case_id: string | null;
  at: number;
  os_user: string;
  officer_name: string | null;
  action: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    FORMAT,
    r.seq,
    r.workspace_id,
    r.case_id,
    r.at,
    r.os_user,
    r.officer_name,
    r.action,
    r.details_json,
    r.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function toEvent(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    workspaceId: r.workspace_id,
    caseId: r.case_id,
    at: r.at,
    osUser: r.os_user,
    officerName: r.officer_name,
    action: r.action,
    details: parseJsonObject(r.details_json),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Appends one event. The seq is chosen here (it is part of the hash) as one past the highest ever
 * used — AUTOINCREMENT's sqlite_sequence included, so a purged workspace's numbers are not reused.
 */
export function append(db: Db, ws: string, event: NewAuditEvent): AuditEvent {
  return writeTx(db, (): AuditEvent => {
    const prev = stmt<{ hash: string }>(
      db,
      'SELECT hash FROM audit WHERE workspace_id = ? ORDER BY seq DESC LIMIT 1',
    ).get(ws);
    const seq = stmt<{ next: number }>(
      db,
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0),
        coalesce((SELECT max(seq) FROM audit), 0)) + 1 AS next`,
    ).get()!.next;
    const row: Omit<AuditRow, 'hash'> = {
      seq,
      workspace_id: ws,
      case_id: event.caseId ?? null,
      at: event.at,
      os_user: event.osUser,
      officer_name: event.officerName,
      action: event.action,
      details_json: canonicalJson(event.details ?? {}),
      prev_hash: prev?.hash ?? GENESIS_HASH,
    };
    const full: AuditRow = { ...row, hash: rowHash(row) };
    stmt(
      db,
      `INSERT INTO audit (seq, workspace_id, case_id, at, os_user, officer_name, action, details_json,
        prev_hash, hash) VALUES (@seq, @workspace_id, @case_id, @at, @os_user, @officer_name, @action,
        @details_json, @prev_hash, @hash)`,
    ).run(full);
    return toEvent(full);
  });
}

/** Newest first. */
export function listForCase(db: Db, ws: string, caseId: string, limit = 200): AuditEvent[] {
  return stmt<AuditRow>(
    db,
    'SELECT * FROM audit WHERE case_id = ? AND workspace_id = ? ORDER BY seq DESC LIMIT ?',
  )
    .all(caseId, ws, limit)
    .map(toEvent);
}

/** Newest first; `beforeSeq` pages back in time. */
export function listForWorkspace(
  db: Db,
  ws: string,
  options: { limit?: number; beforeSeq?: number } = {},
): AuditEvent[] {
  return stmt<AuditRow>(
    db,
    'SELECT * FROM audit WHERE workspace_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
  )
    .all(ws, options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit ?? 200)
    .map(toEvent);
}

/**
 * Recomputes the workspace's chain from the start. Detects edited, removed or reordered rows; it
 * cannot detect the newest rows being cut off (no external anchor) — see the report/ADR.
 */
export function verifyChain(db: Db, ws: string): AuditChainCheck {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  for (const r of stmt<AuditRow>(db, 'SELECT * FROM audit WHERE workspace_id = ? ORDER BY seq').iterate(ws)) {
    if (r.prev_hash !== expectedPrev || rowHash(r) !== r.hash) {
      return { ok: false, checked, firstBadSeq: r.seq };
    }
    expectedPrev = r.hash;
    checked += 1;
  }
  return { ok: true, checked };
}

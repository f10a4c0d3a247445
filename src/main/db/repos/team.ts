import { stmt, type Db } from '../sql';
import { writeTx } from '../storage';

/*
 * The desk's side of team mode (migration 0008): the link to a team database, the push outbox and the
 * change-feed position. The mirror of what other desks wrote is in team-mirror.ts; queues in
 * team-queues.ts.
 */
export interface TeamLink {
  workspaceId: string;
  url: string;
  deskId: string;
  officer: string | null;
  supervisor: boolean;
  slaMinutes: number | null;
  lastSeq: number;
  lastPullAt: number | null;
  joinedAt: number;
}

interface LinkRow {
  workspace_id: string;
  url: string;
  desk_id: string;
  officer: string | null;
  supervisor: number;
  sla_minutes: number | null;
  last_seq: number;
  last_pull_at: number | null;
  joined_at: number;
}

function toLink(r: LinkRow): TeamLink {
  return {
    workspaceId: r.workspace_id,
    url: r.url,
    deskId: r.desk_id,
    officer: r.officer,
    supervisor: r.supervisor === 1,
    slaMinutes: r.sla_minutes,
    lastSeq: r.last_seq,
    lastPullAt: r.last_pull_at,
    joinedAt: r.joined_at,
  };
}

export function link(db: Db, ws: string): TeamLink | null {
  const row = stmt<LinkRow>(db, 'SELECT * FROM team_links WHERE workspace_id = ?').get(ws);
  return row ? toLink(row) : null;
}

/** Joins (or re-points) a workspace; a new URL starts the change feed from the beginning. */
export function setLink(
  db: Db,
  input: { workspaceId: string; url: string; deskId: string; now: number },
): void {
  writeTx(db, () => {
    const current = link(db, input.workspaceId);
    if (current && current.url === input.url) return;
    stmt(db, 'DELETE FROM team_links WHERE workspace_id = ?').run(input.workspaceId);
    stmt(db, 'INSERT INTO team_links (workspace_id, url, desk_id, joined_at) VALUES (?, ?, ?, ?)').run(
      input.workspaceId,
      input.url,
      input.deskId,
      input.now,
    );
  });
}

export function setIdentity(
  db: Db,
  ws: string,
  identity: { officer: string; supervisor: boolean; slaMinutes: number | null },
): void {
  stmt(db, 'UPDATE team_links SET officer = ?, supervisor = ?, sla_minutes = ? WHERE workspace_id = ?').run(
    identity.officer,
    identity.supervisor ? 1 : 0,
    identity.slaMinutes,
    ws,
  );
}

export function setLastSeq(db: Db, ws: string, seq: number, now: number): void {
  stmt(db, 'UPDATE team_links SET last_seq = max(last_seq, ?), last_pull_at = ? WHERE workspace_id = ?').run(
    seq,
    now,
    ws,
  );
}

export interface UnregisteredCase {
  id: string;
  setupId: string | null;
  externalRef: string | null;
  registration: unknown;
}

/** Local cases the team has not heard of yet (created on this desk, or before it joined). */
export function unregistered(db: Db, ws: string): UnregisteredCase[] {
  return stmt<{
    id: string;
    setup_id: string | null;
    external_ref: string | null;
    registration_json: string | null;
  }>(
    db,
    `SELECT c.id, c.setup_id, c.external_ref, c.registration_json FROM cases c
     WHERE c.workspace_id = ? AND NOT EXISTS (SELECT 1 FROM team_cases t WHERE t.case_id = c.id)
     ORDER BY c.seq`,
  )
    .all(ws)
    .map((r) => ({
      id: r.id,
      setupId: r.setup_id,
      externalRef: r.external_ref,
      registration: r.registration_json === null ? null : (JSON.parse(r.registration_json) as unknown),
    }));
}

/** Marks cases as known to the team (registered from here, or mirrored). */
export function markKnown(db: Db, ws: string, caseIds: readonly string[]): void {
  writeTx(db, () => {
    const insert = stmt(db, 'INSERT OR IGNORE INTO team_cases (case_id, workspace_id) VALUES (?, ?)');
    for (const id of caseIds) insert.run(id, ws);
  });
}

export interface UnpublishedResult {
  caseId: string;
  syncedAt: number;
  idvJson: string | null;
  idvStatus: string;
  idvModified: number | null;
  kycJson: string | null;
  kycStatus: string | null;
  kycModified: number | null;
  /** When this desk's schedule polls the case next: the team's next due time. */
  nextAt: number | null;
}

/** Results this desk fetched from Ondato since it last published them to the team. */
export function unpublished(db: Db, ws: string, limit: number): UnpublishedResult[] {
  return stmt<{
    id: string;
    synced_at: number;
    idv_json: string | null;
    idv_status: string;
    modified_utc: number | null;
    kyc_json: string | null;
    kyc_status: string | null;
    kyc_modified: number | null;
    next_at: number | null;
  }>(
    db,
    `SELECT c.id, c.synced_at, c.idv_json, c.idv_status, c.modified_utc,
            k.payload_json AS kyc_json, k.status AS kyc_status, k.modified_utc AS kyc_modified, s.next_at
     FROM cases c JOIN team_cases t ON t.case_id = c.id
     LEFT JOIN kyc k ON k.id = c.kyc_id LEFT JOIN sync_schedule s ON s.case_id = c.id
     WHERE c.workspace_id = ? AND c.synced_at IS NOT NULL AND c.idv_json IS NOT NULL
       AND c.synced_at > coalesce(t.published_synced_at, 0)
     ORDER BY c.synced_at LIMIT ?`,
  )
    .all(ws, limit)
    .map((r) => ({
      caseId: r.id,
      syncedAt: r.synced_at,
      idvJson: r.idv_json,
      idvStatus: r.idv_status,
      idvModified: r.modified_utc,
      kycJson: r.kyc_json,
      kycStatus: r.kyc_status,
      kycModified: r.kyc_modified,
      nextAt: r.next_at,
    }));
}

export function markPublished(db: Db, caseId: string, syncedAt: number): void {
  stmt(db, 'UPDATE team_cases SET published_synced_at = ? WHERE case_id = ?').run(syncedAt, caseId);
}

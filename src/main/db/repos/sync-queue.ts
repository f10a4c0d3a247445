import { stmt, type Db } from '../sql';
import type { ScheduleEntry } from './schedule';

/*
 * The poller's view of sync_schedule, scoped to one workspace. schedule.ts's due()/nextDueAt() span
 * every workspace of the cache: an engine would spin on another workspace's overdue rows (due now, but
 * never its to take) and could be starved by them under a LIMIT. The priority order is the sync
 * engine's policy (cadence.ts PRIORITY), passed in and bound as parameters, never spliced into SQL.
 */

interface Row {
  case_id: string;
  next_at: number;
  interval_ms: number;
  failures: number;
  last_checked_at: number | null;
  last_change_at: number | null;
  watch_until: number | null;
  reason: string;
}

const COLUMNS = `s.case_id, s.next_at, s.interval_ms, s.failures, s.last_checked_at, s.last_change_at,
  s.watch_until, s.reason`;

function toEntry(r: Row): ScheduleEntry {
  return {
    caseId: r.case_id,
    nextAt: r.next_at,
    intervalMs: r.interval_ms,
    failures: r.failures,
    lastCheckedAt: r.last_checked_at,
    lastChangeAt: r.last_change_at,
    watchUntil: r.watch_until,
    reason: r.reason,
  };
}

/**
 * Entries of `ws` due at `now`, lowest priority number first, then most overdue; `exclude` (case ids
 * already being checked) are skipped. Reasons missing from `priority` rank after every listed one.
 */
export function dueFor(
  db: Db,
  ws: string,
  now: number,
  limit: number,
  priority: Readonly<Record<string, number>>,
  exclude: readonly string[] = [],
): ScheduleEntry[] {
  const ranks = Object.entries(priority);
  const cases = ranks.map(() => 'WHEN ? THEN ?').join(' ');
  const unlisted = Math.max(0, ...ranks.map(([, rank]) => rank)) + 1;
  return stmt<Row>(
    db,
    `SELECT ${COLUMNS} FROM sync_schedule s JOIN cases c ON c.id = s.case_id
    WHERE c.workspace_id = ? AND s.next_at <= ? AND s.case_id NOT IN (SELECT value FROM json_each(?))
    ORDER BY CASE s.reason ${cases} ELSE ? END, s.next_at, s.case_id LIMIT ?`,
  )
    .all(ws, now, JSON.stringify(exclude), ...ranks.flat(), unlisted, limit)
    .map(toEntry);
}

/** How many of `ws`'s cases are due at `now`, `exclude` (being checked) left out. */
export function countDue(db: Db, ws: string, now: number, exclude: readonly string[] = []): number {
  return stmt<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM sync_schedule s JOIN cases c ON c.id = s.case_id
    WHERE c.workspace_id = ? AND s.next_at <= ? AND s.case_id NOT IN (SELECT value FROM json_each(?))`,
  ).get(ws, now, JSON.stringify(exclude))!.n;
}

/** The earliest next check of `ws` outside `exclude`; null when nothing is scheduled. */
export function nextDueAtFor(db: Db, ws: string, exclude: readonly string[] = []): number | null {
  // ORDER BY ... LIMIT 1 walks the next_at index and stops at the first row of this workspace.
  const row = stmt<{ next_at: number }>(
    db,
    `SELECT s.next_at FROM sync_schedule s JOIN cases c ON c.id = s.case_id
    WHERE c.workspace_id = ? AND s.case_id NOT IN (SELECT value FROM json_each(?))
    ORDER BY s.next_at LIMIT 1`,
  ).get(ws, JSON.stringify(exclude));
  return row ? row.next_at : null;
}

export interface CaseState {
  caseId: string;
  idvStatus: string;
  kycStatus: string | null;
  /** Ondato's last modification, else the creation time (ms). */
  changedAt: number;
  /** The schedule's reason, null when the case has no schedule row. */
  reason: string | null;
}

interface CaseStateRow {
  id: string;
  idv_status: string;
  kyc_status: string | null;
  changed_at: number;
  reason: string | null;
}

const toState = (r: CaseStateRow): CaseState => ({
  caseId: r.id,
  idvStatus: r.idv_status,
  kycStatus: r.kyc_status,
  changedAt: r.changed_at,
  reason: r.reason,
});

/** Cases of `ws` without a schedule row (inserted by other code paths, or before the poller existed). */
export function unscheduled(db: Db, ws: string): CaseState[] {
  return stmt<CaseStateRow>(
    db,
    `SELECT c.id, c.idv_status, c.kyc_status, coalesce(c.modified_utc, c.created_utc) AS changed_at,
      NULL AS reason
    FROM cases c WHERE c.workspace_id = ?
      AND NOT EXISTS (SELECT 1 FROM sync_schedule s WHERE s.case_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM case_lifecycle l WHERE l.case_id = c.id AND l.purged_at IS NOT NULL)`,
  )
    .all(ws)
    .map(toState);
}

/** Every case of `ws` with its statuses, for a one-off pass (`kyc-desk sync --once`). */
export function casesOf(db: Db, ws: string): CaseState[] {
  return stmt<CaseStateRow>(
    db,
    `SELECT c.id, c.idv_status, c.kyc_status, coalesce(c.modified_utc, c.created_utc) AS changed_at,
      s.reason
    FROM cases c LEFT JOIN sync_schedule s ON s.case_id = c.id WHERE c.workspace_id = ?
      AND NOT EXISTS (SELECT 1 FROM case_lifecycle l WHERE l.case_id = c.id AND l.purged_at IS NOT NULL)
    ORDER BY c.seq`,
  )
    .all(ws)
    .map(toState);
}

export function caseExists(db: Db, ws: string, caseId: string): boolean {
  return stmt(db, 'SELECT 1 FROM cases WHERE id = ? AND workspace_id = ?').get(caseId, ws) !== undefined;
}

import { stmt, type Db } from '../sql';

/** When a case is polled next (policy in src/main/sync/cadence.ts; this only stores it). */
export interface ScheduleEntry {
  caseId: string;
  nextAt: number;
  intervalMs: number;
  failures: number;
  lastCheckedAt: number | null;
  lastChangeAt: number | null;
  watchUntil: number | null;
  /** The cadence class or other short reason, for diagnostics. */
  reason: string;
}

export type DueEntry = ScheduleEntry & { workspaceId: string };

interface ScheduleRow {
  case_id: string;
  next_at: number;
  interval_ms: number;
  failures: number;
  last_checked_at: number | null;
  last_change_at: number | null;
  watch_until: number | null;
  reason: string;
}

function toEntry(r: ScheduleRow): ScheduleEntry {
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

export function upsert(db: Db, e: ScheduleEntry): void {
  stmt(
    db,
    `INSERT INTO sync_schedule (case_id, next_at, interval_ms, failures, last_checked_at, last_change_at,
      watch_until, reason) VALUES (@caseId, @nextAt, @intervalMs, @failures, @lastCheckedAt,
      @lastChangeAt, @watchUntil, @reason)
    ON CONFLICT (case_id) DO UPDATE SET next_at = excluded.next_at, interval_ms = excluded.interval_ms,
      failures = excluded.failures, last_checked_at = excluded.last_checked_at,
      last_change_at = excluded.last_change_at, watch_until = excluded.watch_until,
      reason = excluded.reason`,
  ).run(e);
}

export function get(db: Db, caseId: string): ScheduleEntry | null {
  const row = stmt<ScheduleRow>(db, 'SELECT * FROM sync_schedule WHERE case_id = ?').get(caseId);
  return row ? toEntry(row) : null;
}

/** Entries due at `now`, most overdue first, across workspaces. */
export function due(db: Db, now: number, limit: number): DueEntry[] {
  return stmt<ScheduleRow & { workspace_id: string }>(
    db,
    `SELECT s.*, c.workspace_id FROM sync_schedule s JOIN cases c ON c.id = s.case_id
    WHERE s.next_at <= ? ORDER BY s.next_at LIMIT ?`,
  )
    .all(now, limit)
    .map((r) => ({ ...toEntry(r), workspaceId: r.workspace_id }));
}

/** When the poller should wake next; null when nothing is scheduled. */
export function nextDueAt(db: Db): number | null {
  return stmt<{ n: number | null }>(db, 'SELECT min(next_at) AS n FROM sync_schedule').get()!.n;
}

export function remove(db: Db, caseId: string): boolean {
  return stmt(db, 'DELETE FROM sync_schedule WHERE case_id = ?').run(caseId).changes > 0;
}

/** Moves a case's next check without touching its cadence (team mode: another desk polls it now). */
export function deferTo(db: Db, caseId: string, nextAt: number): void {
  stmt(db, 'UPDATE sync_schedule SET next_at = max(next_at, ?) WHERE case_id = ?').run(nextAt, caseId);
}

import type { RegistrationData } from '../../../shared/domain/case';
import { documentOf, textOf } from '../../../shared/domain/compare';
import {
  addDays,
  calendarDate,
  compareDates,
  parseDate,
  type CalendarDate,
} from '../../../shared/domain/dates';
import type { JsonObject } from '../../../shared/domain/json';
import {
  ADULT_AGE,
  computeRiskFlags,
  EXPIRING_WITHIN_DAYS,
  type RiskFlag,
  type RiskSeverity,
} from '../../../shared/domain/risk-flags';
import { parseJsonOrNull, stmt, type Db } from '../sql';
import { writeTx } from '../storage';

/*
 * The attention column of the case list (docs/adr/0017-work-queues.md): the case's risk flags, from
 * the same computeRiskFlags the review screen and the decision guard use, stored on the case row when
 * main writes the case so the list can sort and page 100,000 cases by it without parsing a payload.
 */

const RANK: Readonly<Record<RiskSeverity, number>> = { low: 1, medium: 2, high: 3, block: 4 };
/** Flags about where the case is in its process rather than about its evidence. */
const PROCESS_FLAGS = new Set(['idv_not_completed', 'kyc_not_decided']);
/** A row whose flags cannot change with the calendar: never due again until the case is written. */
export const NEVER = 99_991_231;

/** A calendar day as the sortable integer YYYYMMDD. */
export function dayNumber(date: CalendarDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/**
 * The first day after `today` on which a date-bound flag may read differently: the document starts
 * to count as expiring or expired, an issue date stops being in the future, the customer turns 18.
 */
export function nextChangeDay(
  payload: JsonObject | null,
  registration: RegistrationData | null,
  today: CalendarDate,
): number {
  const doc = documentOf(payload);
  const candidates: CalendarDate[] = [];
  const expiry = parseDate(textOf(doc?.dateOfExpiration));
  if (expiry) candidates.push(addDays(expiry, -EXPIRING_WITHIN_DAYS), addDays(expiry, 1));
  const issue = parseDate(textOf(doc?.dateOfIssue));
  if (issue) candidates.push(issue);
  const entered = registration?.dateOfBirth;
  const birth =
    parseDate(textOf(doc?.dateOfBirth)) ?? parseDate(typeof entered === 'string' ? entered : null);
  if (birth) candidates.push({ ...birth, year: birth.year + ADULT_AGE });
  let next = NEVER;
  for (const day of candidates) {
    if (compareDates(day, today) > 0) next = Math.min(next, dayNumber(day));
  }
  return next;
}

/** The file facts the image flag reads (which parts exist, which are downloaded). */
function filesOf(db: Db, kycId: string): { part: string | null; fileType: string | null; cached: boolean }[] {
  return stmt<{ part: string | null; file_type: string | null; cached: number }>(
    db,
    `SELECT f.part, f.file_type, EXISTS (SELECT 1 FROM images i WHERE i.file_id = f.file_id) AS cached
    FROM files f WHERE f.kyc_id = ?`,
  )
    .all(kycId)
    .map((f) => ({ part: f.part, fileType: f.file_type, cached: f.cached === 1 }));
}

interface SourceRow {
  idv_status: string;
  kyc_status: string | null;
  kyc_status_reason: string | null;
  registration_json: string | null;
  kyc_id: string | null;
  k_status: string | null;
  k_reason: string | null;
  payload_json: string | null;
}

export interface Attention {
  count: number;
  rank: number;
  label: string | null;
  until: number;
}

/** The attention of one case on `today`, from what the cache holds; null for an unknown case. */
export function attentionOf(db: Db, caseId: string, today: CalendarDate): Attention | null {
  const row = stmt<SourceRow>(
    db,
    `SELECT c.idv_status, c.kyc_status, c.kyc_status_reason, c.registration_json, c.kyc_id,
      k.status AS k_status, k.status_reason AS k_reason, k.payload_json
    FROM cases c LEFT JOIN kyc k ON k.id = c.kyc_id WHERE c.id = ?`,
  ).get(caseId);
  if (!row) return null;
  const registration = parseJsonOrNull(row.registration_json) as RegistrationData | null;
  const payload = row.payload_json === null ? null : (parseJsonOrNull(row.payload_json) as JsonObject | null);
  const kyc =
    row.kyc_id !== null && row.k_status !== null && payload !== null
      ? { status: row.k_status, statusReason: row.k_reason, payload, files: filesOf(db, row.kyc_id) }
      : null;
  const flags: RiskFlag[] = computeRiskFlags(
    {
      idvStatus: row.idv_status,
      kycStatus: row.kyc_status,
      kycStatusReason: row.kyc_status_reason,
      registration,
      kyc,
    },
    { decisionDate: today },
  );
  // Among flags of the worst severity, one with evidence beats "not completed / not decided yet":
  // the list's IDV and KYC columns say that already.
  const worst =
    flags.find((f) => f.severity === flags[0]?.severity && !PROCESS_FLAGS.has(f.code)) ?? flags[0];
  return {
    count: flags.length,
    rank: worst ? RANK[worst.severity] : 0,
    label: worst?.label ?? null,
    until: nextChangeDay(payload, registration, today),
  };
}

/**
 * Recomputes and stores one case's attention. Called inside the transactions that change what the
 * flags read (IDV, KYC, files, images, registration, purge), so the list never lags the review screen.
 */
export function refreshAttention(db: Db, caseId: string, now: number = Date.now()): void {
  const next = attentionOf(db, caseId, calendarDate(now));
  if (!next) return;
  stmt(
    db,
    `UPDATE cases SET risk_count = @count, risk_rank = @rank, risk_label = @label, risk_until = @until
    WHERE id = @id AND NOT (risk_count = @count AND risk_rank = @rank AND risk_label IS @label
      AND risk_until = @until)`,
  ).run({ ...next, id: caseId });
}

/**
 * Cases whose stored attention is due on `now`'s day (the calendar moved past a date-bound flag's
 * turning point, or never computed), at most `limit` of them, oldest due first.
 */
export function dueCases(db: Db, now: number, limit: number): string[] {
  return stmt<{ id: string }>(db, 'SELECT id FROM cases WHERE risk_until <= ? ORDER BY risk_until LIMIT ?')
    .all(dayNumber(calendarDate(now)), limit)
    .map((r) => r.id);
}

/**
 * Recomputes up to `limit` due cases in one transaction; returns the ids whose attention was due (the
 * caller tells the list they may have changed, and asks again while a full batch came back).
 */
export function refreshDue(db: Db, now: number, limit: number): string[] {
  return writeTx(db, () => {
    const ids = dueCases(db, now, limit);
    for (const id of ids) refreshAttention(db, id, now);
    return ids;
  });
}

/** The severity a stored rank stands for. */
export function severityOf(rank: number): RiskSeverity | null {
  switch (rank) {
    case 1:
      return 'low';
    case 2:
      return 'medium';
    case 3:
      return 'high';
    case 4:
      return 'block';
    default:
      return null;
  }
}

import type { CaseSummary } from '../../../shared/domain/case';
import type { Decision } from '../../../shared/domain/decision';
import { msToIso } from '../sql';
import { severityOf } from './attention';

/** Columns a list row needs; payload columns (idv_json, registration_json) stay out of list queries. */
export const SUMMARY_COLUMNS = `c.seq, c.id, c.external_ref, c.full_name, c.idv_status, c.kyc_status,
  c.kyc_status_reason, c.decision, c.created_utc, c.modified_utc, c.sort_modified, c.synced_at,
  c.risk_count, c.risk_rank, c.risk_label, c.attention,
  EXISTS (SELECT 1 FROM case_lifecycle l WHERE l.case_id = c.id AND l.purged_at IS NOT NULL) AS purged,
  c.registered_name, c.name_as_read`;

export interface SummaryRow {
  seq: number;
  id: string;
  external_ref: string | null;
  full_name: string | null;
  idv_status: string;
  kyc_status: string | null;
  kyc_status_reason: string | null;
  decision: Decision | null;
  created_utc: number;
  modified_utc: number | null;
  sort_modified: number;
  synced_at: number | null;
  risk_count: number;
  risk_rank: number;
  risk_label: string | null;
  attention: number;
  purged: number;
  registered_name: string | null;
  name_as_read: string | null;
}

export function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    externalRef: r.external_ref,
    fullName: r.full_name,
    registeredName: r.registered_name,
    nameAsRead: r.name_as_read,
    idvStatus: r.idv_status,
    kycStatus: r.kyc_status,
    kycStatusReason: r.kyc_status_reason,
    decision: r.decision,
    createdUtc: msToIso(r.created_utc),
    modifiedUtc: msToIso(r.modified_utc),
    syncedAt: r.synced_at,
    attention: attentionOfRow(r),
    ...(r.purged === 1 ? { personalDataRemoved: true } : {}),
  };
}

function attentionOfRow(r: SummaryRow): CaseSummary['attention'] {
  const severity = severityOf(r.risk_rank);
  return {
    count: r.risk_count,
    worst: severity === null || r.risk_label === null ? null : { severity, label: r.risk_label },
  };
}

import * as audit from '../db/repos/audit';
import * as cases from '../db/repos/cases';
import { canonicalJson, type Db } from '../db/sql';
import type { JsonObject } from '../../shared/domain/json';
import type { Transition } from './types';

/** The part of a cached case whose changes are transitions. */
export interface CaseSnapshot {
  idvStatus: string;
  /** Canonical IDV JSON as last fetched; null before the first fetch. */
  idvJson: string | null;
  kycId: string | null;
  kycStatus: string | null;
  kycReason: string | null;
  /** Canonical KYC `document` JSON; null until the customer submitted. */
  documentJson: string | null;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function snapshot(db: Db, ws: string, caseId: string): CaseSnapshot | null {
  const detail = cases.get(db, ws, caseId);
  if (!detail) return null;
  const document = detail.kyc?.payload['document'];
  return {
    idvStatus: detail.idvStatus,
    idvJson: detail.idv === null ? null : canonicalJson(detail.idv),
    kycId: detail.kyc?.id ?? null,
    kycStatus: detail.kyc?.status ?? null,
    kycReason: detail.kyc?.statusReason ?? null,
    documentJson: isObject(document) ? canonicalJson(document) : null,
  };
}

/**
 * What changed between two snapshots, in the order a customer walks through them. A KYC appearing
 * as Awaiting is `kyc_started`, not also a status change; the document's first appearance is
 * `kyc_submitted`, later edits (Ondato's people correcting data) are `document_updated`.
 */
export function diff(before: CaseSnapshot | null, after: CaseSnapshot): Transition[] {
  const out: Transition[] = [];
  const prevIdv = before?.idvStatus ?? null;
  if (prevIdv !== after.idvStatus) out.push({ kind: 'idv_status', from: prevIdv, to: after.idvStatus });
  if (after.kycId === null || after.kycStatus === null) return out;
  const sameKyc = before !== null && before.kycId === after.kycId && before.kycStatus !== null;
  if (!sameKyc) out.push({ kind: 'kyc_started', kycId: after.kycId });
  const prevDocument = sameKyc ? before.documentJson : null;
  if (after.documentJson !== null && prevDocument === null) out.push({ kind: 'kyc_submitted' });
  const prevStatus = sameKyc ? before.kycStatus : null;
  const startedAwaiting = prevStatus === null && after.kycStatus === 'Awaiting';
  if (prevStatus !== after.kycStatus && !startedAwaiting) {
    out.push({ kind: 'kyc_status', from: prevStatus, to: after.kycStatus, reason: after.kycReason });
  }
  if (prevDocument !== null && after.documentJson !== null && prevDocument !== after.documentJson) {
    out.push({ kind: 'document_updated' });
  }
  return out;
}

function details(t: Transition): JsonObject {
  switch (t.kind) {
    case 'idv_status':
      return { from: t.from, to: t.to };
    case 'kyc_started':
      return { kycId: t.kycId };
    case 'kyc_status':
      return { from: t.from, to: t.to, reason: t.reason };
    case 'files_cached':
      return { count: t.count };
    case 'kyc_submitted':
    case 'document_updated':
      return {};
  }
}

/** Appends the timeline rows (`sync.<kind>`); the caller's transaction makes them atomic with the data. */
export function auditTransitions(
  db: Db,
  ws: string,
  caseId: string,
  transitions: readonly Transition[],
  at: number,
  osUser: string,
): void {
  for (const t of transitions) {
    audit.append(db, ws, {
      action: `sync.${t.kind}`,
      at,
      osUser,
      officerName: null,
      caseId,
      details: details(t),
    });
  }
}

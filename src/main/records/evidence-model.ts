import { differingNames } from '../../shared/domain/case-names';
import { createHash } from 'node:crypto';
import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import * as decisionsRepo from '../db/repos/decisions';
import * as imagesRepo from '../db/repos/images';
import type { Db } from '../db/sql';
import { AppError } from '../errors';
import { sniffMime } from '../ondato';
import type { CaseDetail } from '../../shared/domain/case';
import type { JsonObject } from '../../shared/domain/json';
import { DECISION_REASONS } from '../../shared/domain/reasons';
import type { Workspace } from '../../shared/domain/workspace';
import { compareForEvidence, documentOf, type ComparedField } from './evidence-compare';

/*
 * Everything an evidence pack shows, as plain data: the PDF renderer draws this and reads nothing else,
 * so what an auditor sees is exactly what this builder collected (and tests can assert on either).
 */

export interface EvidenceRiskFlag {
  code: string;
  label: string;
  detail: string;
  /** How the officer handled it (e.g. "Overridden by … with note …", "Not decided yet"). */
  handled: string;
}

export interface EvidenceChainHead {
  seq: number;
  mac: string;
}

export interface EvidenceImage {
  fileId: string;
  /** front / back / selfie / … as Ondato names it. */
  part: string;
  /** null: Ondato lists the file but its bytes are not in the cache. */
  stored: {
    mime: 'image/jpeg' | 'image/png' | 'application/pdf' | null;
    bytes: Buffer;
    size: number;
    sha256: string;
    /** The hash recorded when the image was downloaded equals the hash of the bytes now. */
    hashMatchesDownload: boolean;
    fetchedAt: number;
  } | null;
}

export interface EvidenceCheck {
  name: string;
  status: string | null;
  reason: string | null;
}

export interface EvidenceDecision {
  at: number;
  decision: string;
  reasonCode: string | null;
  reasonLabel: string | null;
  note: string | null;
  officer: string;
  osUser: string;
  superseded: boolean;
}

export interface EvidenceTimelineEntry {
  seq: number;
  at: number;
  action: string;
  by: string;
  details: string;
}

export interface EvidenceModel {
  generatedAt: number;
  app: { name: string; version: string };
  workspace: { name: string; environment: string };
  caseId: string;
  externalRef: string | null;
  customerName: string | null;
  /** The name read from the document, when it is not the registered name above (else null). */
  customerNameAsRead: string | null;
  personalCode: string | null;
  setupId: string | null;
  kycId: string | null;
  createdUtc: string;
  modifiedUtc: string | null;
  syncedAt: number | null;
  comparison: ComparedField[];
  ondato: {
    idvStatus: string;
    kycStatus: string | null;
    kycStatusReason: string | null;
    documentType: string | null;
    mrzVerified: boolean | null;
    crossChecked: boolean | null;
    completedUtc: string | null;
    checks: EvidenceCheck[];
    failedOcrFields: string[];
  };
  images: EvidenceImage[];
  riskFlags: EvidenceRiskFlag[];
  decisions: EvidenceDecision[];
  timeline: EvidenceTimelineEntry[];
  chainHead: EvidenceChainHead | null;
}

export interface EvidenceContext {
  db: Db;
  workspace: Workspace;
  now(): number;
  app: { name: string; version: string };
}

export interface EvidenceInputs {
  riskFlags: EvidenceRiskFlag[];
  chainHead: EvidenceChainHead | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function checksOf(payload: JsonObject | null | undefined): EvidenceCheck[] {
  const rules = payload?.['rules'];
  if (!Array.isArray(rules)) return [];
  return rules
    .filter((r): r is JsonObject => !!r && typeof r === 'object' && !Array.isArray(r))
    .map((r) => ({
      name: str(r['name']) ?? 'Unnamed check',
      status: str(r['status']),
      reason: str(r['reason']),
    }));
}

function failedOcrOf(document: JsonObject | null): string[] {
  const list = document?.['ocrValidations'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((v) =>
    v && typeof v === 'object' && !Array.isArray(v) && v['isValid'] === false && typeof v['key'] === 'string'
      ? [v['key']]
      : [],
  );
}

function imagesOf(ctx: EvidenceContext, detail: CaseDetail): EvidenceImage[] {
  return (detail.kyc?.files ?? []).map((file) => {
    const image = imagesRepo.get(ctx.db, ctx.workspace.id, file.fileId);
    const part = file.part ?? file.fileType ?? 'file';
    if (!image) return { fileId: file.fileId, part, stored: null };
    const sha256 = createHash('sha256').update(image.bytes).digest('hex');
    const mime = sniffMime(image.bytes);
    return {
      fileId: file.fileId,
      part,
      stored: {
        mime: mime === 'image/jpeg' || mime === 'image/png' || mime === 'application/pdf' ? mime : null,
        bytes: image.bytes,
        size: image.bytes.length,
        sha256,
        hashMatchesDownload: sha256 === image.sha256,
        fetchedAt: image.fetchedAt,
      },
    };
  });
}

function reasonLabel(decision: string, code: string | null): string | null {
  if (code === null) return null;
  const table = DECISION_REASONS[decision as keyof typeof DECISION_REASONS] ?? [];
  return table.find((r) => r.code === code)?.label ?? null;
}

/** Audit details as "key: value" pairs, skipping nested objects (they are in the trail itself). */
function detailText(details: JsonObject): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export function buildEvidenceModel(
  ctx: EvidenceContext,
  caseId: string,
  inputs: EvidenceInputs,
): EvidenceModel {
  const detail = casesRepo.get(ctx.db, ctx.workspace.id, caseId);
  if (!detail) throw new AppError('case_not_found', 'The case is not in this workspace.');
  const payload = detail.kyc?.payload ?? null;
  const document = documentOf(payload);
  const decisions = decisionsRepo.listForCase(ctx.db, ctx.workspace.id, caseId);
  const latestId = decisions[decisions.length - 1]?.id;
  const events = auditRepo.listForCase(ctx.db, ctx.workspace.id, caseId, 10_000).reverse();
  return {
    generatedAt: ctx.now(),
    app: ctx.app,
    workspace: { name: ctx.workspace.name, environment: ctx.workspace.environment },
    caseId,
    externalRef: detail.externalRef,
    customerName: detail.fullName,
    customerNameAsRead: differingNames(detail)?.asRead ?? null,
    personalCode: detail.personalCode,
    setupId: detail.setupId,
    kycId: detail.kycId,
    createdUtc: detail.createdUtc,
    modifiedUtc: detail.modifiedUtc,
    syncedAt: detail.syncedAt,
    comparison: compareForEvidence(detail.registration, payload, new Date(ctx.now())),
    ondato: {
      idvStatus: detail.idvStatus,
      kycStatus: detail.kycStatus,
      kycStatusReason: detail.kycStatusReason,
      documentType: document ? str(document['type']) : null,
      mrzVerified: typeof document?.['mrzVerified'] === 'boolean' ? document['mrzVerified'] : null,
      crossChecked: detail.kyc?.isCrossChecked ?? null,
      completedUtc: str(payload?.['completedUtc']),
      checks: checksOf(payload),
      failedOcrFields: failedOcrOf(document),
    },
    images: imagesOf(ctx, detail),
    riskFlags: inputs.riskFlags,
    decisions: decisions.map((d) => ({
      at: d.decidedAt,
      decision: d.decision,
      reasonCode: d.reasonCode,
      reasonLabel: reasonLabel(d.decision, d.reasonCode),
      note: d.note,
      officer: d.officerName ?? d.osUser,
      osUser: d.osUser,
      superseded: d.id !== latestId,
    })),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      by: e.officerName ? `${e.officerName} (${e.osUser})` : e.osUser,
      details: detailText(e.details),
    })),
    chainHead: inputs.chainHead,
  };
}

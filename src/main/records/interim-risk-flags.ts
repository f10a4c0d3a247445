import type { CaseDetail } from '../../shared/domain/case';
import type { DecisionRecord } from '../../shared/domain/decision';
import { compareForEvidence } from './evidence-compare';
import { utc } from './evidence-format';
import type { EvidenceRiskFlag } from './evidence-model';

/*
 * The risk flags an evidence pack lists, derived from what the cache holds: IDV not completed, KYC not
 * decided or rejected by Ondato, data mismatches, failed Ondato checks, images missing. It is the
 * export service's default provider until the shared risk-flag rules (src/shared/domain) replace it;
 * the service takes any provider with this signature.
 */
export type RiskFlagProvider = (detail: CaseDetail, decisions: DecisionRecord[]) => EvidenceRiskFlag[];

function handledBy(decisions: DecisionRecord[]): string {
  const d = decisions[decisions.length - 1];
  if (!d) return 'Not handled yet: no officer decision';
  const who = d.officerName ?? d.osUser;
  const verb = d.decision === 'accept' ? 'accepted' : d.decision === 'reject' ? 'rejected' : 'escalated';
  const note = d.note ? `; note: “${d.note}”` : '; no note';
  return `Case ${verb} by ${who} on ${utc(d.decidedAt)} (${d.reasonCode ?? 'no reason'})${note}`;
}

export const interimRiskFlags: RiskFlagProvider = (detail, decisions) => {
  const flags: Omit<EvidenceRiskFlag, 'handled'>[] = [];
  if (detail.idvStatus !== 'Completed')
    flags.push({
      code: 'idv_not_completed',
      label: 'IDV not completed',
      detail: `The customer's verification is ${detail.idvStatus}.`,
    });
  if (detail.kycStatus === null || detail.kycStatus === 'Awaiting')
    flags.push({
      code: 'kyc_not_decided',
      label: 'Not decided by Ondato',
      detail: 'Ondato has not decided the KYC identification.',
    });
  if (detail.kycStatus === 'Rejected')
    flags.push({
      code: 'ondato_rejected',
      label: 'Rejected by Ondato',
      detail: `Ondato rejected the identification${detail.kycStatusReason ? `: ${detail.kycStatusReason}` : ''}.`,
    });
  for (const row of compareForEvidence(detail.registration, detail.kyc?.payload)) {
    if (row.verdict !== 'mismatch') continue;
    flags.push({
      code: 'data_mismatch',
      label: `Mismatch: ${row.label}`,
      detail: `Registered “${row.registered ?? ''}”, document “${row.document ?? ''}”.`,
    });
  }
  const rules = detail.kyc?.payload['rules'];
  if (Array.isArray(rules)) {
    for (const rule of rules) {
      if (!rule || typeof rule !== 'object' || Array.isArray(rule) || rule['status'] !== 'Fail') continue;
      flags.push({
        code: 'check_failed',
        label: `Ondato check failed: ${typeof rule['name'] === 'string' ? rule['name'] : 'unnamed'}`,
        detail: typeof rule['reason'] === 'string' ? rule['reason'] : 'No reason given.',
      });
    }
  }
  const missing = (detail.kyc?.files ?? []).filter((f) => !f.cached).length;
  if (detail.kyc && (detail.kyc.files.length === 0 || missing > 0))
    flags.push({
      code: 'images_missing',
      label: 'Images missing',
      detail: missing > 0 ? `${missing} image(s) not downloaded.` : 'Ondato lists no document image.',
    });
  const handled = handledBy(decisions);
  return flags.map((f) => ({ ...f, handled }));
};

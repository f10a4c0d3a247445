import type { Decision } from './decision';

/** Reason codes an officer picks with a decision; the code is stored, the label is shown. */
export const DECISION_REASONS: Record<Decision, readonly { code: string; label: string }[]> = {
  accept: [
    { code: 'verified', label: 'Identity verified' },
    { code: 'verified_minor_mismatch', label: 'Verified; minor data difference explained' },
    { code: 'verified_manual_check', label: 'Verified after a manual document check' },
  ],
  reject: [
    { code: 'data_mismatch', label: 'Data does not match the document' },
    { code: 'document_expired', label: 'Document expired' },
    { code: 'document_unreadable', label: 'Document unreadable or incomplete' },
    { code: 'face_mismatch', label: 'Selfie does not match the document' },
    { code: 'underage', label: 'Customer under 18' },
    { code: 'suspected_fraud', label: 'Suspected fraud' },
    { code: 'customer_withdrew', label: 'Customer withdrew' },
  ],
  escalate: [
    { code: 'needs_second_opinion', label: 'Needs a second opinion' },
    { code: 'sanctions_or_pep', label: 'Possible sanctions or PEP match' },
    { code: 'unusual_document', label: 'Unusual document type' },
    { code: 'other', label: 'Other (see note)' },
  ],
};

export function isReasonFor(decision: Decision, code: string): boolean {
  return DECISION_REASONS[decision].some((reason) => reason.code === code);
}

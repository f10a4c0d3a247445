import type { CaseChange } from '../sync/types';

export interface Notice {
  title: string;
  body: string;
}

/**
 * The desktop notification for a change, if it is one the officer waits for: the customer finished
 * (IDV Completed) or Ondato decided (KYC Approved/Rejected). Only the case's reference is named —
 * never the customer — because notifications show on a lock screen and in the OS notification history.
 */
export function noticeFor(change: CaseChange, label: string): Notice | null {
  let decided: string | null = null;
  let completed = false;
  for (const t of change.transitions) {
    if (t.kind === 'kyc_status' && (t.to === 'Approved' || t.to === 'Rejected')) decided = t.to;
    if (t.kind === 'idv_status' && t.to === 'Completed') completed = true;
  }
  if (decided !== null) {
    return {
      title: `Ondato ${decided === 'Approved' ? 'approved' : 'rejected'} case ${label}`,
      body: 'Review the case and record your decision in KYC Desk.',
    };
  }
  if (completed) {
    return { title: `Case ${label} completed`, body: 'The customer finished the verification.' };
  }
  return null;
}

/** The external reference when there is one, else the start of the IDV id. */
export function caseLabel(caseId: string, externalRef: string | null): string {
  return externalRef ?? caseId.slice(0, 8);
}

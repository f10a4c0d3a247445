import type { RiskSeverity } from './risk-flags';

/*
 * The case list as a work queue. Every case is in "All"; the officer's own decision decides
 * "Escalated" (escalate) and "Decided" (accept or reject); an undecided case is in at most one of the
 * three waiting queues, in this order of precedence:
 * - needs my decision: Ondato decided the KYC (Approved/Rejected) or the customer completed the IDV;
 * - waiting for Ondato: the customer submitted (a KYC identification other than Awaiting/Unfinished)
 *   and the IDV is still open;
 * - waiting for the customer: the IDV is open (Pending, InProgress, Suspended) and nothing was submitted.
 * An undecided case the customer abandoned (Aborted, Expired) or in a status KYC Desk does not know
 * waits for nobody: it is only under All. Main computes the membership in SQL (migration 0007); this
 * module holds the names the UI, the IPC contract and the notifications share.
 */
export const CASE_QUEUES = [
  'needs-decision',
  'waiting-customer',
  'waiting-ondato',
  'escalated',
  'decided',
  'all',
] as const;

export type CaseQueue = (typeof CASE_QUEUES)[number];

export const QUEUE_LABELS: Readonly<Record<CaseQueue, string>> = {
  'needs-decision': 'Needs my decision',
  'waiting-customer': 'Waiting for customer',
  'waiting-ondato': 'Waiting for Ondato',
  escalated: 'Escalated',
  decided: 'Decided',
  all: 'All',
};

export function isCaseQueue(value: unknown): value is CaseQueue {
  return typeof value === 'string' && (CASE_QUEUES as readonly string[]).includes(value);
}

/** Cases per queue in the active workspace (search and filters do not apply). */
export type QueueCounts = Record<CaseQueue, number>;

/** The attention column: how many risk flags a case has and its most severe one. */
export interface CaseAttention {
  count: number;
  /** Null when the case has no flag. */
  worst: { severity: RiskSeverity; label: string } | null;
}

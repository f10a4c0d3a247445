import type { TeamRelayStatus } from './views';
/*
 * Team mode as the desk shows it (ADR 0020). Officers are PostgreSQL roles: `officer` is what the team
 * database recorded as current_user, never something the desk chose. No URL here holds a password.
 */
export type TeamQueue = 'mine' | 'unassigned' | 'approval' | 'overdue';
export const TEAM_QUEUES: readonly TeamQueue[] = ['mine', 'unassigned', 'approval', 'overdue'];

/**
 * Where a case's team decision stands: `pending-push` — decided here, not yet in the team database;
 * `proposed` — waiting for a second officer; `conflict` — two officers decided concurrently and nobody
 * has decided again since.
 */
export type TeamCaseState =
  'none' | 'pending-push' | 'final' | 'proposed' | 'approved' | 'sent_back' | 'conflict';

export interface TeamDecisionView {
  teamId: number;
  outcome: string;
  reasonCode: string;
  note: string;
  officer: string;
  decidedAt: number;
  conflictsWith: number | null;
  needsApproval: boolean;
  verdict: 'approved' | 'sent_back' | null;
  approver: string | null;
  verdictNote: string | null;
}

export interface TeamCaseView {
  caseId: string;
  assignee: string | null;
  customerFinishedAt: number | null;
  state: TeamCaseState;
  /** The team decision ids that disagree, when `state` is `conflict`. */
  conflicting: number[];
  decisions: TeamDecisionView[];
  pendingPushes: number;
}

export interface TeamQueueRow {
  caseId: string;
  externalRef: string | null;
  fullName: string | null;
  idvStatus: string;
  kycStatus: string | null;
  decision: string | null;
  assignee: string | null;
  customerFinishedAt: number | null;
  /** Time since the customer finished; null while they have not. */
  waitingMs: number | null;
  overdue: boolean;
  state: TeamCaseState;
  proposer: string | null;
}

export interface TeamStatusView {
  joined: boolean;
  /** `ROLE@HOST:PORT/DB`, never with a password. */
  where: string | null;
  connected: boolean;
  schemaVersion: number | null;
  officer: string | null;
  supervisor: boolean;
  pendingPushes: number;
  lastChangeSeen: number;
  lastPullAt: number | null;
  /** One line naming the host and why, when the last attempt failed. */
  problem: string | null;
  slaMinutes: number | null;
  /** Whether the team relay's webhooks are flowing (null: no relay has ever run for the team). */
  relay?: TeamRelayStatus | null;
}

export interface TeamCrossCheck {
  ok: boolean;
  /** The team chain verified inside the database; null when it could not be asked. */
  teamChainIntact: boolean | null;
  teamHeadSeq: number | null;
  pushedChecked: number;
  problems: string[];
}

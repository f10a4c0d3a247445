/** The officer's own compliance decision; Ondato has no API for it (docs/ondato-api.md, Lifecycle). */
export type Decision = 'accept' | 'reject' | 'escalate';

export interface DecisionRecord {
  id: number;
  caseId: string;
  workspaceId: string;
  decision: Decision;
  reasonCode: string | null;
  note: string | null;
  officerName: string | null;
  osUser: string;
  /** Local clock, ms since epoch. */
  decidedAt: number;
  /** The decision this one replaces (the case's previous latest), if any. */
  supersedesId: number | null;
}

export type NewDecision = Omit<DecisionRecord, 'id' | 'workspaceId' | 'supersedesId'>;

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
  /** The case's risk flags when it was decided (empty for decisions recorded before flags existed). */
  riskFlags: RecordedRiskFlag[];
  /** Codes of the flags the officer ticked as reviewed to accept over them. */
  overriddenFlags: string[];
}

/** A risk flag as kept with a decision: what the officer saw, without where it pointed on screen. */
export interface RecordedRiskFlag {
  code: string;
  severity: string;
  label: string;
  detail: string;
}

/** Flags default to none: repos and fixtures that record a decision without a review have none to keep. */
export type NewDecision = Omit<
  DecisionRecord,
  'id' | 'workspaceId' | 'supersedesId' | 'riskFlags' | 'overriddenFlags'
> &
  Partial<Pick<DecisionRecord, 'riskFlags' | 'overriddenFlags'>>;

import type { DocumentType, IdvStatus, KycStatusReason } from '../shared/wire/schemas';

export interface Clock {
  now(): number;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** The registration as the simulator keeps it: only fields Ondato's model binder knows about. */
export interface StoredRegistration {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  personalCode?: string | null;
  email?: string | null;
  phoneNumber?: number | null;
  countryCode?: string | null;
}

export type KnownIdvStatus = Extract<
  IdvStatus,
  'Pending' | 'InProgress' | 'Completed' | 'Aborted' | 'Expired' | 'Suspended'
>;

export const ADVANCE_TARGETS = [
  'open',
  'kyc-start',
  'submit',
  'complete',
  'decide',
  'abort',
  'suspend',
  'resume',
  'expire',
] as const;
export type AdvanceTarget = (typeof ADVANCE_TARGETS)[number];

export interface Outcome {
  status: 'Approved' | 'Rejected';
  statusReason?: KycStatusReason;
}

export interface Mismatch {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  personalCode?: string;
  dateOfExpiration?: string;
  documentNumber?: string;
}

export interface DocumentChoice {
  type?: DocumentType;
  withBack?: boolean;
  withSelfie?: boolean;
}

/** A step the autopilot will take at `at` (clock ms) unless someone intervened. */
export interface PlannedStep {
  at: number;
  step: AdvanceTarget;
}

export interface HistoryEvent {
  type: string;
  at: number;
  payload: Record<string, unknown>;
  /**
   * What the GET of the resource answered at that instant (applicationId left blank: the record does
   * not know it), sent as the webhook's payload. Absent in snapshots taken before webhooks existed.
   */
  resource?: Record<string, unknown>;
}

export interface KycRecord {
  id: string;
  createdAt: number;
  submittedAt?: number;
  decidedAt?: number;
  decision?: Outcome;
}

export interface IdvRecord {
  id: string;
  /** Root of every derived value of this IDV (names, dates, file ids), independent of read order. */
  seed: number;
  setupId: string;
  externalReferenceId?: string;
  registration?: StoredRegistration;
  createdAt: number;
  modifiedAt: number;
  /** Expiry is measured from here: the last transition or customer activity. */
  lastActivityAt: number;
  status: KnownIdvStatus;
  consentedAt?: number;
  kyc?: KycRecord;
  outcome?: Outcome;
  /** The decision autopilot drew; an explicit outcome or failing data wins over it. */
  plannedOutcome?: Outcome;
  mismatch: Mismatch;
  document: DocumentChoice;
  customer: { front: boolean; back: boolean; selfie: boolean; typeChosen: boolean };
  plan: PlannedStep[];
  history: HistoryEvent[];
  /** `at`: when the first redaction was asked for (simulator ms); absent while nothing is redacted. */
  redacted: { personal: boolean; biometric: boolean; at?: number };
}

import type { Decision, DecisionRecord } from './decision';
import type { JsonObject } from './json';
import type { CaseAttention, CaseQueue } from './queues';

/*
 * Times: fields named `...Utc` are Ondato's clock, as ISO 8601 strings (ms precision); fields named
 * `...At` are this machine's clock, ms since epoch. Statuses are open strings: an unknown value Ondato
 * adds later is kept and shown, never rejected.
 */

export type IdvStatusValue =
  'Pending' | 'InProgress' | 'Completed' | 'Aborted' | 'Expired' | 'Suspended' | (string & {});
export type KycStatusValue = 'Awaiting' | 'Approved' | 'Rejected' | (string & {});

/** One row of the case list. */
export interface CaseSummary {
  id: string;
  externalRef: string | null;
  fullName: string | null;
  idvStatus: IdvStatusValue;
  kycStatus: KycStatusValue | null;
  kycStatusReason: string | null;
  decision: Decision | null;
  createdUtc: string;
  modifiedUtc: string | null;
  syncedAt: number | null;
  /** Retention or redaction removed the personal data: there is no name to show, by design. */
  personalDataRemoved?: boolean;
  /**
   * The name the officer registered (entered, else the IDV's registration). `fullName` is this name,
   * or the document's when the case has no registration; it never follows the document otherwise.
   */
  registeredName?: string | null;
  /** The name Ondato read from the document; null until one is read. Differs from the registered one in an impersonation. */
  nameAsRead?: string | null;
  /** Risk flags as of the last write or daily refresh (main keeps them in the cache row). */
  attention: CaseAttention;
}

/** What the officer entered when creating the case (a subset of Ondato's registration). */
export interface RegistrationData {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  dateOfBirth?: string | null;
  personalCode?: string | null;
  email?: string | null;
  phoneNumber?: number | string | null;
  countryCode?: string | null;
}

export interface KycFileInfo {
  fileId: string;
  part: string | null;
  fileType: string | null;
  fileName: string | null;
  extension: string | null;
  createdUtc: string | null;
  /** The image bytes are in the cache already. */
  cached: boolean;
}

export interface KycDetail {
  id: string;
  status: KycStatusValue;
  statusReason: string | null;
  isCrossChecked: boolean | null;
  /** The KYC identification exactly as Ondato last returned it. */
  payload: JsonObject;
  files: KycFileInfo[];
  syncedAt: number | null;
}

export interface CaseDetail extends CaseSummary {
  workspaceId: string;
  setupId: string | null;
  personalCode: string | null;
  kycId: string | null;
  /** Null when the case was discovered upstream rather than created here. */
  registration: RegistrationData | null;
  /** The IDV exactly as Ondato last returned it; null until the first successful fetch. */
  idv: JsonObject | null;
  kyc: KycDetail | null;
  latestDecision: DecisionRecord | null;
  decidedAt: number | null;
  /** Imported from Ondato, or personal data removed; absent/null for an ordinary case. */
  lifecycle?: CaseLifecycle | null;
}

export type PurgeKind = 'retention' | 'redaction';

/** A file the case had before its personal data was removed: what it was and the image's SHA-256. */
export interface PurgedFile {
  fileId: string;
  part: string | null;
  fileType: string | null;
  /** Null when the image was never downloaded, so there is no hash to keep. */
  sha256: string | null;
  size: number | null;
}

export interface CaseLifecycle {
  /** Brought in from Ondato (created in its portal or another system), ms. */
  importedAt: number | null;
  /** When the local personal data and images were removed, ms; null while they are kept. */
  purgedAt: number | null;
  purgeKind: PurgeKind | null;
  /** Ondato's own redaction time, when it reported one. */
  redactedUtc: string | null;
  purgedFiles: PurgedFile[];
}

export type CaseSort = 'created' | 'modified' | 'attention';
export type SortDirection = 'asc' | 'desc';

export interface CaseListQuery {
  /** Free text; every typed word must prefix-match the name, external ref, IDV id or personal code. */
  search?: string;
  idvStatus?: string[];
  /** `none`: no KYC identification yet. */
  kycStatus?: (string | 'none')[];
  /** `none`: not decided by the officer yet. */
  decision?: (Decision | 'none')[];
  /** One work queue (absent = all cases). */
  queue?: CaseQueue;
  /** Ondato's creation time at or after this instant (ms), and before `createdBefore` (ms, exclusive). */
  createdFrom?: number;
  createdBefore?: number;
  sort: CaseSort;
  dir: SortDirection;
  limit: number;
  /** Opaque, from a previous page's `nextCursor`; wins over `offset`. */
  cursor?: string | null;
  offset?: number;
}

export interface CaseListPage {
  rows: CaseSummary[];
  /** Rows matching the query's filters in total (all pages). */
  total: number;
  nextCursor: string | null;
}

import type { JsonObject } from './json';

/** Known audit actions; the column is open so a newer build's actions still read back. */
export type AuditAction =
  | 'workspace.added'
  | 'workspace.updated'
  | 'case.created'
  | 'case.synced'
  | 'kyc.decided_upstream'
  | 'decision.recorded'
  | 'link.copied'
  | 'link.opened'
  | 'qr.shown'
  | (string & {});

export interface AuditEvent {
  seq: number;
  workspaceId: string;
  caseId: string | null;
  /** Local clock, ms since epoch. */
  at: number;
  osUser: string;
  officerName: string | null;
  action: AuditAction;
  details: JsonObject;
  prevHash: string;
  hash: string;
}

export type NewAuditEvent = Pick<AuditEvent, 'action' | 'at' | 'osUser' | 'officerName'> & {
  caseId?: string | null;
  details?: JsonObject;
};

export interface AuditChainCheck {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match; absent when ok. */
  firstBadSeq?: number;
}
